import {
  computePairwiseSpanF1,
  type AlphaResult,
  type AnnotatorSpans,
  type MultiLabelSpan,
  type PairwiseMeanResult,
  type Span,
} from "../agreement";

import { createDeadline, maxAgreementAnnotators, type Deadline } from "./deadline";
import { collectDimensionDocuments, findCodebookUse } from "./dimension-spans";
import { computeTokenAlpha } from "./reliability-matrix";
import { getOutletName, indexLabels, type InsightDimension, type InsightDocument } from "./types";

// Agreement across the documents of a project (a collection, or a whole workspace): per
// document and pooled, per dimension, and how the pooled figures moved week by week (or
// day by day) as highlights were made.
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

export type TrendPeriod = "week" | "day";

export type TrendPoint = {
  // First day of the period, UTC, YYYY-MM-DD (weeks start on Monday).
  start: string;
  // Highlights made up to the end of the period.
  highlights: number;
  annotators: number;
  // Pooled token α per dimension id, from the highlights made by the end of the period.
  alpha: Record<string, number | null>;
  // Mean overlap span F1 per dimension id over every document's annotator pairs (pairs
  // where neither marked anything left out), from the same highlights.
  f1: Record<string, number | null>;
};

export type ProjectAgreement = {
  documents: number;
  dimensions: ProjectDimension[];
  trendPeriod: TrendPeriod;
  trend: TrendPoint[];
  // Documents left out, and why (for example more annotators than can be compared here).
  excluded: { documentId: string; title: string; reason: string }[];
};

// The most recent periods a trend shows: half a year of weeks, a month of days.
export const maxTrendPoints: Record<TrendPeriod, number> = { week: 26, day: 31 };

export function computeProjectAgreement(
  documents: readonly InsightDocument[],
  dimensions: readonly InsightDimension[],
  deadline: Deadline = createDeadline(),
  trendPeriod: TrendPeriod = "week",
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
      return {
        documentId: entry.id,
        outlet: getOutletName(document),
        annotators: entry.annotators.length,
        tokenAlpha: computeTokenAlpha([entry]),
        overlapF1: computePairwiseSpanF1(toLabelledSpans(entry.annotators), { match: "overlap" })
          .mean,
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

  const trend = listPeriods(included, trendPeriod).map((period): TrendPoint => {
    const asOf = included.map((document) => cutAt(document, period.end));
    const alpha: Record<string, number | null> = {};
    const f1: Record<string, number | null> = {};
    for (const dimension of shown) {
      deadline.check();
      const pool = matrixDocuments(asOf, dimension);
      const result = computeTokenAlpha(pool);
      alpha[dimension.id] = result.defined ? Number(result.value.toFixed(4)) : null;
      f1[dimension.id] = meanOverlapF1(pool);
    }
    return {
      start: period.start,
      highlights: asOf.reduce((sum, document) => sum + document.spans.length, 0),
      annotators: new Set(
        asOf.flatMap((document) => document.annotators.map((annotator) => annotator.id)),
      ).size,
      alpha,
      f1,
    };
  });

  return { documents: included.length, dimensions: results, trendPeriod, trend, excluded };
}

function toLabelledSpans(annotators: readonly AnnotatorSpans<MultiLabelSpan>[]) {
  return annotators.map((annotator) => ({
    id: annotator.id,
    spans: annotator.spans.flatMap((span) =>
      span.labels.map((label): Span => ({ start: span.start, end: span.end, label })),
    ),
  }));
}

// The mean of every defined pair's overlap F1, over all documents' annotator pairs.
function meanOverlapF1(
  documents: readonly { annotators: AnnotatorSpans<MultiLabelSpan>[] }[],
): number | null {
  const values = documents.flatMap((document) =>
    computePairwiseSpanF1(toLabelledSpans(document.annotators), { match: "overlap" }).pairs.flatMap(
      (pair) => (pair.result.defined ? [pair.result.value] : []),
    ),
  );
  return values.length === 0
    ? null
    : Number((values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(4));
}

// Monday 00:00 UTC of the ISO week holding `date`.
export function startOfWeek(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day;
}

const dayMs = 24 * 60 * 60 * 1000;

function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

// Every period from the first highlight to the last (the most recent maxTrendPoints).
export function listPeriods(
  documents: readonly InsightDocument[],
  period: TrendPeriod = "week",
): { start: string; end: Date }[] {
  const times = documents.flatMap((document) =>
    document.spans.map((span) => Date.parse(span.createdAt)),
  );
  if (times.length === 0) {
    return [];
  }

  const startOf = period === "week" ? startOfWeek : startOfDay;
  const length = period === "week" ? 7 * dayMs : dayMs;
  const first = startOf(new Date(times.reduce((low, time) => Math.min(low, time)))).getTime();
  const last = startOf(new Date(times.reduce((high, time) => Math.max(high, time)))).getTime();
  const from = Math.max(first, last - (maxTrendPoints[period] - 1) * length);
  const periods: { start: string; end: Date }[] = [];

  for (let start = from; start <= last; start += length) {
    periods.push({
      start: new Date(start).toISOString().slice(0, 10),
      end: new Date(start + length),
    });
  }

  return periods;
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
