import {
  createAgreement,
  createUndefined,
  reasons,
  type AgreementResult,
} from "./agreement-result";
import {
  compareSpans,
  prepareSpans,
  type PreparedSpans,
  type SpanF1Options,
  type SpanF1Result,
} from "./span-f1";
import type { AnnotatorSpans } from "./spans";

export type PairwiseMeanDetail = {
  pairs: number;
  definedPairs: number;
  minimum: number;
  maximum: number;
};
export type PairwiseMeanResult = AgreementResult<PairwiseMeanDetail>;

export type PairResult<R> = { first: string; second: string; result: R };

export type PairwiseSpanF1 = {
  // Macro average over unordered annotator pairs (F1 is symmetric, so order is moot);
  // pairs where F1 is undefined (neither marked anything) are left out.
  mean: PairwiseMeanResult;
  pairs: PairResult<SpanF1Result>[];
};

export function computePairwiseSpanF1(
  annotators: readonly AnnotatorSpans[],
  options: SpanF1Options & { label?: string },
): PairwiseSpanF1 {
  const prepared = annotators.map((annotator) =>
    prepareSpans(annotator.spans, options.labelled ?? true),
  );
  return comparePreparedPairs(
    annotators.map((annotator) => annotator.id),
    prepared,
    options,
  );
}

export function comparePreparedPairs(
  ids: readonly string[],
  prepared: readonly PreparedSpans[],
  options: SpanF1Options & { label?: string },
): PairwiseSpanF1 {
  const pairs: PairResult<SpanF1Result>[] = [];

  for (let first = 0; first < prepared.length; first += 1) {
    for (let second = first + 1; second < prepared.length; second += 1) {
      pairs.push({
        first: ids[first]!,
        second: ids[second]!,
        result: compareSpans(prepared[first]!, prepared[second]!, options, options.label),
      });
    }
  }

  return { mean: averagePairs(pairs, prepared.length), pairs };
}

// `units` lets token measures report tokens rather than pairs as the unit count.
export function averagePairs(
  pairs: readonly PairResult<AgreementResult>[],
  annotators: number,
  units = pairs.length,
): PairwiseMeanResult {
  const n = { units, annotators, values: pairs.length };

  if (annotators < 2) {
    return createUndefined("too-few-annotators", reasons.tooFewAnnotators, n);
  }

  let sum = 0;
  let definedPairs = 0;
  let minimum = Infinity;
  let maximum = -Infinity;
  let firstUndefined: AgreementResult | undefined;

  for (const { result } of pairs) {
    if (result.defined) {
      sum += result.value;
      definedPairs += 1;
      minimum = Math.min(minimum, result.value);
      maximum = Math.max(maximum, result.value);
    } else {
      firstUndefined ??= result;
    }
  }

  if (definedPairs === 0) {
    return firstUndefined && !firstUndefined.defined
      ? createUndefined(
          firstUndefined.code,
          `Undefined for every annotator pair: ${firstUndefined.reason}`,
          n,
        )
      : createUndefined("empty-input", reasons.emptyInput, n);
  }

  return createAgreement(
    sum / definedPairs,
    { ...n, values: definedPairs },
    {
      pairs: pairs.length,
      definedPairs,
      minimum,
      maximum,
    },
  );
}
