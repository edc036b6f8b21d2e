import type { InsightDimension, InsightSpan } from "./types";

// Stance toward each target: highlights of a dimension with a target field (the
// newsroom-review "stance"), grouped by the target the annotator named. Targets are typed
// by hand, so "Macron", " macron " and "MACRON" are one group: trimmed, inner spaces
// collapsed, case-folded. The group shows its most common spelling. Highlights without a
// target are their own group, "no target given", so nothing silently drops out.

export type TargetLabelCount = { labelId: string; name: string; highlights: number };

export type TargetGroup = {
  // The grouping key; null for "no target given".
  key: string | null;
  // The most common spelling (ties: the one met first); null for "no target given".
  target: string | null;
  highlights: number;
  // Every label of the dimension in codebook order, with its count for this target.
  labels: TargetLabelCount[];
};

export type StanceByTarget = {
  dimensionId: string;
  dimensionKey: string;
  dimensionName: string;
  highlights: number;
  targets: TargetGroup[];
};

export const noTargetName = "No target given";

export function normalizeTargetKey(target: string): string {
  return target.normalize("NFKC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}

function cleanSpelling(target: string): string {
  return target.normalize("NFKC").trim().replace(/\s+/g, " ");
}

export function describeTarget(group: Pick<TargetGroup, "target">): string {
  return group.target ?? noTargetName;
}

// Spans are those the profile rests on (gold or every annotator's), in reading order.
export function groupStanceByTarget(
  spans: readonly InsightSpan[],
  dimension: InsightDimension,
): StanceByTarget {
  const inDimension = new Set(dimension.labels.map((label) => label.id));
  const groups = new Map<
    string | null,
    { spellings: Map<string, number>; highlights: number; counts: Map<string, number> }
  >();
  let highlights = 0;

  for (const span of spans) {
    const labelIds = span.labelIds.filter((labelId) => inDimension.has(labelId));
    if (labelIds.length === 0) {
      continue;
    }
    highlights += 1;
    const raw = span.targets?.[dimension.key];
    const key = raw && raw.trim() ? normalizeTargetKey(raw) : null;
    let group = groups.get(key);
    if (!group) {
      group = { spellings: new Map(), highlights: 0, counts: new Map() };
      groups.set(key, group);
    }
    group.highlights += 1;
    if (raw && key !== null) {
      const spelling = cleanSpelling(raw);
      group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
    }
    for (const labelId of labelIds) {
      group.counts.set(labelId, (group.counts.get(labelId) ?? 0) + 1);
    }
  }

  const targets = [...groups.entries()].map(([key, group]): TargetGroup => {
    let target: string | null = null;
    let best = 0;
    // Map keeps insertion order, so on a tie the spelling met first stays.
    for (const [spelling, count] of group.spellings) {
      if (count > best) {
        target = spelling;
        best = count;
      }
    }
    return {
      key,
      target,
      highlights: group.highlights,
      labels: dimension.labels.map((label) => ({
        labelId: label.id,
        name: label.name,
        highlights: group.counts.get(label.id) ?? 0,
      })),
    };
  });
  targets.sort(
    (left, right) =>
      Number(left.key === null) - Number(right.key === null) ||
      right.highlights - left.highlights ||
      (left.target ?? "").localeCompare(right.target ?? "", "en"),
  );

  return {
    dimensionId: dimension.id,
    dimensionKey: dimension.key,
    dimensionName: dimension.name,
    highlights,
    targets,
  };
}
