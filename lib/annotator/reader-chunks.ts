// Cuts the reader's text into chunks (paragraphs, long ones split at a space) so the
// reader can paint highlights only for the chunks on or near the screen, and hands each
// chunk its highlight runs. Offsets are UTF-16, like the DOM's.

import type { Segment } from "./highlight-segments";

// `paragraph` numbers the paragraphs from 0: the chunks of one long paragraph share it.
export type TextChunk = { start: number; end: number; paragraph: number };

// A long paragraph is cut near this length, so one huge paragraph never means painting
// thousands of highlights at once.
export const maxChunkLength = 2_000;

export function splitIntoChunks(text: string, maxLength = maxChunkLength): TextChunk[] {
  const chunks: TextChunk[] = [];
  // A paragraph ends after a blank line: the separator, up to its last line break, stays
  // with the paragraph before it. (The reader shows each paragraph as a block, so spaces
  // that open the next paragraph must stay with it, or they would make a line of their own.)
  const paragraphEnd = /\n[^\S\n]*\n(?:[^\S\n]*\n)*/g;
  let start = 0;
  let paragraph = 0;

  for (const match of text.matchAll(paragraphEnd)) {
    const end = match.index + match[0].length;
    if (end < text.length) {
      pushCut(chunks, text, { start, end, paragraph }, maxLength);
      start = end;
      paragraph += 1;
    }
  }
  pushCut(chunks, text, { start, end: text.length, paragraph }, maxLength);
  return chunks;
}

function pushCut(chunks: TextChunk[], text: string, whole: TextChunk, maxLength: number) {
  let from = whole.start;
  while (whole.end - from > maxLength) {
    // Cut after the last space before the limit (never inside a surrogate pair).
    const space = text.lastIndexOf(" ", from + maxLength - 1);
    let cut = space > from ? space + 1 : from + maxLength;
    if (isLowSurrogate(text.charCodeAt(cut))) {
      cut -= 1;
    }
    chunks.push({ start: from, end: cut, paragraph: whole.paragraph });
    from = cut;
  }
  chunks.push({ start: from, end: whole.end, paragraph: whole.paragraph });
}

// The chunks of each paragraph, as index ranges [first, last] into `chunks`.
export function groupParagraphs(chunks: TextChunk[]): [number, number][] {
  const groups: [number, number][] = [];
  chunks.forEach((chunk, index) => {
    const last = groups[groups.length - 1];
    if (last && (chunks[last[0]] as TextChunk).paragraph === chunk.paragraph) {
      last[1] = index;
    } else {
      groups.push([index, index]);
    }
  });
  return groups;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

// The runs of each chunk: segments cut at chunk edges. Segments must be sorted and cover
// the text without gaps (what buildSegments returns).
export function segmentsByChunk(chunks: TextChunk[], segments: Segment[]): Segment[][] {
  const result: Segment[][] = chunks.map(() => []);
  let index = 0;

  chunks.forEach((chunk, chunkIndex) => {
    const runs = result[chunkIndex] as Segment[];
    while (index < segments.length && (segments[index] as Segment).end <= chunk.start) {
      index += 1;
    }
    for (let at = index; at < segments.length; at += 1) {
      const segment = segments[at] as Segment;
      if (segment.start >= chunk.end) {
        break;
      }
      runs.push({
        start: Math.max(segment.start, chunk.start),
        end: Math.min(segment.end, chunk.end),
        ids: segment.ids,
      });
    }
  });
  return result;
}

// The index of the chunk holding a text offset (the last chunk for the text's end).
export function chunkIndexAt(chunks: TextChunk[], offset: number): number {
  let low = 0;
  let high = chunks.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((chunks[middle] as TextChunk).start <= offset) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  return Math.max(low, 0);
}

// The chunks painted before any script runs: from the top, until `length` characters are
// covered (more than a tall screen shows), so the first frame already has its highlights.
export function leadingChunks(chunks: TextChunk[], length: number): number[] {
  const indexes: number[] = [];
  for (const [index, chunk] of chunks.entries()) {
    if (chunk.start >= length) {
      break;
    }
    indexes.push(index);
  }
  return indexes;
}
