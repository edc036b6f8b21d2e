// Splits one side of a version diff into runs that share the same change kind and the
// same set of highlights, so each run renders as one element (removed or added text,
// with the highlights that cover it). Offsets are UTF-16.
import { buildSegments, type HighlightRange } from "@/lib/annotator/highlight-segments";

import type { DiffKind, DiffPart } from "./text-diff";

export type DiffRun = { start: number; end: number; kind: DiffKind; ids: string[] };

const kindIds = { removed: "diff:removed", added: "diff:added" } as const;

export function buildDiffRuns(
  textLength: number,
  parts: readonly DiffPart[],
  highlights: readonly HighlightRange[],
): DiffRun[] {
  const changed = parts
    .filter((part) => part.kind !== "same")
    .map((part) => ({
      id: kindIds[part.kind as "removed" | "added"],
      start: part.start,
      end: part.end,
    }));

  const runs: DiffRun[] = [];
  for (const segment of buildSegments(textLength, [...changed, ...highlights])) {
    if (segment.end <= segment.start) {
      continue;
    }
    const kind: DiffKind = segment.ids.includes(kindIds.removed)
      ? "removed"
      : segment.ids.includes(kindIds.added)
        ? "added"
        : "same";
    const ids = segment.ids.filter((id) => !id.startsWith("diff:"));
    const last = runs[runs.length - 1];
    if (last && last.kind === kind && sameIds(last.ids, ids)) {
      last.end = segment.end;
    } else {
      runs.push({ start: segment.start, end: segment.end, kind, ids });
    }
  }

  return runs;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
