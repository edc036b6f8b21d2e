// What a dataset holds, gathered one document at a time while it is written, for its
// datasheet: counts, outlets, annotators, labels and inter-annotator agreement per
// dimension. Memory is bounded by the number of outlets, annotators and labels, never by
// the number of rows.
import { codePointLength } from "@/lib/anchoring/text-position";
import { computeDimensionAgreement } from "@/lib/agreement/dimension-agreement";
import type { AgreementResult, UndefinedCode } from "@/lib/agreement/agreement-result";

import {
  reviewStates,
  type ExportAnnotation,
  type ExportCodebook,
  type ExportDocument,
  type ReviewState,
} from "./types";

export type FigureSummary = {
  // Documents where the figure is defined, and the mean, minimum and maximum over them.
  defined: number;
  mean: number | null;
  minimum: number | null;
  maximum: number | null;
  // Documents where it is undefined, by reason.
  undefinedReasons: Record<string, number>;
};

export type DimensionAgreementSummary = {
  dimension: string;
  name: string;
  // Documents with two or more annotators and at least one span in this dimension.
  documentsCompared: number;
  spansCompared: number;
  maxAnnotators: number;
  // Krippendorff's unitized alpha over all labels (uα), per document.
  unitizedAlpha: FigureSummary;
  // Mean pairwise span F1, labelled, overlap match, per document.
  spanF1Overlap: FigureSummary;
};

export type DatasetStatistics = {
  documents: number;
  rows: number;
  annotations: number;
  notes: number;
  outlets: { outlet: string; documents: number }[];
  kinds: { kind: string; documents: number }[];
  annotators: { annotator: string; rows: number; documents: number }[];
  origins: { person: number; suggestion: number };
  // Highlights per review state.
  reviewStates: Record<ReviewState, number>;
  dimensions: {
    key: string;
    name: string;
    rows: number;
    labels: { key: string; rows: number }[];
  }[];
  firstCreatedAt: Date | null;
  lastCreatedAt: Date | null;
  agreement: DimensionAgreementSummary[];
};

type FigureAccumulator = {
  sum: number;
  defined: number;
  minimum: number;
  maximum: number;
  undefinedReasons: Map<UndefinedCode | "error", number>;
};

export type DatasetStatisticsOptions = {
  // Agreement needs every annotator's spans per document; off for very large exports.
  agreement?: boolean;
};

export function createDatasetStatistics(
  codebook: ExportCodebook,
  options: DatasetStatisticsOptions = {},
) {
  const withAgreement = options.agreement ?? true;
  let documents = 0;
  let rows = 0;
  let annotations = 0;
  let notes = 0;
  let firstCreatedAt: Date | null = null;
  let lastCreatedAt: Date | null = null;
  const outlets = new Map<string, number>();
  const kinds = new Map<string, number>();
  const annotators = new Map<string, { rows: number; documents: number }>();
  const origins = { person: 0, suggestion: 0 };
  const reviewCounts = Object.fromEntries(reviewStates.map((state) => [state, 0])) as Record<
    ReviewState,
    number
  >;
  const labelRows = new Map<string, Map<string, number>>(
    codebook.dimensions.map((dimension) => [
      dimension.key,
      new Map(dimension.labels.map((label) => [label.key, 0])),
    ]),
  );
  const dimensionRows = new Map<string, number>();
  const agreement = new Map(
    codebook.dimensions.map((dimension) => [
      dimension.key,
      {
        documentsCompared: 0,
        spansCompared: 0,
        maxAnnotators: 0,
        unitizedAlpha: createFigure(),
        spanF1Overlap: createFigure(),
      },
    ]),
  );

  function add(document: ExportDocument, rowsOfDocument: ExportAnnotation[]): void {
    documents += 1;
    rows += rowsOfDocument.length;
    const outlet = document.outlet?.trim() || "(no outlet)";
    outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1);
    kinds.set(document.kind, (kinds.get(document.kind) ?? 0) + 1);

    const ids = new Set<string>();
    const annotatorsHere = new Set<string>();
    for (const row of rowsOfDocument) {
      if (!ids.has(row.id)) {
        ids.add(row.id);
        origins[row.origin] += 1;
        reviewCounts[row.reviewState] += 1;
        if (firstCreatedAt === null || row.createdAt < firstCreatedAt) {
          firstCreatedAt = row.createdAt;
        }
        if (lastCreatedAt === null || row.createdAt > lastCreatedAt) {
          lastCreatedAt = row.createdAt;
        }
      }
      annotatorsHere.add(row.annotator);
      const entry = annotators.get(row.annotator) ?? { rows: 0, documents: 0 };
      entry.rows += 1;
      annotators.set(row.annotator, entry);

      if (row.dimension === null) {
        notes += 1;
        continue;
      }
      dimensionRows.set(row.dimension, (dimensionRows.get(row.dimension) ?? 0) + 1);
      const labels = labelRows.get(row.dimension);
      for (const label of row.labels) {
        labels?.set(label, (labels.get(label) ?? 0) + 1);
      }
    }
    annotations += ids.size;
    for (const annotator of annotatorsHere) {
      const entry = annotators.get(annotator);
      if (entry) {
        entry.documents += 1;
      }
    }

    if (withAgreement && annotatorsHere.size >= 2) {
      addAgreement(document, rowsOfDocument, [...annotatorsHere].sort());
    }
  }

  // Every annotator with a row anywhere in the document counts as having read it: in a
  // dimension where they marked nothing, "no span" is their judgement (as
  // computeDimensionAgreement expects).
  function addAgreement(
    document: ExportDocument,
    rowsOfDocument: ExportAnnotation[],
    annotatorIds: string[],
  ): void {
    const textLength = codePointLength(document.text);

    for (const dimension of codebook.dimensions) {
      const inDimension = rowsOfDocument.filter((row) => row.dimension === dimension.key);
      if (inDimension.length === 0) {
        continue;
      }
      const entry = agreement.get(dimension.key);
      if (!entry) {
        continue;
      }

      entry.documentsCompared += 1;
      entry.spansCompared += inDimension.length;
      entry.maxAnnotators = Math.max(entry.maxAnnotators, annotatorIds.length);

      try {
        const result = computeDimensionAgreement({
          textLength,
          text: document.text,
          labels: dimension.labels.map((label) => label.key),
          annotators: annotatorIds.map((id) => ({
            id,
            spans: inDimension
              .filter((row) => row.annotator === id)
              .map((row) => ({ start: row.start, end: row.end, labels: row.labels })),
          })),
        });
        addFigure(entry.unitizedAlpha, result.overall.unitizedAlpha);
        addFigure(entry.spanF1Overlap, result.overall.spanF1.labelled.overlap);
      } catch {
        // Malformed spans are refused by prepareExport before they get here; count any
        // other failure instead of losing the datasheet.
        countUndefined(entry.unitizedAlpha, "error");
        countUndefined(entry.spanF1Overlap, "error");
      }
    }
  }

  function finish(): DatasetStatistics {
    return {
      documents,
      rows,
      annotations,
      notes,
      outlets: sortedEntries(outlets).map(([outlet, count]) => ({ outlet, documents: count })),
      kinds: sortedEntries(kinds).map(([kind, count]) => ({ kind, documents: count })),
      annotators: [...annotators.entries()]
        .sort((a, b) => b[1].rows - a[1].rows || (a[0] < b[0] ? -1 : 1))
        .map(([annotator, entry]) => ({ annotator, ...entry })),
      origins: { ...origins },
      reviewStates: { ...reviewCounts },
      dimensions: codebook.dimensions.map((dimension) => ({
        key: dimension.key,
        name: dimension.name,
        rows: dimensionRows.get(dimension.key) ?? 0,
        labels: [...(labelRows.get(dimension.key) ?? new Map<string, number>()).entries()].map(
          ([key, count]) => ({ key, rows: count }),
        ),
      })),
      firstCreatedAt,
      lastCreatedAt,
      agreement: codebook.dimensions.map((dimension) => {
        const entry = agreement.get(dimension.key)!;
        return {
          dimension: dimension.key,
          name: dimension.name,
          documentsCompared: entry.documentsCompared,
          spansCompared: entry.spansCompared,
          maxAnnotators: entry.maxAnnotators,
          unitizedAlpha: summariseFigure(entry.unitizedAlpha),
          spanF1Overlap: summariseFigure(entry.spanF1Overlap),
        };
      }),
    };
  }

  return { add, finish };
}

function createFigure(): FigureAccumulator {
  return {
    sum: 0,
    defined: 0,
    minimum: Number.POSITIVE_INFINITY,
    maximum: Number.NEGATIVE_INFINITY,
    undefinedReasons: new Map(),
  };
}

function addFigure(figure: FigureAccumulator, result: AgreementResult): void {
  if (!result.defined) {
    countUndefined(figure, result.code);
    return;
  }
  figure.sum += result.value;
  figure.defined += 1;
  figure.minimum = Math.min(figure.minimum, result.value);
  figure.maximum = Math.max(figure.maximum, result.value);
}

function countUndefined(figure: FigureAccumulator, code: UndefinedCode | "error"): void {
  figure.undefinedReasons.set(code, (figure.undefinedReasons.get(code) ?? 0) + 1);
}

function summariseFigure(figure: FigureAccumulator): FigureSummary {
  const hasValues = figure.defined > 0;
  return {
    defined: figure.defined,
    mean: hasValues ? figure.sum / figure.defined : null,
    minimum: hasValues ? figure.minimum : null,
    maximum: hasValues ? figure.maximum : null,
    undefinedReasons: Object.fromEntries(figure.undefinedReasons),
  };
}

function sortedEntries(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
