import { alignSequences } from "./align-sequences";
import { isMatchSpace, toMatchChar } from "./match-text";
import { createOffsetIndex, type OffsetIndex } from "./text-position";

// Carries code-point spans from an old version of a text to a new one through a diff.
// The diff is hierarchical so it stays fast on long articles: lines first, then words
// and punctuation inside changed lines, then characters inside changed words. Tokens
// compare after the same normalisation as quote matching (curly quotes, dashes,
// whitespace runs), so re-typeset text still lines up.
export type OffsetMapper = {
  // The span's new position, or null when the diff leaves nothing of it (deleted).
  mapSpan: (start: number, end: number) => { start: number; end: number } | null;
  // Where an old code-point offset lands in the new text (a start: text inserted there
  // comes before it).
  mapOffset: (offset: number) => number;
  // UTF-16 ranges of the new text that the diff matched to nothing in the old text:
  // inserted or rewritten text, where moved-and-edited passages end up.
  unmatchedRanges: () => { start: number; end: number }[];
};

export type OffsetMapperOptions = {
  // Per-level cap on insertions + deletions; a block past it is treated as rewritten.
  maxEdits?: number;
  // Changed stretches longer than this (UTF-16) are not aligned character by character.
  maxCharacterDiff?: number;
};

// Matched stretches of the two texts, in UTF-16, ascending on both sides. Inside a
// segment an offset moves by (newStart - oldStart), clamped to the new segment's end
// (the two sides differ in length only when whitespace runs or typographic characters
// differ). Offsets between segments fall in changed text.
type Segments = { oldStart: number[]; oldEnd: number[]; newStart: number[]; newEnd: number[] };

const tokenPattern = /[\p{L}\p{M}\p{N}]+|\s+|[\s\S]/gu;

export function createOffsetMapper(
  oldText: string,
  newText: string,
  options: OffsetMapperOptions = {},
): OffsetMapper {
  const maxEdits = options.maxEdits ?? 2000;
  const maxCharacterDiff = options.maxCharacterDiff ?? 2000;
  const oldIndex = createOffsetIndex(oldText);
  const newIndex = createOffsetIndex(newText);
  const segments: Segments = { oldStart: [], oldEnd: [], newStart: [], newEnd: [] };
  const ids = new Map<string, number>();

  const idOf = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };

  const alignCharacters = (oldFrom: number, oldTo: number, newFrom: number, newTo: number) => {
    if (oldTo - oldFrom > maxCharacterDiff || newTo - newFrom > maxCharacterDiff) {
      return;
    }

    const oldCodes = characterIds(oldText, oldFrom, oldTo);
    const newCodes = characterIds(newText, newFrom, newTo);
    const alignment = alignSequences(oldCodes, newCodes, maxEdits);
    if (!alignment) {
      return;
    }

    alignment.aIndices.forEach((oldOffset, pair) => {
      const newOffset = newFrom + (alignment.bIndices[pair] as number);
      addSegment(segments, oldFrom + oldOffset, oldFrom + oldOffset + 1, newOffset, newOffset + 1);
    });
  };

  const alignTokens = (oldFrom: number, oldTo: number, newFrom: number, newTo: number) => {
    const oldTokens = tokenize(oldText, oldFrom, oldTo);
    const newTokens = tokenize(newText, newFrom, newTo);
    const alignment = alignSequences(oldTokens.keys.map(idOf), newTokens.keys.map(idOf), maxEdits);
    if (!alignment) {
      return;
    }

    let oldCursor = oldFrom;
    let newCursor = newFrom;

    alignment.aIndices.forEach((oldToken, pair) => {
      const newToken = alignment.bIndices[pair] as number;
      const oldStart = oldTokens.starts[oldToken] as number;
      const newStart = newTokens.starts[newToken] as number;

      if (oldStart > oldCursor && newStart > newCursor) {
        alignCharacters(oldCursor, oldStart, newCursor, newStart);
      }

      oldCursor = oldTokens.starts[oldToken + 1] as number;
      newCursor = newTokens.starts[newToken + 1] as number;
      addSegment(segments, oldStart, oldCursor, newStart, newCursor);
    });

    if (oldTo > oldCursor && newTo > newCursor) {
      alignCharacters(oldCursor, oldTo, newCursor, newTo);
    }
  };

  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const lineAlignment = alignSequences(oldLines.keys.map(idOf), newLines.keys.map(idOf), maxEdits);

  if (!lineAlignment) {
    alignTokens(0, oldText.length, 0, newText.length);
  } else {
    let oldCursor = 0;
    let newCursor = 0;

    lineAlignment.aIndices.forEach((oldLine, pair) => {
      const newLine = lineAlignment.bIndices[pair] as number;
      const oldStart = oldLines.starts[oldLine] as number;
      const newStart = newLines.starts[newLine] as number;

      if (oldStart > oldCursor && newStart > newCursor) {
        alignTokens(oldCursor, oldStart, newCursor, newStart);
      }

      oldCursor = oldLines.starts[oldLine + 1] as number;
      newCursor = newLines.starts[newLine + 1] as number;
      addSegment(segments, oldStart, oldCursor, newStart, newCursor);
    });

    if (oldText.length > oldCursor && newText.length > newCursor) {
      alignTokens(oldCursor, oldText.length, newCursor, newText.length);
    }
  }

  const mapSpan = (start: number, end: number) => {
    if (start < 0 || end > oldIndex.codePointLength || end <= start) {
      return null;
    }

    const newStart = mapBoundary(segments, oldIndex.toUtf16(start), "start", newText.length);
    const newEnd = mapBoundary(segments, oldIndex.toUtf16(end), "end", newText.length);
    if (newEnd <= newStart) {
      return null;
    }

    return toCodePoints(newIndex, newStart, newEnd);
  };

  const mapOffset = (offset: number) => {
    const clamped = Math.min(Math.max(0, Math.round(offset)), oldIndex.codePointLength);
    const mapped = mapBoundary(segments, oldIndex.toUtf16(clamped), "start", newText.length);
    return newIndex.toCodePoint(Math.min(mapped, newText.length), "floor");
  };

  const unmatchedRanges = () => {
    const ranges: { start: number; end: number }[] = [];
    let cursor = 0;

    segments.newStart.forEach((start, segment) => {
      if (start > cursor) {
        ranges.push({ start: cursor, end: start });
      }
      cursor = Math.max(cursor, segments.newEnd[segment] as number);
    });
    if (newText.length > cursor) {
      ranges.push({ start: cursor, end: newText.length });
    }

    return ranges;
  };

  return { mapSpan, mapOffset, unmatchedRanges };
}

function toCodePoints(index: OffsetIndex, start: number, end: number) {
  const startPoint = index.toCodePoint(start, "floor");
  const endPoint = index.toCodePoint(end, "ceil");
  return endPoint > startPoint ? { start: startPoint, end: endPoint } : null;
}

// A start keeps text inserted right before it out of the span and an end keeps text
// inserted right after it out; a boundary inside changed text moves to the edge of the
// replacement, so the replacement counts as part of the span.
function mapBoundary(
  segments: Segments,
  offset: number,
  side: "start" | "end",
  newLength: number,
): number {
  const { oldStart, oldEnd, newStart, newEnd } = segments;
  // Last segment starting at or before (start) / strictly before (end) the offset.
  const found =
    side === "start" ? lastAtOrBelow(oldStart, offset) : lastAtOrBelow(oldStart, offset - 1);

  if (found >= 0) {
    const from = oldStart[found] as number;
    const to = oldEnd[found] as number;
    const inside = side === "start" ? offset < to : offset <= to;

    if (inside) {
      const target = (newStart[found] as number) + (offset - from);
      return Math.min(target, newEnd[found] as number);
    }
  }

  if (side === "start") {
    return found >= 0 ? (newEnd[found] as number) : 0;
  }

  const next = found + 1;
  return next < newStart.length ? (newStart[next] as number) : newLength;
}

function addSegment(
  segments: Segments,
  oldFrom: number,
  oldTo: number,
  newFrom: number,
  newTo: number,
): void {
  const last = segments.oldStart.length - 1;
  const isShift = oldTo - oldFrom === newTo - newFrom;

  if (
    last >= 0 &&
    isShift &&
    segments.oldEnd[last] === oldFrom &&
    segments.newEnd[last] === newFrom &&
    (segments.oldEnd[last] as number) - (segments.oldStart[last] as number) ===
      (segments.newEnd[last] as number) - (segments.newStart[last] as number)
  ) {
    segments.oldEnd[last] = oldTo;
    segments.newEnd[last] = newTo;
    return;
  }

  segments.oldStart.push(oldFrom);
  segments.oldEnd.push(oldTo);
  segments.newStart.push(newFrom);
  segments.newEnd.push(newTo);
}

// Lines keep their "\n", so matched lines cover the text without gaps.
function splitLines(text: string): { keys: string[]; starts: number[] } {
  const keys: string[] = [];
  const starts: number[] = [];
  let from = 0;

  while (from < text.length) {
    const newline = text.indexOf("\n", from);
    const to = newline === -1 ? text.length : newline + 1;
    starts.push(from);
    keys.push(`L${text.slice(from, to)}`);
    from = to;
  }
  starts.push(text.length);

  return { keys, starts };
}

function tokenize(text: string, from: number, to: number): { keys: string[]; starts: number[] } {
  const keys: string[] = [];
  const starts: number[] = [];
  const slice = text.slice(from, to);

  for (const match of slice.matchAll(tokenPattern)) {
    const token = match[0];
    starts.push(from + match.index);
    keys.push(`T${tokenKey(token)}`);
  }
  starts.push(to);

  return { keys, starts };
}

function tokenKey(token: string): string {
  const first = token.charCodeAt(0);
  if (isMatchSpace(first)) {
    return " ";
  }
  return token.length === 1 ? String.fromCharCode(toMatchChar(first)) : token;
}

function characterIds(text: string, from: number, to: number): Int32Array {
  const codes = new Int32Array(to - from);
  for (let offset = from; offset < to; offset += 1) {
    codes[offset - from] = toMatchChar(text.charCodeAt(offset));
  }
  return codes;
}

// Index of the last entry <= value in an ascending array, or -1.
function lastAtOrBelow(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;

  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) <= value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }

  return low - 1;
}
