import { computeSpanF1, type MultiLabelSpan, type Span, type SpanF1Result } from "../agreement";

import { createDeadline, type Deadline } from "./deadline";
import { annotatorsForDimension, findCodebookUse } from "./dimension-spans";
import { spanMatches } from "./document-agreement";
import {
  indexLabels,
  type InsightDimension,
  type InsightDocument,
  type InsightSpan,
} from "./types";

// Each annotator against the document's agreed (gold) set: labelled span F1 (exact,
// overlap, SemEval partial credit) with precision and recall, the highlight counts, and
// which labels the annotator gave where the gold set has another one. The gold set plays
// the part of the reference ("gold") in every F1; an annotator who marked nothing where the
// gold set has highlights scores 0, and a dimension where neither has any is undefined.

export type GoldScores = Record<(typeof spanMatches)[number], SpanF1Result>;

// Rows are gold labels, columns the annotator's labels.
export type GoldConfusion = {
  labelIds: string[];
  // counts[gold][annotator]: overlapping (annotator, gold) highlight pairs where the gold
  // highlight has labelIds[gold] and the annotator's labelIds[annotator]; labels both gave
  // count on the diagonal, a label only one side gave is paired with each the other gave.
  counts: number[][];
  // Gold highlights nothing of the annotator's overlaps, per gold label.
  missed: number[];
  // The annotator's highlights that overlap no gold highlight, per label.
  extra: number[];
  // Off-diagonal cells with a count, most first.
  topConfusions: { goldLabelId: string; annotatorLabelId: string; count: number }[];
};

export type AnnotatorGoldRow = {
  annotatorId: string;
  highlights: number;
  scores: GoldScores;
  confusion: GoldConfusion;
};

export type DimensionGoldView = {
  dimensionId: string;
  goldHighlights: number;
  annotators: AnnotatorGoldRow[];
};

export type GoldAgreementView =
  | { hasGold: false; message: string }
  | {
      hasGold: true;
      goldHighlights: number;
      dimensions: DimensionGoldView[];
      // Every dimension at once, each label its own category.
      allDimensions: { annotatorId: string; highlights: number; scores: GoldScores }[];
    };

export const noGoldMessage =
  "This document has no gold set yet: nobody has adjudicated it (Review → Adjudicate), so annotators can only be compared with each other.";

export function computeGoldAgreement(
  document: InsightDocument,
  dimensions: readonly InsightDimension[],
  deadline: Deadline = createDeadline(),
): GoldAgreementView {
  const labels = indexLabels(dimensions);
  const gold = document.gold.filter((span) => span.labelIds.some((id) => labels.has(id)));
  if (gold.length === 0) {
    return { hasGold: false, message: noGoldMessage };
  }

  const codebooks = findCodebookUse(document, labels);
  const inUse = new Set(codebooks.map((use) => use.codebookId));
  const shown =
    inUse.size === 0
      ? dimensions
      : dimensions.filter((dimension) => inUse.has(dimension.codebookId));

  const views = shown.map((dimension): DimensionGoldView => {
    deadline.check();
    const inDimension = new Set(dimension.labels.map((label) => label.id));
    const goldSpans = toMultiLabel(gold, inDimension);
    const labelIds = dimension.labels.map((label) => label.id);

    return {
      dimensionId: dimension.id,
      goldHighlights: goldSpans.length,
      annotators: annotatorsForDimension(document, dimension, codebooks).map((annotatorId) => {
        const own = toMultiLabel(
          document.spans.filter((span) => span.annotatorId === annotatorId),
          inDimension,
        );
        return {
          annotatorId,
          highlights: own.length,
          scores: scoreAgainstGold(own, goldSpans),
          confusion: computeGoldConfusion(labelIds, own, goldSpans),
        };
      }),
    };
  });

  deadline.check();
  const everyLabel = new Set(labels.keys());
  const goldAll = toMultiLabel(gold, everyLabel);
  const allDimensions = document.annotators.map((annotator) => {
    const own = toMultiLabel(
      document.spans.filter((span) => span.annotatorId === annotator.id),
      everyLabel,
    );
    return {
      annotatorId: annotator.id,
      highlights: own.length,
      scores: scoreAgainstGold(own, goldAll),
    };
  });

  return { hasGold: true, goldHighlights: gold.length, dimensions: views, allDimensions };
}

function toMultiLabel(spans: readonly InsightSpan[], keep: ReadonlySet<string>): MultiLabelSpan[] {
  return spans.flatMap((span) => {
    const kept = span.labelIds.filter((labelId) => keep.has(labelId));
    return kept.length > 0 && span.end > span.start
      ? [{ start: span.start, end: span.end, labels: kept }]
      : [];
  });
}

function flatten(spans: readonly MultiLabelSpan[]): Span[] {
  return spans.flatMap((span) =>
    span.labels.map((label) => ({ start: span.start, end: span.end, label })),
  );
}

export function scoreAgainstGold(
  annotator: readonly MultiLabelSpan[],
  gold: readonly MultiLabelSpan[],
): GoldScores {
  const predicted = flatten(annotator);
  const reference = flatten(gold);
  return Object.fromEntries(
    spanMatches.map((match) => [match, computeSpanF1(predicted, reference, { match })]),
  ) as GoldScores;
}

export function computeGoldConfusion(
  labelIds: readonly string[],
  annotator: readonly MultiLabelSpan[],
  gold: readonly MultiLabelSpan[],
): GoldConfusion {
  const position = new Map(labelIds.map((labelId, index) => [labelId, index]));
  const size = labelIds.length;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const missed = new Array<number>(size).fill(0);
  const extra = new Array<number>(size).fill(0);
  const goldMatched = new Array<boolean>(gold.length).fill(false);

  for (const own of annotator) {
    let isMatched = false;
    gold.forEach((reference, index) => {
      if (reference.start >= own.end || reference.end <= own.start) {
        return;
      }
      isMatched = true;
      goldMatched[index] = true;
      const ownLabels = new Set(own.labels.filter((label) => position.has(label)));
      const goldLabels = new Set(reference.labels.filter((label) => position.has(label)));
      for (const label of goldLabels) {
        if (ownLabels.has(label)) {
          const at = position.get(label)!;
          counts[at]![at]! += 1;
          continue;
        }
        for (const other of ownLabels) {
          if (!goldLabels.has(other)) {
            counts[position.get(label)!]![position.get(other)!]! += 1;
          }
        }
      }
    });
    if (!isMatched) {
      countEach(own.labels, position, extra);
    }
  }
  gold.forEach((reference, index) => {
    if (!goldMatched[index]) {
      countEach(reference.labels, position, missed);
    }
  });

  const topConfusions: GoldConfusion["topConfusions"] = [];
  counts.forEach((row, goldIndex) =>
    row.forEach((count, annotatorIndex) => {
      if (goldIndex !== annotatorIndex && count > 0) {
        topConfusions.push({
          goldLabelId: labelIds[goldIndex]!,
          annotatorLabelId: labelIds[annotatorIndex]!,
          count,
        });
      }
    }),
  );
  topConfusions.sort((left, right) => right.count - left.count);

  return { labelIds: [...labelIds], counts, missed, extra, topConfusions };
}

function countEach(
  labels: readonly string[],
  position: ReadonlyMap<string, number>,
  target: number[],
): void {
  for (const label of new Set(labels)) {
    const index = position.get(label);
    if (index !== undefined) {
      target[index]! += 1;
    }
  }
}
