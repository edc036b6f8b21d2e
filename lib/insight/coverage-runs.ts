// The heat strip: the text cut into runs where the same annotators (with the same labels)
// cover every character, so each run can show how many people marked it and with what.
// Offsets are code points, end exclusive.

export type CoverageSpan = {
  id: string;
  annotatorId: string;
  start: number;
  end: number;
  labelIds: readonly string[];
};

export type CoverageRun = {
  start: number;
  end: number;
  // Distinct annotators with a highlight over the whole run; empty for unmarked text.
  annotatorIds: string[];
  // Per label, how many distinct annotators gave it here; most first, then label order.
  labelCounts: { labelId: string; annotators: number }[];
  spanIds: string[];
};

// `labelOrder` breaks ties between labels used equally often (codebook order).
export function buildCoverageRuns(
  textLength: number,
  spans: readonly CoverageSpan[],
  labelOrder: readonly string[] = [],
): CoverageRun[] {
  const rank = new Map(labelOrder.map((labelId, index) => [labelId, index]));
  const valid = spans.filter(
    (span) => span.start < span.end && span.start >= 0 && span.end <= textLength,
  );
  const points = [
    ...new Set([0, textLength, ...valid.flatMap((span) => [span.start, span.end])]),
  ].sort((left, right) => left - right);
  const startsAt = new Map<number, CoverageSpan[]>();

  for (const span of valid) {
    const list = startsAt.get(span.start) ?? [];
    list.push(span);
    startsAt.set(span.start, list);
  }

  const runs: CoverageRun[] = [];
  let open: CoverageSpan[] = [];
  let previousKey = "";

  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    open = open.filter((span) => span.end > start);
    open.push(...(startsAt.get(start) ?? []));

    const annotatorIds = [...new Set(open.map((span) => span.annotatorId))];
    const labelAnnotators = new Map<string, Set<string>>();
    for (const span of open) {
      for (const labelId of span.labelIds) {
        const who = labelAnnotators.get(labelId) ?? new Set<string>();
        who.add(span.annotatorId);
        labelAnnotators.set(labelId, who);
      }
    }
    const labelCounts = [...labelAnnotators.entries()]
      .map(([labelId, who]) => ({ labelId, annotators: who.size }))
      .sort(
        (left, right) =>
          right.annotators - left.annotators ||
          (rank.get(left.labelId) ?? Infinity) - (rank.get(right.labelId) ?? Infinity) ||
          (left.labelId < right.labelId ? -1 : 1),
      );

    // Neighbouring runs with the same annotators and labels (one person's two adjacent
    // highlights) are one passage.
    const key = `${[...annotatorIds].sort().join(",")}|${labelCounts
      .map((count) => `${count.labelId}:${count.annotators}`)
      .join(",")}`;
    const last = runs[runs.length - 1];
    if (last && last.end === start && key === previousKey) {
      last.end = end;
      last.spanIds = [...new Set([...last.spanIds, ...open.map((span) => span.id)])];
      continue;
    }

    runs.push({ start, end, annotatorIds, labelCounts, spanIds: open.map((span) => span.id) });
    previousKey = key;
  }

  return runs;
}

// "3 of 5 annotators: Loaded language (2), Name calling (1)"
export function describeRun(
  run: Pick<CoverageRun, "annotatorIds" | "labelCounts">,
  totalAnnotators: number,
  labelName: (labelId: string) => string,
): string {
  const who = `${run.annotatorIds.length} of ${totalAnnotators} annotator${totalAnnotators === 1 ? "" : "s"}`;

  if (run.labelCounts.length === 0) {
    return run.annotatorIds.length === 0 ? `Not marked by any of ${totalAnnotators}` : who;
  }

  return `${who}: ${run.labelCounts
    .map((count) => `${labelName(count.labelId)} (${count.annotators})`)
    .join(", ")}`;
}
