import {
  createAgreement,
  createUndefined,
  reasons,
  type AgreementResult,
} from "./agreement-result";
import { dedupeIntervals, groupByLabel, mergeOverlapping, type Interval, type Span } from "./spans";

// exact: same start and end. overlap: shares at least one character (lenient).
// partial: SemEval-2020 Task 11 credit, P = (1/|S|) Σ_s Σ_t |s∩t|/|s|, R likewise over T.
export type SpanMatch = "exact" | "overlap" | "partial";

export type SpanF1Options = {
  match: SpanMatch;
  // Labelled: only spans with the same label can match. Default true.
  labelled?: boolean;
  // SemEval's scorer scores two empty sets as F1 = 1; between annotators that would
  // reward not annotating, so by default the pair is undefined instead.
  bothEmpty?: "undefined" | "perfect";
};

export type SpanF1Detail = {
  precision: number;
  recall: number;
  predictedSpans: number;
  goldSpans: number;
};
export type SpanF1Result = AgreementResult<SpanF1Detail>;

type IntervalGroup = {
  // Distinct intervals (exact and overlap count these).
  distinct: Interval[];
  // Overlapping intervals merged: the union, and the span list partial credit scores
  // (the SemEval scorer merges overlapping spans before scoring).
  merged: Interval[];
};

// Spans grouped by label (or all in one group, unlabelled), sorted, ready to compare
// against many other annotators without redoing the work.
export type PreparedSpans = {
  labelled: boolean;
  groups: Map<string, IntervalGroup>;
};

const anyLabel = "";

export function prepareSpans(spans: readonly Span[], labelled = true): PreparedSpans {
  const byLabel = labelled ? groupByLabel(spans) : new Map([[anyLabel, [...spans]]]);
  const groups = new Map<string, IntervalGroup>();

  for (const [label, group] of byLabel) {
    if (group.length > 0) {
      groups.set(label, { distinct: dedupeIntervals(group), merged: mergeOverlapping(group) });
    }
  }

  return { labelled, groups };
}

export function computeSpanF1(
  predicted: readonly Span[],
  gold: readonly Span[],
  options: SpanF1Options,
): SpanF1Result {
  const labelled = options.labelled ?? true;
  return compareSpans(prepareSpans(predicted, labelled), prepareSpans(gold, labelled), options);
}

// Compares prepared span sets; `label` restricts the comparison to one label's group.
export function compareSpans(
  predicted: PreparedSpans,
  gold: PreparedSpans,
  options: SpanF1Options,
  label?: string,
): SpanF1Result {
  const labels =
    label === undefined
      ? new Set([...predicted.groups.keys(), ...gold.groups.keys()])
      : new Set([label]);
  let predictedSpans = 0;
  let goldSpans = 0;
  let precisionCredit = 0;
  let recallCredit = 0;

  for (const key of labels) {
    const left = predicted.groups.get(key);
    const right = gold.groups.get(key);
    const leftSpans = options.match === "partial" ? left?.merged : left?.distinct;
    const rightSpans = options.match === "partial" ? right?.merged : right?.distinct;
    predictedSpans += leftSpans?.length ?? 0;
    goldSpans += rightSpans?.length ?? 0;

    if (!left || !right) {
      continue;
    }

    if (options.match === "exact") {
      const shared = countIdentical(left.distinct, right.distinct);
      precisionCredit += shared;
      recallCredit += shared;
    } else if (options.match === "overlap") {
      precisionCredit += countOverlapping(left.distinct, right.merged);
      recallCredit += countOverlapping(right.distinct, left.merged);
    } else {
      precisionCredit += sumCoveredShare(left.merged, right.merged);
      recallCredit += sumCoveredShare(right.merged, left.merged);
    }
  }

  const n = {
    units: predictedSpans + goldSpans,
    annotators: 2,
    values: predictedSpans + goldSpans,
  };

  if (predictedSpans === 0 && goldSpans === 0) {
    return options.bothEmpty === "perfect"
      ? createAgreement(1, n, { precision: 1, recall: 1, predictedSpans, goldSpans })
      : createUndefined("no-spans", reasons.noSpans, n);
  }

  // As in the SemEval scorer: an empty side has precision (or recall) 0, and F1 is 0
  // unless both are positive.
  const precision = predictedSpans > 0 ? precisionCredit / predictedSpans : 0;
  const recall = goldSpans > 0 ? recallCredit / goldSpans : 0;
  const f1 = precision > 0 && recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;

  return createAgreement(f1, n, { precision, recall, predictedSpans, goldSpans });
}

function countIdentical(left: readonly Interval[], right: readonly Interval[]): number {
  let shared = 0;
  let leftIndex = 0;
  let rightIndex = 0;

  while (leftIndex < left.length && rightIndex < right.length) {
    const a = left[leftIndex]!;
    const b = right[rightIndex]!;
    const order = a.start - b.start || a.end - b.end;
    if (order === 0) {
      shared += 1;
      leftIndex += 1;
      rightIndex += 1;
    } else if (order < 0) {
      leftIndex += 1;
    } else {
      rightIndex += 1;
    }
  }

  return shared;
}

// Spans (sorted by start) that share a character with the union `cover` (sorted, disjoint).
function countOverlapping(spans: readonly Interval[], cover: readonly Interval[]): number {
  let count = 0;
  let candidate = 0;

  for (const span of spans) {
    // Starts only grow, so cover intervals ending before this start never matter again.
    while (candidate < cover.length && cover[candidate]!.end <= span.start) {
      candidate += 1;
    }
    const next = cover[candidate];
    if (next && next.start < span.end) {
      count += 1;
    }
  }

  return count;
}

// Σ_s |s ∩ ∪cover| / |s| for disjoint sorted spans against a disjoint sorted cover.
function sumCoveredShare(spans: readonly Interval[], cover: readonly Interval[]): number {
  let total = 0;
  let candidate = 0;

  for (const span of spans) {
    while (candidate < cover.length && cover[candidate]!.end <= span.start) {
      candidate += 1;
    }

    let covered = 0;
    for (
      let index = candidate;
      index < cover.length && cover[index]!.start < span.end;
      index += 1
    ) {
      covered += Math.min(span.end, cover[index]!.end) - Math.max(span.start, cover[index]!.start);
    }
    total += covered / (span.end - span.start);
  }

  return total;
}
