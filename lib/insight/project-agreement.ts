import {
  computePairwiseSpanF1,
  type AlphaResult,
  type PairwiseMeanResult,
  type Span,
} from "../agreement";

import { createDeadline, maxAgreementAnnotators, type Deadline } from "./deadline";
import { collectDimensionDocuments, findCodebookUse } from "./dimension-spans";
import { computeTokenAlpha } from "./reliability-matrix";
import { getOutletName, indexLabels, type InsightDimension, type InsightDocument } from "./types";

// Agreement across the documents of a project (a collection, or a whole workspace): per
// document and pooled, per dimension, and how the pooled figure moved week by week.
// Pooled α is token α over every document's tokens at once, each document's annotators
// giving values and everyone else missing (the reliability matrix of the project).

export type ProjectDocumentRow = {
  documentId: string;
  outlet: string;
  annotators: number;
  tokenAlpha: AlphaResult;
  overlapF1: PairwiseMeanResult;
};

export type ProjectDimension = {
  dimension: Pick<InsightDimension, "id" | "key" | "name" | "codebookName" | "codebookVersion">;
  documents: ProjectDocumentRow[];
  pooledAlpha: AlphaResult;
};

export type TrendPoint = {
  // Monday of the ISO week, UTC, YYYY-MM-DD.
  weekStart: string;
  // Highlights made up to the end of that week.
  highlights: number;
  annotators: number;
  // Pooled token α per dimension id, from the highlights made by the end of the week.
  alpha: Record<string, number | null>;
};

export type ProjectAgreement = {
  documents: number;
  dimensions: ProjectDimension[];
  trend: TrendPoint[];
  // Documents left out, and why (for example more annotators than can be compared here).
  excluded: { documentId: string; title: string; reason: string }[];
};

export const maxTrendWeeks = 26;

export function computeProjectAgreement(
  documents: readonly InsightDocument[],
  dimensions: readonly InsightDimension[],
  deadline: Deadline = createDeadline(),
): ProjectAgreement {
  const excluded: ProjectAgreement["excluded"] = [];
  const included = documents.filter((document) => {
    if (document.annotators.length > maxAgreementAnnotators) {
      excluded.push({
        documentId: document.id,
        title: document.title,
        reason: `${document.annotators.length} annotators, more than the ${maxAgreementAnnotators} compared here`,
      });
      return false;
    }
    return true;
  });
  const labels = indexLabels(dimensions);
  const used = new Set(
    included.flatMap((document) => findCodebookUse(document, labels).map((use) => use.codebookId)),
  );
  const shown = dimensions.filter((dimension) => used.size === 0 || used.has(dimension.codebookId));

  const matrixDocuments = (pool: readonly InsightDocument[], dimension: InsightDimension) =>
    collectDimensionDocuments(pool, dimension, labels);

  const results = shown.map((dimension): ProjectDimension => {
    const perDocument = matrixDocuments(included, dimension);
    const rows = perDocument.map((entry): ProjectDocumentRow => {
      deadline.check();
      const document = included.find((candidate) => candidate.id === entry.id)!;
      const labelled = entry.annotators.map((annotator) => ({
        id: annotator.id,
        spans: annotator.spans.flatMap((span) =>
          span.labels.map((label): Span => ({ start: span.start, end: span.end, label })),
        ),
      }));
      return {
        documentId: entry.id,
        outlet: getOutletName(document),
        annotators: entry.annotators.length,
        tokenAlpha: computeTokenAlpha([entry]),
        overlapF1: computePairwiseSpanF1(labelled, { match: "overlap" }).mean,
      };
    });
    deadline.check();

    return {
      dimension: {
        id: dimension.id,
        key: dimension.key,
        name: dimension.name,
        codebookName: dimension.codebookName,
        codebookVersion: dimension.codebookVersion,
      },
      documents: rows,
      pooledAlpha: computeTokenAlpha(perDocument),
    };
  });

  const trend = listWeeks(included).map((week): TrendPoint => {
    const asOf = included.map((document) => cutAt(document, week.end));
    const alpha: Record<string, number | null> = {};
    for (const dimension of shown) {
      deadline.check();
      const result = computeTokenAlpha(matrixDocuments(asOf, dimension));
      alpha[dimension.id] = result.defined ? Number(result.value.toFixed(4)) : null;
    }
    return {
      weekStart: week.start,
      highlights: asOf.reduce((sum, document) => sum + document.spans.length, 0),
      annotators: new Set(
        asOf.flatMap((document) => document.annotators.map((annotator) => annotator.id)),
      ).size,
      alpha,
    };
  });

  return { documents: included.length, dimensions: results, trend, excluded };
}

// Monday 00:00 UTC of the ISO week holding `date`.
export function startOfWeek(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day;
}

// Every week from the first highlight to the last (the most recent maxTrendWeeks).
export function listWeeks(documents: readonly InsightDocument[]): { start: string; end: Date }[] {
  const times = documents.flatMap((document) =>
    document.spans.map((span) => Date.parse(span.createdAt)),
  );
  if (times.length === 0) {
    return [];
  }

  const weekMs = 7 * 24 * 60 * 60 * 1000;
  const first = startOfWeek(new Date(times.reduce((low, time) => Math.min(low, time)))).getTime();
  const last = startOfWeek(new Date(times.reduce((high, time) => Math.max(high, time)))).getTime();
  const from = Math.max(first, last - (maxTrendWeeks - 1) * weekMs);
  const weeks: { start: string; end: Date }[] = [];

  for (let start = from; start <= last; start += weekMs) {
    weeks.push({
      start: new Date(start).toISOString().slice(0, 10),
      end: new Date(start + weekMs),
    });
  }

  return weeks;
}

// The document as it stood at `end`: highlights made before it, and their annotators.
function cutAt(document: InsightDocument, end: Date): InsightDocument {
  const spans = document.spans.filter((span) => Date.parse(span.createdAt) < end.getTime());
  const who = new Set(spans.map((span) => span.annotatorId));
  return {
    ...document,
    spans,
    annotators: document.annotators.filter((annotator) => who.has(annotator.id)),
  };
}
