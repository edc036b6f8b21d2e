import {
  computeDimensionAgreement,
  computePairwiseSpanF1,
  type DimensionAgreement,
  type LabelAgreement,
  type PairResult,
  type PairwiseMeanResult,
  type Span,
  type SpanF1Result,
  type SpanF1Summary,
  type SpanMatch,
} from "../agreement";

import { createDeadline, type Deadline } from "./deadline";
import {
  annotatorsForDimension,
  collectDimensionSpans,
  findCodebookUse,
  type CodebookUse,
} from "./dimension-spans";
import { computeLabelConfusion, type LabelConfusion } from "./label-confusion";
import {
  indexLabels,
  type InsightAnnotator,
  type InsightDimension,
  type InsightDocument,
} from "./types";

// Everything the document agreement view shows, computed once on the server.

export const spanMatches: readonly SpanMatch[] = ["overlap", "exact", "partial"];

// Annotator × annotator span F1 (symmetric; null on the diagonal and where undefined).
export type PairMatrix = Record<SpanMatch, (number | null)[][]>;

export type SpanF1Means = Record<SpanMatch, PairwiseMeanResult>;

// computeDimensionAgreement's result without its per-pair lists (kept once, as PairMatrix).
// Label ids stand for labels in it (labels, perLabel[].label).
export type DimensionMeasures = Omit<DimensionAgreement, "overall" | "perLabel"> & {
  overall: Omit<DimensionAgreement["overall"], "spanF1"> & {
    spanF1: { labelled: SpanF1Means; unlabelled: SpanF1Means };
  };
  perLabel: (Omit<LabelAgreement, "spanF1"> & { spanF1: SpanF1Means })[];
};

export type DimensionAgreementView = {
  dimension: Omit<InsightDimension, "multiple">;
  annotatorIds: string[];
  agreement: DimensionMeasures;
  pairs: PairMatrix;
  confusion: LabelConfusion;
};

export type DocumentAgreementView = {
  annotators: InsightAnnotator[];
  codebooks: CodebookUse[];
  // Set when highlights use labels from more than one codebook version.
  codebookNote: string | null;
  dimensions: DimensionAgreementView[];
  // Every dimension at once (each label its own category), for the annotator view.
  allDimensions: { annotatorIds: string[]; pairs: PairMatrix };
};

export function computeDocumentAgreement(
  document: InsightDocument,
  dimensions: readonly InsightDimension[],
  deadline: Deadline = createDeadline(),
): DocumentAgreementView {
  const labels = indexLabels(dimensions);
  const codebooks = findCodebookUse(document, labels);
  const inUse = new Set(codebooks.map((use) => use.codebookId));
  const shown =
    inUse.size === 0
      ? dimensions
      : dimensions.filter((dimension) => inUse.has(dimension.codebookId));
  const textLength = Array.from(document.text).length;

  const views = shown.map((dimension): DimensionAgreementView => {
    deadline.check();
    const annotatorIds = annotatorsForDimension(document, dimension, codebooks);
    const annotators = collectDimensionSpans(document, dimension, annotatorIds);
    const labelIds = dimension.labels.map((label) => label.id);
    const agreement = computeDimensionAgreement(
      { textLength, text: document.text, labels: labelIds, annotators },
      { includePairs: true },
    );
    const { multiple: _multiple, ...dimensionInfo } = dimension;

    return {
      dimension: dimensionInfo,
      annotatorIds,
      // Pairs per label would multiply the payload by the number of labels; the matrix
      // keeps the dimension's own.
      agreement: {
        ...agreement,
        overall: {
          ...agreement.overall,
          spanF1: {
            labelled: withoutPairs(agreement.overall.spanF1.labelled),
            unlabelled: withoutPairs(agreement.overall.spanF1.unlabelled),
          },
        },
        perLabel: agreement.perLabel.map((label) => ({
          ...label,
          spanF1: withoutPairs(label.spanF1),
        })),
      },
      pairs: toPairMatrix(annotatorIds, agreement.overall.spanF1.labelled.pairs),
      confusion: computeLabelConfusion(labelIds, annotators),
    };
  });

  deadline.check();
  const everyone = document.annotators.map((annotator) => annotator.id);
  const allSpans = everyone.map((id) => ({
    id,
    spans: document.spans
      .filter((span) => span.annotatorId === id)
      .flatMap((span) =>
        span.labelIds
          .filter((labelId) => labels.has(labelId))
          .map((label): Span => ({ start: span.start, end: span.end, label })),
      ),
  }));
  const allPairs = Object.fromEntries(
    spanMatches.map((match) => [match, computePairwiseSpanF1(allSpans, { match }).pairs]),
  ) as Record<SpanMatch, PairResult<SpanF1Result>[]>;

  return {
    annotators: document.annotators,
    codebooks,
    codebookNote:
      codebooks.length > 1
        ? `Highlights on this document use labels from ${codebooks.length} codebook versions (${codebooks
            .map((use) => `${use.codebookName} v${use.codebookVersion}`)
            .join(", ")}). Each version is measured on its own, among the annotators who used it.`
        : null,
    dimensions: views,
    allDimensions: { annotatorIds: everyone, pairs: toPairMatrix(everyone, allPairs) },
  };
}

function withoutPairs({ pairs: _pairs, ...means }: SpanF1Summary): SpanF1Means {
  return means;
}

export function toPairMatrix(
  annotatorIds: readonly string[],
  pairs: Partial<Record<SpanMatch, PairResult<SpanF1Result>[]>> | undefined,
): PairMatrix {
  const position = new Map(annotatorIds.map((id, index) => [id, index]));
  const empty = () => annotatorIds.map(() => annotatorIds.map((): number | null => null));
  const matrix: PairMatrix = { overlap: empty(), exact: empty(), partial: empty() };

  for (const match of spanMatches) {
    for (const pair of pairs?.[match] ?? []) {
      const row = position.get(pair.first);
      const column = position.get(pair.second);
      if (row === undefined || column === undefined || !pair.result.defined) {
        continue;
      }
      const value = Number(pair.result.value.toFixed(4));
      matrix[match][row]![column] = value;
      matrix[match][column]![row] = value;
    }
  }

  return matrix;
}

// Each annotator against the others: the mean of their defined pair F1s.
export function summariseAnnotators(
  annotatorIds: readonly string[],
  matrix: readonly (readonly (number | null)[])[],
): { annotatorId: string; meanF1: number | null; pairs: number }[] {
  return annotatorIds.map((annotatorId, row) => {
    const values = (matrix[row] ?? []).filter(
      (value, column): value is number => column !== row && value !== null,
    );
    return {
      annotatorId,
      meanF1:
        values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length,
      pairs: values.length,
    };
  });
}
