// Where a class marked one article and how much it agreed. Pure TypeScript; offsets are
// code points, end exclusive.
//
// A passage is a stretch of text covered by overlapping student highlights (the union of
// highlights that share at least one character; touching ones stay apart). For each
// passage: which students marked it, and with which labels (a student's labels in the
// passage are the union over their highlights there).
//
// Disagreement is the Gini–Simpson impurity 1 − Σ p_c² over the students who worked on
// the article (at least one highlight on it), where each student falls in one category:
// "did not mark this passage", or the exact set of labels they gave it. 0 when everyone
// did the same; it rises when the class splits between marking and not marking, or between
// labels. Passages are listed hottest first (ties: more students, then reading order).

export type ClassHighlight = {
  authorId: string;
  start: number;
  end: number;
  labelIds: readonly string[];
};

export type ClassPassage = {
  start: number;
  end: number;
  studentIds: string[];
  // Students per label, most used first.
  labelCounts: { labelId: string; students: number }[];
  // Students who marked it without any label.
  unlabelled: number;
  disagreement: number;
};

export type HeatSegment = { start: number; end: number; students: number };

function impurity(counts: Iterable<number>, total: number): number {
  if (total === 0) {
    return 0;
  }
  let sumSquares = 0;
  for (const count of counts) {
    sumSquares += (count / total) ** 2;
  }
  return 1 - sumSquares;
}

export function findClassPassages(
  highlights: readonly ClassHighlight[],
  classSize: number,
): ClassPassage[] {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || a.end - b.end);
  const groups: { start: number; end: number; members: ClassHighlight[] }[] = [];

  for (const highlight of sorted) {
    const last = groups[groups.length - 1];
    if (last && highlight.start < last.end) {
      last.end = Math.max(last.end, highlight.end);
      last.members.push(highlight);
    } else {
      groups.push({ start: highlight.start, end: highlight.end, members: [highlight] });
    }
  }

  const passages = groups.map((group) => {
    const labelsByStudent = new Map<string, Set<string>>();
    for (const member of group.members) {
      const labels = labelsByStudent.get(member.authorId) ?? new Set<string>();
      for (const labelId of member.labelIds) {
        labels.add(labelId);
      }
      labelsByStudent.set(member.authorId, labels);
    }

    const labelTotals = new Map<string, number>();
    const categories = new Map<string, number>();
    let unlabelled = 0;
    for (const labels of labelsByStudent.values()) {
      for (const labelId of labels) {
        labelTotals.set(labelId, (labelTotals.get(labelId) ?? 0) + 1);
      }
      if (labels.size === 0) {
        unlabelled += 1;
      }
      const category = [...labels].sort().join("|");
      categories.set(category, (categories.get(category) ?? 0) + 1);
    }

    const total = Math.max(classSize, labelsByStudent.size);
    const notMarked = total - labelsByStudent.size;
    const counts = [...categories.values(), ...(notMarked > 0 ? [notMarked] : [])];

    return {
      start: group.start,
      end: group.end,
      studentIds: [...labelsByStudent.keys()].sort(),
      labelCounts: [...labelTotals.entries()]
        .map(([labelId, students]) => ({ labelId, students }))
        .sort((a, b) => b.students - a.students || (a.labelId < b.labelId ? -1 : 1)),
      unlabelled,
      disagreement: impurity(counts, total),
    };
  });

  return passages.sort(
    (a, b) =>
      b.disagreement - a.disagreement ||
      b.studentIds.length - a.studentIds.length ||
      a.start - b.start,
  );
}

// The text cut where any highlight starts or ends, with how many distinct students cover
// each piece: the heat map of the class view.
export function buildHeatSegments(
  textLength: number,
  highlights: readonly ClassHighlight[],
): HeatSegment[] {
  const cuts = new Set<number>([0, textLength]);
  for (const highlight of highlights) {
    cuts.add(Math.max(0, Math.min(textLength, highlight.start)));
    cuts.add(Math.max(0, Math.min(textLength, highlight.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: HeatSegment[] = [];

  for (let index = 0; index + 1 < points.length; index += 1) {
    const start = points[index]!;
    const end = points[index + 1]!;
    const students = new Set(
      highlights
        .filter((highlight) => highlight.start <= start && highlight.end >= end)
        .map((highlight) => highlight.authorId),
    );
    const previous = segments[segments.length - 1];
    if (previous && previous.students === students.size) {
      previous.end = end;
    } else {
      segments.push({ start, end, students: students.size });
    }
  }

  return segments;
}
