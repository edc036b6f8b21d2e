import {
  createAgreement,
  createUndefined,
  reasons,
  type AgreementCounts,
  type AgreementResult,
} from "./agreement-result";
import {
  assertSpanInRange,
  groupByLabel,
  mergeOverlapping,
  type Interval,
  type Span,
} from "./spans";

// Krippendorff's unitizing α, 1995 / 2004 form (Content Analysis, 2nd ed., p. 254), as
// DKPro Agreement's KrippendorffAlphaUnitizingAgreement implements it. Annotators both
// segment the text and label the segments; each label is scored on its own.

export type UnitizingInput = {
  continuumLength: number;
  continuumStart?: number;
  // One list of spans per annotator. Annotators with no spans still count: they said
  // "nothing here", which is a judgement.
  annotators: readonly (readonly Span[])[];
  // Labels to report even if nobody used them (they come back undefined).
  labels?: readonly string[];
};

export type UnitizedDetail = { observedDisagreement: number; expectedDisagreement: number };
export type UnitizedAlphaResult = AgreementResult<UnitizedDetail>;

export type UnitizedAlpha = {
  // 1 − mean_c D_o(c) / mean_c D_e(c), DKPro's overall value.
  overall: UnitizedAlphaResult;
  perLabel: { label: string; result: UnitizedAlphaResult }[];
};

type LabelDisagreement = { label: string; observed: number; expected: number; units: number };

export function computeUnitizedAlpha(input: UnitizingInput): UnitizedAlpha {
  const { continuumLength, annotators } = input;
  const continuumStart = input.continuumStart ?? 0;
  const raters = annotators.length;

  if (!Number.isInteger(continuumLength) || continuumLength < 0) {
    throw new RangeError(
      `The continuum length must be a whole number ≥ 0, got ${continuumLength}.`,
    );
  }
  for (const spans of annotators) {
    for (const span of spans) {
      assertSpanInRange(span, continuumLength, continuumStart);
    }
  }

  const grouped = annotators.map((spans) => groupByLabel(spans));
  // Listed labels first, then the rest sorted, so the order never depends on annotator order.
  const listed = [...new Set(input.labels ?? [])];
  const extra = new Set<string>();
  for (const group of grouped) {
    for (const label of group.keys()) {
      if (!listed.includes(label)) {
        extra.add(label);
      }
    }
  }
  const labels = [...listed, ...[...extra].sort()];

  const summaryCounts = (units: number): AgreementCounts => ({
    units,
    annotators: raters,
    values: continuumLength,
  });

  if (raters < 2 || continuumLength === 0) {
    const result =
      raters < 2
        ? createUndefined("too-few-annotators", reasons.tooFewAnnotators, summaryCounts(0))
        : createUndefined("empty-input", reasons.emptyInput, summaryCounts(0));
    return { overall: result, perLabel: labels.map((label) => ({ label, result })) };
  }

  const disagreements: LabelDisagreement[] = labels.map((label) => {
    const units = grouped.map((group) =>
      // A coder's overlapping units of one label are merged: the model needs each coder's
      // units of a label to be disjoint (DKPro rejects overlaps outright).
      mergeOverlapping(group.get(label) ?? []).map((interval) => ({
        start: interval.start - continuumStart,
        end: interval.end - continuumStart,
      })),
    );
    return {
      label,
      observed: computeObservedDisagreement(units, continuumLength),
      expected: computeExpectedDisagreement(units, continuumLength),
      units: units.reduce((sum, list) => sum + list.length, 0),
    };
  });

  const perLabel = disagreements.map(({ label, observed, expected, units }) => ({
    label,
    result: toResult(observed, expected, summaryCounts(units), units === 0),
  }));

  const totalUnits = disagreements.reduce((sum, entry) => sum + entry.units, 0);
  const observedSum = disagreements.reduce((sum, entry) => sum + entry.observed, 0);
  const expectedSum = disagreements.reduce((sum, entry) => sum + entry.expected, 0);
  const categories = Math.max(labels.length, 1);

  return {
    overall: toResult(
      observedSum / categories,
      expectedSum / categories,
      summaryCounts(totalUnits),
      totalUnits === 0,
    ),
    perLabel,
  };
}

function toResult(
  observed: number,
  expected: number,
  n: AgreementCounts,
  isEmpty: boolean,
): UnitizedAlphaResult {
  if (isEmpty) {
    return createUndefined("no-spans", "No annotator marked a span with this label.", n);
  }
  if (!(expected > 0)) {
    return createUndefined("no-variation", reasons.noVariation, n);
  }

  return createAgreement(1 - observed / expected, n, {
    observedDisagreement: observed,
    expectedDisagreement: expected,
  });
}

// D_o = 2 Σ_{pairs of coders} Σ d(section_i, section_j) / (R(R − 1) L²). Only two kinds
// of section pairs cost anything: overlapping units, (b_i − b_j)² + (e_i − e_j)², and a
// unit lying wholly inside the other coder's gap, l². A unit lies in a gap exactly when
// it overlaps none of the other coder's units, so a merge of two sorted lists suffices.
function computeObservedDisagreement(units: readonly Interval[][], length: number): number {
  const raters = units.length;
  let total = 0;

  for (let first = 0; first < raters; first += 1) {
    for (let second = first + 1; second < raters; second += 1) {
      const left = units[first]!;
      const right = units[second]!;
      total += sumSectionDistances(left, right, true) + sumSectionDistances(right, left, false);
    }
  }

  return (2 * total) / (raters * (raters - 1) * length * length);
}

function sumSectionDistances(
  units: readonly Interval[],
  others: readonly Interval[],
  countOverlaps: boolean,
): number {
  let total = 0;
  let firstCandidate = 0;

  for (const unit of units) {
    while (firstCandidate < others.length && others[firstCandidate]!.end <= unit.start) {
      firstCandidate += 1;
    }

    let overlaps = false;
    for (
      let other = firstCandidate;
      other < others.length && others[other]!.start < unit.end;
      other += 1
    ) {
      overlaps = true;
      if (countOverlaps) {
        const startShift = unit.start - others[other]!.start;
        const endShift = unit.end - others[other]!.end;
        total += startShift * startShift + endShift * endShift;
      } else {
        break;
      }
    }

    if (!overlaps) {
      const unitLength = unit.end - unit.start;
      total += unitLength * unitLength;
    }
  }

  return total;
}

// D_e(c) = (2/L) Σ_units [ (N_c − 1)(2l³ − 3l² + l)/3 + l² Σ_{gaps g ≥ l} (g − l + 1) ]
//          / (R·L(R·L − 1) − Σ_units l(l − 1)).
// Gaps are sorted once with suffix sums, so each unit's gap sum is a binary search.
function computeExpectedDisagreement(units: readonly Interval[][], length: number): number {
  const raters = units.length;
  const gaps: number[] = [];
  let unitCount = 0;
  let pairedLengths = 0;

  for (const list of units) {
    let position = 0;
    for (const unit of list) {
      if (unit.start > position) {
        gaps.push(unit.start - position);
      }
      position = unit.end;
      unitCount += 1;
      const unitLength = unit.end - unit.start;
      pairedLengths += unitLength * (unitLength - 1);
    }
    if (position < length) {
      gaps.push(length - position);
    }
  }

  if (unitCount === 0) {
    return 0;
  }

  gaps.sort((left, right) => left - right);
  // suffix[i] = Σ gaps[i..]; gaps ≥ l start at the first index with gaps[i] ≥ l.
  const suffix = new Float64Array(gaps.length + 1);
  for (let index = gaps.length - 1; index >= 0; index -= 1) {
    suffix[index] = suffix[index + 1]! + gaps[index]!;
  }

  let sum = 0;
  for (const list of units) {
    for (const unit of list) {
      const unitLength = unit.end - unit.start;
      const first = findFirstAtLeast(gaps, unitLength);
      const fitting = gaps.length - first;
      const placements = suffix[first]! - (unitLength - 1) * fitting;
      sum +=
        ((unitCount - 1) * (2 * unitLength ** 3 - 3 * unitLength * unitLength + unitLength)) / 3 +
        unitLength * unitLength * placements;
    }
  }

  const totalLength = raters * length;
  return ((2 / length) * sum) / (totalLength * (totalLength - 1) - pairedLengths);
}

function findFirstAtLeast(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;

  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }

  return low;
}
