import { annotatorsForDimension, collectDimensionSpans, findCodebookUse } from "./dimension-spans";
import { groupStanceByTarget, type StanceByTarget } from "./stance-targets";
import { indexLabels, type InsightDimension, type InsightDocument, type LabelIndex } from "./types";

// An article's profile: how much of it each dimension covers, how the labels of each
// dimension are spread, and stance toward each target. It rests on the document's agreed
// (gold) set when there is one, else on every annotator's highlights pooled, and says which.

export type ProfileBasis = {
  kind: "gold" | "all-annotators";
  // Annotators pooled (0 for the gold set: it is one agreed reading).
  annotators: number;
  highlights: number;
  note: string;
};

// The gold set stands in as a single reader.
export const goldReaderId = "gold";

export type DimensionCoverage = {
  dimensionId: string;
  dimensionName: string;
  // Mean over annotators of the share of the text (code points) each highlighted (from the
  // gold set: the share it covers).
  meanShare: number;
  // Share of the text at least one annotator highlighted.
  unionShare: number;
};

export type LabelShare = {
  labelId: string;
  key: string;
  name: string;
  highlights: number;
  // Of this dimension's label uses (a highlight with two labels counts for both).
  share: number;
  annotators: number;
};

export type DimensionDistribution = {
  dimensionId: string;
  dimensionKey: string;
  dimensionName: string;
  highlights: number;
  labels: LabelShare[];
};

// Sourcing labels of the newsroom-review codebook in three groups; other keys go to "other".
export const sourcingGroups = {
  named: {
    name: "Named",
    keys: ["named_person", "named_organization", "primary_document", "secondary_media"],
  },
  anonymous: { name: "Anonymous or vague", keys: ["anonymous_source", "vague_attribution"] },
  none: { name: "No source", keys: ["no_source"] },
} as const;

export type SourcingGroup = keyof typeof sourcingGroups | "other";

export type SourcingShare = {
  group: SourcingGroup;
  name: string;
  highlights: number;
  share: number;
};

export type ArticleProfile = {
  documentId: string;
  textLength: number;
  basis: ProfileBasis;
  coverage: DimensionCoverage[];
  distributions: DimensionDistribution[];
  // Present when a dimension keyed "sourcing" is in use.
  sourcingMix: SourcingShare[] | null;
  // One entry per dimension with a target field (stance) that has highlights.
  stanceByTarget: StanceByTarget[];
};

export function getSourcingGroup(labelKey: string): SourcingGroup {
  for (const [group, { keys }] of Object.entries(sourcingGroups)) {
    if ((keys as readonly string[]).includes(labelKey)) {
      return group as SourcingGroup;
    }
  }
  return "other";
}

export function getSourcingGroupName(group: SourcingGroup): string {
  return group === "other" ? "Other" : sourcingGroups[group].name;
}

export function computeArticleProfile(
  loaded: InsightDocument,
  dimensions: readonly InsightDimension[],
  labels: LabelIndex = indexLabels(dimensions),
): ArticleProfile {
  const gold = loaded.gold.filter((span) => span.labelIds.some((labelId) => labels.has(labelId)));
  const isGold = gold.length > 0;
  const document: InsightDocument = isGold
    ? {
        ...loaded,
        annotators: [{ id: goldReaderId, name: "Gold set" }],
        spans: gold.map((span) => ({ ...span, annotatorId: goldReaderId })),
      }
    : loaded;
  const textLength = Array.from(document.text).length;
  const uses = findCodebookUse(document, labels);
  const coverage: DimensionCoverage[] = [];
  const distributions: DimensionDistribution[] = [];
  let sourcingMix: SourcingShare[] | null = null;

  for (const dimension of dimensions) {
    const annotatorIds = annotatorsForDimension(document, dimension, uses);
    const perAnnotator = collectDimensionSpans(document, dimension, annotatorIds);
    const highlights = perAnnotator.reduce((sum, annotator) => sum + annotator.spans.length, 0);

    coverage.push({
      dimensionId: dimension.id,
      dimensionName: dimension.name,
      meanShare:
        textLength === 0 || perAnnotator.length === 0
          ? 0
          : perAnnotator.reduce((sum, annotator) => sum + unionLength(annotator.spans), 0) /
            perAnnotator.length /
            textLength,
      unionShare:
        textLength === 0
          ? 0
          : unionLength(perAnnotator.flatMap((annotator) => annotator.spans)) / textLength,
    });

    const labelUses = new Map<string, { highlights: number; who: Set<string> }>();
    for (const annotator of perAnnotator) {
      for (const span of annotator.spans) {
        for (const labelId of span.labels) {
          const entry = labelUses.get(labelId) ?? { highlights: 0, who: new Set<string>() };
          entry.highlights += 1;
          entry.who.add(annotator.id);
          labelUses.set(labelId, entry);
        }
      }
    }
    const totalUses = [...labelUses.values()].reduce((sum, entry) => sum + entry.highlights, 0);
    const labelShares = dimension.labels.map((label): LabelShare => {
      const entry = labelUses.get(label.id);
      return {
        labelId: label.id,
        key: label.key,
        name: label.name,
        highlights: entry?.highlights ?? 0,
        share: totalUses === 0 ? 0 : (entry?.highlights ?? 0) / totalUses,
        annotators: entry?.who.size ?? 0,
      };
    });
    distributions.push({
      dimensionId: dimension.id,
      dimensionKey: dimension.key,
      dimensionName: dimension.name,
      highlights,
      labels: labelShares,
    });

    if (dimension.key === "sourcing" && (sourcingMix === null || highlights > 0)) {
      sourcingMix = groupSourcing(labelShares, totalUses);
    }
  }

  const highlights = document.spans.filter((span) =>
    span.labelIds.some((labelId) => labels.has(labelId)),
  ).length;
  const annotators = loaded.annotators.length;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

  return {
    documentId: document.id,
    textLength,
    basis: isGold
      ? {
          kind: "gold",
          annotators: 0,
          highlights,
          note: `From the agreed (gold) set, ${plural(highlights, "highlight")}: the highlights a lead accepted, edited or added in adjudication.`,
        }
      : {
          kind: "all-annotators",
          annotators,
          highlights,
          note: `From all ${annotators === 1 ? "1 annotator’s" : `${annotators} annotators’`} highlights pooled, ${plural(highlights, "highlight")}: this document has no agreed (gold) set yet.`,
        },
    coverage,
    distributions,
    sourcingMix,
    stanceByTarget: dimensions
      .filter((dimension) => dimension.hasTarget)
      .map((dimension) => groupStanceByTarget(document.spans, dimension))
      .filter((entry) => entry.highlights > 0),
  };
}

function groupSourcing(labels: readonly LabelShare[], total: number): SourcingShare[] {
  const order: SourcingGroup[] = ["named", "anonymous", "none", "other"];
  const counts = new Map<SourcingGroup, number>(order.map((group) => [group, 0]));

  for (const label of labels) {
    const group = getSourcingGroup(label.key);
    counts.set(group, counts.get(group)! + label.highlights);
  }

  return order
    .filter((group) => group !== "other" || counts.get(group)! > 0)
    .map((group) => ({
      group,
      name: getSourcingGroupName(group),
      highlights: counts.get(group)!,
      share: total === 0 ? 0 : counts.get(group)! / total,
    }));
}

// Characters covered by at least one span (overlaps counted once).
export function unionLength(spans: readonly { start: number; end: number }[]): number {
  const sorted = [...spans].sort((left, right) => left.start - right.start);
  let covered = 0;
  let reach = -Infinity;

  for (const span of sorted) {
    if (span.end <= reach) {
      continue;
    }
    covered += span.end - Math.max(span.start, reach);
    reach = span.end;
  }

  return covered;
}
