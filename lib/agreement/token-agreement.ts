import {
  createUndefined,
  reasons,
  type AgreementResult,
  type ConfidenceInterval,
} from "./agreement-result";
import { createLevelDistance, createMasiDistance, type DistanceModel } from "./alpha-distance";
import {
  computeBootstrapIntervals,
  type BootstrapOptions,
  type BootstrapTarget,
} from "./bootstrap-alpha";
import { computeCoincidences } from "./coincidence-matrix";
import { computeCohenKappaFromSums } from "./cohen-kappa";
import { computeFleissKappaFromTable, type FleissResult } from "./fleiss-kappa";
import { computeAlphaFromCoincidences, type AlphaResult } from "./krippendorff-alpha";
import { averagePairs, type PairResult, type PairwiseMeanResult } from "./pairwise-span-f1";
import { computeScottPiFromSums } from "./scott-pi";
import type { AnnotatorSpans } from "./spans";
import { findTokenRange } from "./token-spans";
import type { Token } from "./tokenize";
import {
  createUnitTable,
  createUnitTypeBuilder,
  type CompressedUnitTable,
  type UnitEntries,
} from "./unit-table";

// Token-level agreement: every annotator gives every token a value (its labels, or
// none), so there is no missing data and Fleiss' κ applies. Per label the value is
// binary (marked / not); overall it is the token's whole label set, compared exactly
// (nominal α, κ) or by MASI distance. With single-label spans the overall figures are
// the usual "one tag or O per token" κ and α.

export type MultiLabelSpan = { start: number; end: number; labels: readonly string[] };

export type TokenAgreementInput = {
  tokens: readonly Token[];
  annotators: readonly AnnotatorSpans<MultiLabelSpan>[];
  labels?: readonly string[];
};

// "all": every token. "marked": only tokens some annotator marked (with that label, per
// label); the O class no longer inflates κ, but κ is then known to underestimate.
export type TokenScope = "all" | "marked";

export type TokenAgreementOptions = {
  scope?: TokenScope;
  // When set, every token-level α gets a percentile interval. One resample of the
  // document's tokens serves all labels (a joint bootstrap); with scope "marked", drawn
  // tokens outside a label's scope are skipped, so its sample size varies per resample.
  bootstrap?: BootstrapOptions;
};

export type TokenMeasures = {
  // Tokens in scope.
  tokens: number;
  // Means over annotator pairs; with two annotators these are Cohen's κ and Scott's π.
  cohenKappa: PairwiseMeanResult;
  scottPi: PairwiseMeanResult;
  fleissKappa: FleissResult;
  krippendorffAlpha: AlphaResult;
};

export type TokenAgreement = {
  scope: TokenScope;
  overall: TokenMeasures & { masiAlpha: AlphaResult };
  perLabel: (TokenMeasures & { label: string })[];
};

export function computeTokenAgreement(
  input: TokenAgreementInput,
  options: TokenAgreementOptions = {},
): TokenAgreement {
  const scope = options.scope ?? "all";
  const { tokens, annotators } = input;
  const labels = collectLabels(input);
  const raters = annotators.length;

  assertTokensSorted(tokens);

  if (raters < 2 || tokens.length === 0) {
    const result =
      raters < 2
        ? createUndefined("too-few-annotators", reasons.tooFewAnnotators, {
            units: tokens.length,
            annotators: raters,
            values: 0,
          })
        : createUndefined("empty-input", reasons.emptyInput);
    const measures = {
      tokens: tokens.length,
      cohenKappa: result,
      scottPi: result,
      fleissKappa: result,
      krippendorffAlpha: result,
    };
    return {
      scope,
      overall: { ...measures, masiAlpha: result },
      perLabel: labels.map((label) => ({ label, ...measures })),
    };
  }

  const marks = markTokens(input, labels);
  const ids = annotators.map((annotator) => annotator.id);
  const perLabel = labels.map((label, labelIndex) => ({
    label,
    ...computeLabelMeasures(marks, labelIndex, ids, scope),
  }));
  const overall = computeSetMeasures(marks, labels, ids, scope);

  if (options.bootstrap) {
    const nominalSets = createLevelDistance(
      "nominal",
      overall.setLabels.map((_, id) => id),
    );
    const targets: BootstrapTarget[] = [
      ...perLabel.map(({ units }) => ({ units, distances: [binaryDistance] })),
      { units: overall.units, distances: [nominalSets, createMasiDistance(overall.setLabels)] },
    ];
    const intervals = computeBootstrapIntervals(targets, options.bootstrap);

    perLabel.forEach((measures, index) => {
      measures.krippendorffAlpha = withInterval(measures.krippendorffAlpha, intervals[index]![0]!);
    });
    const overallIntervals = intervals[perLabel.length]!;
    overall.measures.krippendorffAlpha = withInterval(
      overall.measures.krippendorffAlpha,
      overallIntervals[0]!,
    );
    overall.measures.masiAlpha = withInterval(overall.measures.masiAlpha, overallIntervals[1]!);
  }

  return {
    scope,
    overall: overall.measures,
    perLabel: perLabel.map(({ units: _units, ...measures }) => measures),
  };
}

const binaryDistance = createLevelDistance("nominal", [0, 1]);

function withInterval(result: AlphaResult, interval: ConfidenceInterval): AlphaResult {
  return result.defined ? { ...result, interval } : result;
}

// Bitsets, one per annotator and label: bit t is set when the annotator put the label
// on token t. Pair counts then come from AND + popcount, 32 tokens at a time.
type TokenMarks = {
  tokenCount: number;
  words: number;
  // bits[annotator][label]
  bits: Uint32Array[][];
};

function markTokens(input: TokenAgreementInput, labels: readonly string[]): TokenMarks {
  const tokenCount = input.tokens.length;
  const words = Math.ceil(tokenCount / 32);
  const starts = Int32Array.from(input.tokens, (token) => token.start);
  const ends = Int32Array.from(input.tokens, (token) => token.end);
  const labelIndex = new Map(labels.map((label, index) => [label, index]));

  const bits = input.annotators.map((annotator) => {
    const perLabel = labels.map(() => new Uint32Array(words));
    for (const span of annotator.spans) {
      const [first, last] = findTokenRange(ends, starts, span);
      for (const label of span.labels) {
        const target = perLabel[labelIndex.get(label)!]!;
        for (let token = first; token < last; token += 1) {
          target[token >>> 5] = target[token >>> 5]! | (1 << (token & 31));
        }
      }
    }
    return perLabel;
  });

  return { tokenCount, words, bits };
}

function computeLabelMeasures(
  marks: TokenMarks,
  labelIndex: number,
  ids: readonly string[],
  scope: TokenScope,
): TokenMeasures & { units: CompressedUnitTable } {
  const { tokenCount, words } = marks;
  const raters = ids.length;
  const sets = marks.bits.map((perLabel) => perLabel[labelIndex]!);

  // How many annotators marked each token.
  const markedBy = new Int32Array(tokenCount);
  for (const set of sets) {
    for (let word = 0; word < words; word += 1) {
      let bitsLeft = set[word]!;
      while (bitsLeft !== 0) {
        const lowest = bitsLeft & -bitsLeft;
        const token = (word << 5) + 31 - Math.clz32(lowest);
        markedBy[token] = markedBy[token]! + 1;
        bitsLeft ^= lowest;
      }
    }
  }

  // Units are binary (0 = not marked, 1 = marked); a token with x marks has the
  // counts [R − x, x], so there are at most R + 1 distinct unit types. Out-of-scope
  // tokens get type −1.
  const typeOfUnit = new Int32Array(tokenCount);
  const weights = new Float64Array(raters + 1);
  let inScope = 0;
  for (let token = 0; token < tokenCount; token += 1) {
    const count = markedBy[token]!;
    if (scope === "all" || count > 0) {
      typeOfUnit[token] = count;
      weights[count] = weights[count]! + 1;
      inScope += 1;
    } else {
      typeOfUnit[token] = -1;
    }
  }

  const units: CompressedUnitTable = {
    types: createUnitTable(
      2,
      Array.from({ length: raters + 1 }, (_, count): UnitEntries => [
        [0, raters - count],
        [1, count],
      ]),
    ),
    weights,
    typeOfUnit,
  };

  const ones = sets.map((set) => countBits(set));
  const cohen: PairResult<AgreementResult>[] = [];
  const scott: PairResult<AgreementResult>[] = [];
  const n = { units: inScope, annotators: 2, values: 2 * inScope };

  for (let first = 0; first < raters; first += 1) {
    for (let second = first + 1; second < raters; second += 1) {
      const both = countSharedBits(sets[first]!, sets[second]!);
      const firstOnes = ones[first]!;
      const secondOnes = ones[second]!;
      const neither = inScope - firstOnes - secondOnes + both;
      const agreements = both + neither;
      const pair = { first: ids[first]!, second: ids[second]! };

      cohen.push({
        ...pair,
        result: computeCohenKappaFromSums(
          inScope,
          agreements,
          firstOnes * secondOnes + (inScope - firstOnes) * (inScope - secondOnes),
          n,
        ),
      });
      scott.push({
        ...pair,
        result: computeScottPiFromSums(
          inScope,
          agreements,
          (firstOnes + secondOnes) ** 2 + (2 * inScope - firstOnes - secondOnes) ** 2,
          n,
        ),
      });
    }
  }

  return {
    tokens: inScope,
    cohenKappa: averagePairs(cohen, raters, inScope),
    scottPi: averagePairs(scott, raters, inScope),
    fleissKappa: computeFleissKappaFromTable(units.types, units.weights, raters),
    krippendorffAlpha: computeTokenAlpha(units, binaryDistance, raters),
    units,
  };
}

// Each annotator's marked tokens (ascending) and the id of the label set on each.
// Set id 0 is the empty set.
type AnnotatorSets = { tokens: Int32Array; setIds: Int32Array };

type SetMeasures = {
  measures: TokenMeasures & { masiAlpha: AlphaResult };
  units: CompressedUnitTable;
  setLabels: string[][];
};

function computeSetMeasures(
  marks: TokenMarks,
  labels: readonly string[],
  ids: readonly string[],
  scope: TokenScope,
): SetMeasures {
  const { tokenCount, words } = marks;
  const raters = ids.length;
  const setIdByKey = new Map<string, number>([["", 0]]);
  const setLabels: string[][] = [[]];

  const annotatorSets: AnnotatorSets[] = marks.bits.map((perLabel) => {
    const tokens: number[] = [];
    const setIds: number[] = [];

    for (let word = 0; word < words; word += 1) {
      let union = 0;
      for (const set of perLabel) {
        union |= set[word]!;
      }
      while (union !== 0) {
        const lowest = union & -union;
        union ^= lowest;
        const token = (word << 5) + 31 - Math.clz32(lowest);
        const onToken: number[] = [];
        perLabel.forEach((set, labelIndex) => {
          if ((set[word]! & lowest) !== 0) {
            onToken.push(labelIndex);
          }
        });
        const key = onToken.join(",");
        let setId = setIdByKey.get(key);
        if (setId === undefined) {
          setId = setLabels.length;
          setIdByKey.set(key, setId);
          setLabels.push(onToken.map((labelIndex) => labels[labelIndex]!));
        }
        tokens.push(token);
        setIds.push(setId);
      }
    }

    return { tokens: Int32Array.from(tokens), setIds: Int32Array.from(setIds) };
  });

  const setCount = setLabels.length;
  const { units, inScope } = tabulateSetUnits(annotatorSets, tokenCount, setCount, scope);

  // Per annotator, how many in-scope tokens carry each label set.
  const setTotals = annotatorSets.map(({ setIds }) => {
    const totals = new Float64Array(setCount);
    for (const setId of setIds) {
      totals[setId] = totals[setId]! + 1;
    }
    totals[0] = inScope - setIds.length;
    return totals;
  });

  const cohen: PairResult<AgreementResult>[] = [];
  const scott: PairResult<AgreementResult>[] = [];
  const n = { units: inScope, annotators: 2, values: 2 * inScope };

  for (let first = 0; first < raters; first += 1) {
    for (let second = first + 1; second < raters; second += 1) {
      const { marked, sameSet } = compareMarkedTokens(
        annotatorSets[first]!,
        annotatorSets[second]!,
      );
      const agreements = inScope - marked + sameSet;
      let productOfMarginals = 0;
      let squaredPooledMarginals = 0;
      for (let setId = 0; setId < setCount; setId += 1) {
        const left = setTotals[first]![setId]!;
        const right = setTotals[second]![setId]!;
        productOfMarginals += left * right;
        squaredPooledMarginals += (left + right) ** 2;
      }
      const pair = { first: ids[first]!, second: ids[second]! };

      cohen.push({
        ...pair,
        result: computeCohenKappaFromSums(inScope, agreements, productOfMarginals, n),
      });
      scott.push({
        ...pair,
        result: computeScottPiFromSums(inScope, agreements, squaredPooledMarginals, n),
      });
    }
  }

  const setIds = setLabels.map((_, setId) => setId);

  return {
    measures: {
      tokens: inScope,
      cohenKappa: averagePairs(cohen, raters, inScope),
      scottPi: averagePairs(scott, raters, inScope),
      fleissKappa: computeFleissKappaFromTable(units.types, units.weights, raters),
      krippendorffAlpha: computeTokenAlpha(units, createLevelDistance("nominal", setIds), raters),
      masiAlpha: computeTokenAlpha(units, createMasiDistance(setLabels), raters),
    },
    units,
    setLabels,
  };
}

// One unit per in-scope token with the counts of each label set on it. Unmarked tokens
// (usually most of the text) share one type and skip the per-token work.
function tabulateSetUnits(
  annotatorSets: readonly AnnotatorSets[],
  tokenCount: number,
  setCount: number,
  scope: TokenScope,
): { units: CompressedUnitTable; inScope: number } {
  const raters = annotatorSets.length;
  const marksPerToken = new Int32Array(tokenCount + 1);
  for (const { tokens } of annotatorSets) {
    for (const token of tokens) {
      marksPerToken[token + 1] = marksPerToken[token + 1]! + 1;
    }
  }

  // Compressed sparse rows: the set ids on token t sit at slotStart[t] .. slotStart[t+1].
  const slotStart = new Int32Array(tokenCount + 1);
  for (let token = 0; token < tokenCount; token += 1) {
    slotStart[token + 1] = slotStart[token]! + marksPerToken[token + 1]!;
  }
  const slots = new Int32Array(slotStart[tokenCount]!);
  const cursor = slotStart.slice(0, tokenCount);
  for (const { tokens, setIds } of annotatorSets) {
    tokens.forEach((token, index) => {
      slots[cursor[token]!] = setIds[index]!;
      cursor[token] = cursor[token]! + 1;
    });
  }

  const builder = createUnitTypeBuilder(setCount);
  // Indexed by token, −1 when out of scope; the builder's own list is in scope order.
  const typeOfToken = new Int32Array(tokenCount).fill(-1);
  let unmarkedType: number | undefined;
  let inScope = 0;

  for (let token = 0; token < tokenCount; token += 1) {
    const from = slotStart[token]!;
    const to = slotStart[token + 1]!;

    if (from === to) {
      if (scope === "all") {
        if (unmarkedType === undefined) {
          unmarkedType = builder.add([[0, raters]]);
        } else {
          builder.repeat(unmarkedType);
        }
        typeOfToken[token] = unmarkedType;
        inScope += 1;
      }
      continue;
    }

    const countBySet = new Map<number, number>([[0, raters - (to - from)]]);
    for (let slot = from; slot < to; slot += 1) {
      const setId = slots[slot]!;
      countBySet.set(setId, (countBySet.get(setId) ?? 0) + 1);
    }
    typeOfToken[token] = builder.add([...countBySet.entries()]);
    inScope += 1;
  }

  return { units: { ...builder.build(), typeOfUnit: typeOfToken }, inScope };
}

function computeTokenAlpha(
  units: CompressedUnitTable,
  distance: DistanceModel,
  raters: number,
): AlphaResult {
  const coincidences = computeCoincidences(units.types, units.weights);
  return computeAlphaFromCoincidences(coincidences, distance.build(coincidences.marginals), raters);
}

// Tokens either annotator marked, and those both marked with the same label set.
function compareMarkedTokens(
  left: AnnotatorSets,
  right: AnnotatorSets,
): { marked: number; sameSet: number } {
  let leftIndex = 0;
  let rightIndex = 0;
  let marked = 0;
  let sameSet = 0;

  while (leftIndex < left.tokens.length && rightIndex < right.tokens.length) {
    const leftToken = left.tokens[leftIndex]!;
    const rightToken = right.tokens[rightIndex]!;
    marked += 1;
    if (leftToken === rightToken) {
      if (left.setIds[leftIndex] === right.setIds[rightIndex]) {
        sameSet += 1;
      }
      leftIndex += 1;
      rightIndex += 1;
    } else if (leftToken < rightToken) {
      leftIndex += 1;
    } else {
      rightIndex += 1;
    }
  }

  marked += left.tokens.length - leftIndex + (right.tokens.length - rightIndex);
  return { marked, sameSet };
}

function countBits(set: Uint32Array): number {
  let total = 0;
  for (const word of set) {
    total += popcount(word);
  }
  return total;
}

function countSharedBits(left: Uint32Array, right: Uint32Array): number {
  let total = 0;
  for (let word = 0; word < left.length; word += 1) {
    total += popcount(left[word]! & right[word]!);
  }
  return total;
}

function popcount(word: number): number {
  let value = word - ((word >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (Math.imul((value + (value >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

function collectLabels(input: TokenAgreementInput): string[] {
  const labels = [...(input.labels ?? [])];
  const known = new Set(labels);
  const seen = new Set<string>();

  for (const annotator of input.annotators) {
    for (const span of annotator.spans) {
      for (const label of span.labels) {
        if (!known.has(label)) {
          seen.add(label);
        }
      }
    }
  }

  return [...labels, ...[...seen].sort()];
}

function assertTokensSorted(tokens: readonly Token[]): void {
  let previousEnd = -Infinity;

  for (const token of tokens) {
    if (token.start < previousEnd || token.end <= token.start) {
      throw new RangeError("Tokens must be non-empty, sorted and must not overlap.");
    }
    previousEnd = token.end;
  }
}
