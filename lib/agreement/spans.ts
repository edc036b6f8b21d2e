// Span shapes shared by the span measures. Offsets are Unicode code points, end
// exclusive, as everywhere in Framewise (see lib/anchoring/types.ts).

export type Span = { start: number; end: number; label: string };

export type Interval = { start: number; end: number };

export type AnnotatorSpans<S = Span> = { id: string; spans: readonly S[] };

// Invalid offsets are a caller bug (the app validates spans when they are saved),
// so they throw instead of becoming an "undefined" result.
export function assertSpanInRange(span: Interval, textLength: number, textStart = 0): void {
  const { start, end } = span;

  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new RangeError(`Span offsets must be whole numbers (got ${start}–${end}).`);
  }
  if (start < textStart || end > textStart + textLength || end <= start) {
    throw new RangeError(
      `Span ${start}–${end} is empty or outside the text (${textStart} to ${textStart + textLength}).`,
    );
  }
}

export function compareIntervals(left: Interval, right: Interval): number {
  return left.start - right.start || left.end - right.end;
}

// Union of intervals that share at least one character. Touching intervals stay
// apart: two adjacent highlights are two units, not one.
export function mergeOverlapping(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort(compareIntervals);
  const merged: Interval[] = [];

  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start < last.end) {
      last.end = Math.max(last.end, interval.end);
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }

  return merged;
}

// Distinct intervals, sorted.
export function dedupeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort(compareIntervals);
  const unique: Interval[] = [];

  for (const interval of sorted) {
    const last = unique[unique.length - 1];
    if (!last || last.start !== interval.start || last.end !== interval.end) {
      unique.push({ start: interval.start, end: interval.end });
    }
  }

  return unique;
}

export function groupByLabel<S extends Span>(spans: readonly S[]): Map<string, S[]> {
  const groups = new Map<string, S[]>();

  for (const span of spans) {
    const group = groups.get(span.label);
    if (group) {
      group.push(span);
    } else {
      groups.set(span.label, [span]);
    }
  }

  return groups;
}
