import { annotatorsForDimension, collectDimensionSpans, findCodebookUse } from "./dimension-spans";
import { indexLabels, type InsightDimension, type InsightDocument, type LabelIndex } from "./types";

// An article's profile: how much of it each dimension covers and how the labels of each
// dimension are spread, pooled over annotators. There is no gold (adjudicated) set in
// Framewise yet, so a profile always rests on every annotator's highlights and says so.

export type ProfileBasis = {
  kind: "all-annotators";
  annotators: number;
  highlights: number;
  note: string;
};

export type DimensionCoverage = {
  dimensionId: string;
  dimensionName: string;
  // Mean over annotators of the share of the text (code points) each highlighted.
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
  document: InsightDocument,
  dimensions: readonly InsightDimension[],
  labels: LabelIndex = indexLabels(dimensions),
): ArticleProfile {
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

  return {
    documentId: document.id,
    textLength,
    basis: {
      kind: "all-annotators",
      annotators: document.annotators.length,
      highlights,
      note: `From all ${document.annotators.length} annotator${document.annotators.length === 1 ? "" : "s"}' highlights pooled: there is no gold (adjudicated) set in Framewise yet.`,
    },
    coverage,
    distributions,
    sourcingMix,
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
