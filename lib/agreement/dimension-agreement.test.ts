import { describe, expect, it } from "vitest";

import { computeDimensionAgreement, type DimensionInput } from "./dimension-agreement";
import { computeSpanF1 } from "./span-f1";
import { computeUnitizedAlpha } from "./unitized-alpha";

const text = "The reckless plan, critics say, will devastate families and ruin the economy.";
const input: DimensionInput = {
  textLength: 77,
  text,
  labels: ["Loaded_Language", "Exaggeration", "Doubt", "Whataboutism"],
  annotators: [
    {
      id: "A",
      spans: [
        { start: 4, end: 12, labels: ["Loaded_Language"] },
        { start: 37, end: 55, labels: ["Exaggeration"] },
        { start: 60, end: 64, labels: ["Loaded_Language"] },
      ],
    },
    {
      id: "B",
      spans: [
        { start: 4, end: 17, labels: ["Loaded_Language"] },
        { start: 32, end: 55, labels: ["Exaggeration"] },
        { start: 19, end: 30, labels: ["Doubt"] },
      ],
    },
  ],
};

// Every number anywhere in the result, to check none is NaN or infinite.
function collectNumbers(value: unknown, found: number[] = []): number[] {
  if (typeof value === "number") {
    found.push(value);
  } else if (value && typeof value === "object") {
    for (const entry of Object.values(value)) {
      collectNumbers(entry, found);
    }
  }
  return found;
}

describe("computeDimensionAgreement", () => {
  const result = computeDimensionAgreement(input);

  it("reports the reference token-level figures overall", () => {
    expect(result.tokenUnit).toBe("word");
    expect(result.tokens).toBe(15);
    expect(
      result.overall.tokens.cohenKappa.defined && result.overall.tokens.cohenKappa.value,
    ).toBeCloseTo(0.409449, 6);
    expect(
      result.overall.tokens.krippendorffAlpha.defined &&
        result.overall.tokens.krippendorffAlpha.value,
    ).toBeCloseTo(0.412955, 6);
  });

  it("reports the reference span F1 figures overall", () => {
    const { labelled, unlabelled } = result.overall.spanF1;

    for (const summary of [labelled, unlabelled]) {
      expect(summary.exact.defined && summary.exact.value).toBe(0);
      expect(summary.overlap.defined && summary.overlap.value).toBeCloseTo(0.666667, 6);
      expect(summary.partial.defined && summary.partial.value).toBeCloseTo(0.548556, 6);
    }
  });

  it("matches the stand-alone functions per label", () => {
    const loaded = result.perLabel.find((entry) => entry.label === "Loaded_Language")!;
    const onlyLoaded = input.annotators.map((annotator) =>
      annotator.spans
        .filter((span) => span.labels.includes("Loaded_Language"))
        .map((span) => ({ start: span.start, end: span.end, label: "Loaded_Language" })),
    );
    const direct = computeSpanF1(onlyLoaded[0]!, onlyLoaded[1]!, { match: "partial" });
    const unitized = computeUnitizedAlpha({ continuumLength: 77, annotators: onlyLoaded });

    expect(loaded.spans).toBe(3);
    expect(loaded.annotatorsWithSpans).toBe(2);
    expect(loaded.spanF1.partial).toMatchObject({
      defined: true,
      value: direct.defined && direct.value,
    });
    expect(loaded.unitizedAlpha).toEqual(unitized.perLabel[0]!.result);
  });

  it("lists labels in codebook order and reports unused ones as undefined with a reason", () => {
    const unused = result.perLabel.find((entry) => entry.label === "Whataboutism")!;

    expect(result.labels).toEqual(["Loaded_Language", "Exaggeration", "Doubt", "Whataboutism"]);
    expect(unused.spans).toBe(0);
    for (const measure of [
      unused.unitizedAlpha,
      unused.spanF1.exact,
      unused.tokens.krippendorffAlpha,
    ]) {
      expect(measure.defined).toBe(false);
      expect(measure.defined || measure.reason.length).toBeGreaterThan(0);
    }
  });

  it("never returns NaN or Infinity", () => {
    for (const number of collectNumbers(result)) {
      expect(Number.isFinite(number)).toBe(true);
    }
  });

  it("uses character units without the text, and can list every pair", () => {
    const characters = computeDimensionAgreement(
      { ...input, text: undefined },
      { includePairs: true, bootstrap: { resamples: 50 } },
    );

    expect(characters.tokenUnit).toBe("character");
    expect(characters.tokens).toBe(77);
    expect(characters.overall.spanF1.labelled.pairs?.overlap).toHaveLength(1);
    expect(characters.overall.tokens.krippendorffAlpha).toMatchObject({
      defined: true,
      interval: { defined: true, resamples: 50 },
    });
  });

  it("is undefined everywhere, with reasons, for one annotator", () => {
    const alone = computeDimensionAgreement({ ...input, annotators: input.annotators.slice(0, 1) });

    for (const measure of [
      alone.overall.unitizedAlpha,
      alone.overall.spanF1.labelled.overlap,
      alone.overall.tokens.cohenKappa,
      alone.overall.tokens.masiAlpha,
    ]) {
      expect(measure).toMatchObject({ defined: false, code: "too-few-annotators" });
    }
  });

  it("rejects inconsistent input", () => {
    expect(() => computeDimensionAgreement({ ...input, textLength: 76 })).toThrow(/does not match/);
    expect(() =>
      computeDimensionAgreement({
        ...input,
        annotators: [input.annotators[0]!, input.annotators[0]!],
      }),
    ).toThrow(/appears twice/);
    expect(() =>
      computeDimensionAgreement({
        ...input,
        annotators: [{ id: "X", spans: [{ start: 70, end: 80, labels: ["Doubt"] }] }],
      }),
    ).toThrow(RangeError);
    expect(() =>
      computeDimensionAgreement({ ...input, text: undefined }, { tokenUnit: "word" }),
    ).toThrow(/need the document text/);
  });

  it("counts emoji as one code point", () => {
    const emoji = "Big 👍 win";
    const outcome = computeDimensionAgreement({
      textLength: 9,
      text: emoji,
      annotators: [
        { id: "A", spans: [{ start: 4, end: 9, labels: ["X"] }] },
        { id: "B", spans: [{ start: 6, end: 9, labels: ["X"] }] },
      ],
    });

    expect(outcome.tokens).toBe(3);
    expect(outcome.overall.tokens.cohenKappa.defined).toBe(true);
  });
});
