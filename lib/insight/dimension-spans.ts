import type { AnnotatorSpans, MultiLabelSpan } from "../agreement";

import type { InsightDimension, InsightDocument, LabelIndex } from "./types";

// Which codebook versions the highlights on a document use, with the annotators of each.
// Normally one: then every annotator of the document counts for every dimension (marking
// nothing in a dimension is a judgement too). When labels come from several versions, a
// version's annotators are those who used at least one of its labels, so nobody is counted
// as "marked nothing" in a version they never saw.
export type CodebookUse = {
  codebookId: string;
  codebookName: string;
  codebookVersion: number;
  annotatorIds: string[];
};

export function findCodebookUse(document: InsightDocument, labels: LabelIndex): CodebookUse[] {
  const byCodebook = new Map<string, CodebookUse & { seen: Set<string> }>();

  for (const span of document.spans) {
    for (const labelId of span.labelIds) {
      const dimension = labels.get(labelId)?.dimension;
      if (!dimension) {
        continue;
      }
      let use = byCodebook.get(dimension.codebookId);
      if (!use) {
        use = {
          codebookId: dimension.codebookId,
          codebookName: dimension.codebookName,
          codebookVersion: dimension.codebookVersion,
          annotatorIds: [],
          seen: new Set(),
        };
        byCodebook.set(dimension.codebookId, use);
      }
      if (!use.seen.has(span.annotatorId)) {
        use.seen.add(span.annotatorId);
        use.annotatorIds.push(span.annotatorId);
      }
    }
  }

  const uses = [...byCodebook.values()].map(({ seen: _seen, ...use }) => use);
  if (uses.length === 1) {
    uses[0]!.annotatorIds = document.annotators.map((annotator) => annotator.id);
  }
  return uses.sort((left, right) => right.codebookVersion - left.codebookVersion);
}

export function annotatorsForDimension(
  document: InsightDocument,
  dimension: InsightDimension,
  uses: readonly CodebookUse[],
): string[] {
  if (uses.length <= 1) {
    return document.annotators.map((annotator) => annotator.id);
  }
  return uses.find((use) => use.codebookId === dimension.codebookId)?.annotatorIds ?? [];
}

// Each annotator's highlights in one dimension, with only that dimension's labels (label
// ids). Annotators listed in `annotatorIds` without any span here get an empty list.
export function collectDimensionSpans(
  document: InsightDocument,
  dimension: InsightDimension,
  annotatorIds: readonly string[],
): AnnotatorSpans<MultiLabelSpan>[] {
  const inDimension = new Set(dimension.labels.map((label) => label.id));
  const byAnnotator = new Map<string, MultiLabelSpan[]>(annotatorIds.map((id) => [id, []]));

  for (const span of document.spans) {
    const target = byAnnotator.get(span.annotatorId);
    if (!target) {
      continue;
    }
    const labels = span.labelIds.filter((labelId) => inDimension.has(labelId));
    if (labels.length > 0 && span.end > span.start) {
      target.push({ start: span.start, end: span.end, labels });
    }
  }

  return annotatorIds.map((id) => ({ id, spans: byAnnotator.get(id) ?? [] }));
}

// The documents that count for a dimension, each with its annotators' spans in it: those
// whose highlights use the dimension's codebook version (or no version yet).
export function collectDimensionDocuments(
  documents: readonly InsightDocument[],
  dimension: InsightDimension,
  labels: LabelIndex,
): { id: string; text: string; annotators: AnnotatorSpans<MultiLabelSpan>[] }[] {
  return documents.flatMap((document) => {
    const uses = findCodebookUse(document, labels);
    if (uses.length > 0 && !uses.some((use) => use.codebookId === dimension.codebookId)) {
      return [];
    }
    const annotatorIds = annotatorsForDimension(document, dimension, uses);
    return [
      {
        id: document.id,
        text: document.text,
        annotators: collectDimensionSpans(document, dimension, annotatorIds),
      },
    ];
  });
}
