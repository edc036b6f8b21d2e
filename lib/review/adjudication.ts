// Lines up every annotator's highlights on one document for adjudication: one lane per
// person, proposals grouped by identical span, and which groups everyone agrees on
// exactly (same span, same labels, every annotator). Pure, for the adjudication view
// and for accept-all on the server, so both agree on what "exact agreement" means.

export type ReviewStateName = "PENDING" | "ACCEPTED" | "REJECTED" | "EDITED";

export type AdjudicationAnnotation = {
  id: string;
  authorId: string;
  authorName: string;
  start: number;
  end: number;
  exact: string;
  labelIds: string[];
  reviewState: ReviewStateName;
  isGold: boolean;
  // Made by a lead during adjudication (an edited copy or their own addition): part of
  // the gold set, not a proposal in anyone's lane.
  isAdjudication: boolean;
  revision: number;
  createdAt: string;
};

export type AdjudicationLane = { authorId: string; name: string; count: number };

export type SpanGroup = {
  key: string;
  start: number;
  end: number;
  exact: string;
  proposals: AdjudicationAnnotation[];
  // Labels every proposal in the group carries; the others are differences.
  sharedLabelIds: string[];
  // Every lane proposed this span with the same labels.
  isExactAgreement: boolean;
  // Lanes without a proposal for this span.
  missingAuthorIds: string[];
};

// Overlapping groups shown together, so lanes line up on the same stretch of text.
export type SpanCluster = { start: number; end: number; groups: SpanGroup[] };

export type Adjudication = {
  lanes: AdjudicationLane[];
  groups: SpanGroup[];
  clusters: SpanCluster[];
  gold: AdjudicationAnnotation[];
};

export function isGoldAnnotation(
  annotation: Pick<AdjudicationAnnotation, "isGold" | "reviewState">,
) {
  return (
    annotation.isGold &&
    (annotation.reviewState === "ACCEPTED" || annotation.reviewState === "EDITED")
  );
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

export function buildAdjudication(annotations: readonly AdjudicationAnnotation[]): Adjudication {
  const proposals = annotations.filter((annotation) => !annotation.isAdjudication);

  const laneMap = new Map<string, AdjudicationLane>();
  for (const annotation of proposals) {
    const lane = laneMap.get(annotation.authorId) ?? {
      authorId: annotation.authorId,
      name: annotation.authorName,
      count: 0,
    };
    lane.count += 1;
    laneMap.set(annotation.authorId, lane);
  }
  const lanes = [...laneMap.values()].sort((a, b) => a.name.localeCompare(b.name));
  const laneOrder = new Map(lanes.map((lane, index) => [lane.authorId, index]));

  const byKey = new Map<string, AdjudicationAnnotation[]>();
  for (const annotation of proposals) {
    const key = `${annotation.start}:${annotation.end}`;
    byKey.set(key, [...(byKey.get(key) ?? []), annotation]);
  }

  const groups: SpanGroup[] = [...byKey.entries()].map(([key, list]) => {
    const sorted = [...list].sort(
      (a, b) =>
        (laneOrder.get(a.authorId) ?? 0) - (laneOrder.get(b.authorId) ?? 0) ||
        a.createdAt.localeCompare(b.createdAt),
    );
    const first = sorted[0] as AdjudicationAnnotation;
    const authors = new Set(sorted.map((annotation) => annotation.authorId));
    const sharedLabelIds = first.labelIds.filter((id) =>
      sorted.every((annotation) => annotation.labelIds.includes(id)),
    );
    return {
      key,
      start: first.start,
      end: first.end,
      exact: first.exact,
      proposals: sorted,
      sharedLabelIds,
      isExactAgreement:
        lanes.length >= 2 &&
        authors.size === lanes.length &&
        sorted.every((annotation) => sameLabels(annotation.labelIds, first.labelIds)),
      missingAuthorIds: lanes.map((lane) => lane.authorId).filter((id) => !authors.has(id)),
    };
  });
  groups.sort((a, b) => a.start - b.start || b.end - a.end);

  const clusters: SpanCluster[] = [];
  for (const group of groups) {
    const last = clusters[clusters.length - 1];
    if (last && group.start < last.end) {
      last.groups.push(group);
      last.end = Math.max(last.end, group.end);
    } else {
      clusters.push({ start: group.start, end: group.end, groups: [group] });
    }
  }

  const gold = annotations
    .filter(isGoldAnnotation)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  return { lanes, groups, clusters, gold };
}

// The groups accept-all takes: exact agreement, nothing decided yet, and no gold
// highlight with the same span and labels already. The first proposal of each becomes
// gold; the others are accepted as agreeing with it.
export function groupsToAcceptAll(adjudication: Adjudication): SpanGroup[] {
  return adjudication.groups.filter(
    (group) =>
      group.isExactAgreement &&
      group.proposals.every((annotation) => annotation.reviewState === "PENDING") &&
      !adjudication.gold.some(
        (gold) =>
          gold.start === group.start &&
          gold.end === group.end &&
          sameLabels(gold.labelIds, group.proposals[0]?.labelIds ?? []),
      ),
  );
}
