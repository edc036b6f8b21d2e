// Splits text into runs that are covered by the same set of highlights, so each run
// renders as one element. Offsets here are UTF-16 (what the DOM uses).

export type HighlightRange = { id: string; start: number; end: number };

export type Segment = { start: number; end: number; ids: string[] };

export function buildSegments(textLength: number, ranges: HighlightRange[]): Segment[] {
  const boundaries = new Set<number>([0, textLength]);

  for (const range of ranges) {
    boundaries.add(clamp(range.start, textLength));
    boundaries.add(clamp(range.end, textLength));
  }

  const points = [...boundaries].sort((a, b) => a - b);
  const startsAt = new Map<number, HighlightRange[]>();

  for (const range of ranges) {
    const start = clamp(range.start, textLength);
    if (clamp(range.end, textLength) > start) {
      const list = startsAt.get(start) ?? [];
      list.push(range);
      startsAt.set(start, list);
    }
  }

  const segments: Segment[] = [];
  let open: HighlightRange[] = [];

  for (let index = 0; index < points.length - 1; index += 1) {
    const start = points[index] as number;
    const end = points[index + 1] as number;

    open = open.filter((range) => range.end > start);
    open.push(...(startsAt.get(start) ?? []));

    segments.push({ start, end, ids: open.map((range) => range.id) });
  }

  return segments;
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(value, 0), max);
}
