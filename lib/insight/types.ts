// The data every insight (agreement views, profiles, comparisons) works on: plain,
// serialisable shapes loaded once by lib/server/agreement. Offsets are code points, end
// exclusive; only anchored, undeleted highlights are ever in here.

export type InsightLabel = { id: string; key: string; name: string; dimensionId: string };

export type InsightDimension = {
  id: string;
  key: string;
  name: string;
  multiple: boolean;
  codebookId: string;
  codebookName: string;
  codebookVersion: number;
  // A "target" field: each highlight may name who or what the label is about (stance).
  hasTarget: boolean;
  // In codebook order.
  labels: InsightLabel[];
};

export type InsightAnnotator = { id: string; name: string };

export type InsightSpan = {
  id: string;
  annotatorId: string;
  start: number;
  end: number;
  exact: string;
  comment: string;
  // Labels of every dimension on this highlight.
  labelIds: string[];
  // ISO 8601.
  createdAt: string;
  // The target named for a dimension (by dimension key), as typed; absent when none.
  targets?: Record<string, string>;
};

export type InsightDocument = {
  id: string;
  title: string;
  outlet: string | null;
  // ISO date (YYYY-MM-DD) or null.
  publishedAt: string | null;
  text: string;
  // Everyone who made at least one anchored highlight on the document (people who read it
  // and marked nothing are not known: there is no "done" state yet).
  annotators: InsightAnnotator[];
  // The annotators' own highlights (their proposals); highlights a lead made while
  // adjudicating are only in `gold`, so a lead is never counted as an extra annotator.
  spans: InsightSpan[];
  // The agreed (gold) set: live highlights with isGold and review state ACCEPTED or EDITED
  // (docs/review.md). An accepted proposal is in both lists. Empty when not adjudicated.
  gold: InsightSpan[];
};

export type LabelIndex = Map<string, { label: InsightLabel; dimension: InsightDimension }>;

export function indexLabels(dimensions: readonly InsightDimension[]): LabelIndex {
  const index: LabelIndex = new Map();

  for (const dimension of dimensions) {
    for (const label of dimension.labels) {
      index.set(label.id, { label, dimension });
    }
  }

  return index;
}

// How a document is named next to others: its outlet, else its title.
export function getOutletName(document: Pick<InsightDocument, "outlet" | "title">): string {
  return document.outlet?.trim() || document.title;
}
