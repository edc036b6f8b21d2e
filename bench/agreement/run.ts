import { pathToFileURL } from "node:url";

import { computeDimensionAgreement } from "../../lib/agreement/dimension-agreement";
import { computePairwiseSpanF1 } from "../../lib/agreement/pairwise-span-f1";
import { computeTokenAgreement } from "../../lib/agreement/token-agreement";
import { tokenizeWords } from "../../lib/agreement/tokenize";
import { computeUnitizedAlpha } from "../../lib/agreement/unitized-alpha";

import { generateDimension, type GenerateOptions } from "./generate-dimension";

// `npx tsx bench/agreement/run.ts`: times every agreement measure for one dimension
// (40 annotators, 50,000 characters, 4,000 spans by default) against a baseline that
// only sorts and scans the spans once. Target: all measures under one second.

export type BenchResult = {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
};

export type AgreementBenchOptions = GenerateOptions & { runs?: number };

export const targetMs = 1000;

export async function runAgreementBench(
  options: AgreementBenchOptions = {},
): Promise<BenchResult[]> {
  const runs = options.runs ?? 7;
  const input = generateDimension(options);
  const text = input.text ?? "";
  const tokens = tokenizeWords(text);
  const labelled = input.annotators.map((annotator) =>
    annotator.spans.flatMap((span) => span.labels.map((label) => ({ ...span, label }))),
  );

  const cases: [string, () => unknown][] = [
    [
      "baseline: sort and scan all spans once",
      () => {
        const all = input.annotators.flatMap((annotator) => annotator.spans);
        all.sort((left, right) => left.start - right.start || left.end - right.end);
        let covered = 0;
        for (const span of all) {
          covered += span.end - span.start;
        }
        return covered;
      },
    ],
    ["tokenise (words)", () => tokenizeWords(text)],
    [
      "unitized α (per label + overall)",
      () => computeUnitizedAlpha({ continuumLength: input.textLength, annotators: labelled }),
    ],
    [
      "pairwise span F1 (exact, overlap, partial; labelled)",
      () =>
        (["exact", "overlap", "partial"] as const).map((match) =>
          computePairwiseSpanF1(
            labelled.map((spans, index) => ({ id: String(index), spans })),
            { match },
          ),
        ),
    ],
    [
      "token κ/π/Fleiss/α/MASI-α (overall + per label)",
      () => computeTokenAgreement({ tokens, annotators: input.annotators, labels: input.labels }),
    ],
    ["all measures: computeDimensionAgreement (words)", () => computeDimensionAgreement(input)],
    [
      "all measures, character units",
      () => computeDimensionAgreement({ ...input, text: undefined }, { tokenUnit: "character" }),
    ],
    [
      "all measures + bootstrap (1000 resamples)",
      () => computeDimensionAgreement(input, { bootstrap: { resamples: 1000, seed: 7 } }),
    ],
  ];

  const results: BenchResult[] = [];
  for (const [name, run] of cases) {
    run();
    const times: number[] = [];
    for (let index = 0; index < runs; index += 1) {
      const started = performance.now();
      run();
      times.push(performance.now() - started);
      // Let pending work and GC run between samples so they do not pile onto one.
      await new Promise((resolve) => setImmediate(resolve));
    }
    times.sort((left, right) => left - right);
    results.push({
      name,
      medianMs: times[Math.floor(times.length / 2)]!,
      minMs: times[0]!,
      maxMs: times[times.length - 1]!,
      runs,
    });
  }

  return results;
}

async function main(): Promise<void> {
  const input = generateDimension();
  console.log(
    `Agreement benchmark: ${input.annotators.length} annotators, ${input.textLength} characters, ` +
      `${input.annotators.reduce((sum, annotator) => sum + annotator.spans.length, 0)} spans, ` +
      `${tokenizeWords(input.text ?? "").length} word tokens, ${input.labels?.length ?? 0} labels`,
  );

  const results = await runAgreementBench();
  for (const result of results) {
    console.log(
      `${result.name.padEnd(56)} median ${result.medianMs.toFixed(1).padStart(8)} ms ` +
        `(min ${result.minMs.toFixed(1)}, max ${result.maxMs.toFixed(1)}, ${result.runs} runs)`,
    );
  }

  const all = results.find((result) => result.name.startsWith("all measures: "));
  if (all) {
    const verdict = all.medianMs < targetMs ? "within" : "OVER";
    console.log(
      `All measures: ${all.medianMs.toFixed(1)} ms, ${verdict} the ${targetMs} ms target.`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
