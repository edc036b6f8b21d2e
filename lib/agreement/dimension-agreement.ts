import { codePointLength } from "../anchoring/text-position";

import type { AlphaResult } from "./krippendorff-alpha";
import type { BootstrapOptions } from "./bootstrap-alpha";
import { comparePreparedPairs, type PairResult, type PairwiseMeanResult } from "./pairwise-span-f1";
import { prepareSpans, type PreparedSpans, type SpanF1Result, type SpanMatch } from "./span-f1";
import { assertSpanInRange, type AnnotatorSpans, type Span } from "./spans";
import {
  computeTokenAgreement,
  type MultiLabelSpan,
  type TokenMeasures,
  type TokenScope,
} from "./token-agreement";
import { tokenizeCharacters, tokenizeWords } from "./tokenize";
import { computeUnitizedAlpha, type UnitizedAlphaResult } from "./unitized-alpha";

// Every agreement measure for one codebook dimension of one document: what the app
// calls. Include every annotator who finished the document, also those who marked
// nothing: "no span here" is a judgement that agreement must count.
export type DimensionInput = {
  // Code points, as the stored text is measured.
  textLength: number;
  // The document text; needed for word tokens.
  text?: string;
  // The dimension's labels, so unused ones are reported (as undefined) too.
  labels?: readonly string[];
  annotators: readonly AnnotatorSpans<MultiLabelSpan>[];
};

export type DimensionOptions = {
  // Units of the token-level measures: words (default when `text` is given) or code points.
  tokenUnit?: "word" | "character";
  tokenScope?: TokenScope;
  // Adds bootstrap intervals to the token-level α values.
  bootstrap?: BootstrapOptions;
  // Adds every annotator pair's span F1 (R(R − 1)/2 entries per figure).
  includePairs?: boolean;
};

export type SpanF1Summary = Record<SpanMatch, PairwiseMeanResult> & {
  pairs?: Record<SpanMatch, PairResult<SpanF1Result>[]>;
};

export type LabelAgreement = {
  label: string;
  // Spans carrying this label, over all annotators.
  spans: number;
  annotatorsWithSpans: number;
  unitizedAlpha: UnitizedAlphaResult;
  spanF1: SpanF1Summary;
  tokens: TokenMeasures;
};

export type DimensionAgreement = {
  textLength: number;
  annotators: number;
  labels: string[];
  tokenUnit: "word" | "character";
  tokens: number;
  overall: {
    spans: number;
    // Krippendorff's uα over all labels (1 − mean D_o / mean D_e).
    unitizedAlpha: UnitizedAlphaResult;
    // uα with every span as one category: agreement on where, ignoring what.
    unitizedAlphaUnlabelled: UnitizedAlphaResult;
    spanF1: { labelled: SpanF1Summary; unlabelled: SpanF1Summary };
    tokens: TokenMeasures & { masiAlpha: AlphaResult };
  };
  perLabel: LabelAgreement[];
};

// A category name no real label can collide with.
const anyLabel = "\u0000marked";

export function computeDimensionAgreement(
  input: DimensionInput,
  options: DimensionOptions = {},
): DimensionAgreement {
  const { textLength, text, annotators } = input;
  validateInput(input);

  const tokenUnit = options.tokenUnit ?? (text === undefined ? "character" : "word");
  if (tokenUnit === "word" && text === undefined) {
    throw new RangeError("Word tokens need the document text.");
  }
  const tokens =
    tokenUnit === "word" ? tokenizeWords(text as string) : tokenizeCharacters(textLength);

  const labelled = annotators.map((annotator) =>
    annotator.spans.flatMap((span) =>
      span.labels.map((label): Span => ({ start: span.start, end: span.end, label })),
    ),
  );
  const unlabelled = annotators.map((annotator) =>
    annotator.spans.map((span): Span => ({ start: span.start, end: span.end, label: anyLabel })),
  );
  const labels = collectLabels(input.labels ?? [], labelled);
  const ids = annotators.map((annotator) => annotator.id);

  const unitized = computeUnitizedAlpha({
    continuumLength: textLength,
    annotators: labelled,
    labels,
  });
  const unitizedUnlabelled = computeUnitizedAlpha({
    continuumLength: textLength,
    annotators: unlabelled,
  });
  const tokenAgreement = computeTokenAgreement(
    { tokens, annotators, labels },
    { scope: options.tokenScope, bootstrap: options.bootstrap },
  );

  const preparedLabelled = labelled.map((spans) => prepareSpans(spans, true));
  const preparedUnlabelled = unlabelled.map((spans) => prepareSpans(spans, false));
  // The prepared sets decide labelled or not: unlabelled ones hold every span in one group.
  const summarise = (prepared: readonly PreparedSpans[], label?: string): SpanF1Summary => {
    const compare = (match: SpanMatch) => comparePreparedPairs(ids, prepared, { match, label });
    const exact = compare("exact");
    const overlap = compare("overlap");
    const partial = compare("partial");
    const summary: SpanF1Summary = {
      exact: exact.mean,
      overlap: overlap.mean,
      partial: partial.mean,
    };

    if (options.includePairs) {
      summary.pairs = { exact: exact.pairs, overlap: overlap.pairs, partial: partial.pairs };
    }
    return summary;
  };

  const unitizedUnlabelledResult =
    unitizedUnlabelled.perLabel[0]?.result ?? unitizedUnlabelled.overall;

  return {
    textLength,
    annotators: annotators.length,
    labels,
    tokenUnit,
    tokens: tokens.length,
    overall: {
      spans: annotators.reduce((sum, annotator) => sum + annotator.spans.length, 0),
      unitizedAlpha: unitized.overall,
      unitizedAlphaUnlabelled: unitizedUnlabelledResult,
      spanF1: { labelled: summarise(preparedLabelled), unlabelled: summarise(preparedUnlabelled) },
      tokens: tokenAgreement.overall,
    },
    perLabel: labels.map((label, index) => {
      const counts = labelled.map((spans) => spans.filter((span) => span.label === label).length);
      return {
        label,
        spans: counts.reduce((sum, count) => sum + count, 0),
        annotatorsWithSpans: counts.filter((count) => count > 0).length,
        unitizedAlpha: unitized.perLabel[index]!.result,
        spanF1: summarise(preparedLabelled, label),
        tokens: tokenAgreement.perLabel[index]!,
      };
    }),
  };
}

function validateInput({ textLength, text, annotators }: DimensionInput): void {
  if (!Number.isInteger(textLength) || textLength < 0) {
    throw new RangeError(`textLength must be a whole number ≥ 0, got ${textLength}.`);
  }
  if (text !== undefined && codePointLength(text) !== textLength) {
    throw new RangeError(
      `textLength (${textLength}) does not match the text (${codePointLength(text)} code points).`,
    );
  }

  const seen = new Set<string>();
  for (const annotator of annotators) {
    if (seen.has(annotator.id)) {
      throw new RangeError(`Annotator ${annotator.id} appears twice.`);
    }
    seen.add(annotator.id);
    for (const span of annotator.spans) {
      assertSpanInRange(span, textLength);
    }
  }
}

function collectLabels(known: readonly string[], labelled: readonly Span[][]): string[] {
  const labels = [...new Set(known)];
  const listed = new Set(labels);
  const extra = new Set<string>();

  for (const spans of labelled) {
    for (const span of spans) {
      if (!listed.has(span.label)) {
        extra.add(span.label);
      }
    }
  }

  return [...labels, ...[...extra].sort()];
}
