import { createOffsetIndex } from "../anchoring/text-position";

import type { Interval } from "./spans";

// Token offsets are Unicode code points, end exclusive, like every stored span.
export type Token = Interval;

// A run of letters, digits, combining marks and connector punctuation, or any single
// other non-space character: the Unicode form of the common `\w+|[^\w\s]` tokeniser
// (the reference vectors use it). A regex rather than Intl.Segmenter because word
// segmentation follows the ICU version of each browser and Node, and agreement
// figures must not change with the runtime.
const wordPattern = /[\p{L}\p{N}\p{M}\p{Pc}]+|[^\p{L}\p{N}\p{M}\p{Pc}\s]/gu;

export function tokenizeWords(text: string): Token[] {
  const index = createOffsetIndex(text);
  const tokens: Token[] = [];

  // Matches are found on UTF-16 indices (JS strings) and converted once each; an
  // emoji is one token of one code point.
  for (const match of text.matchAll(wordPattern)) {
    const utf16Start = match.index;
    tokens.push({
      start: index.toCodePoint(utf16Start),
      end: index.toCodePoint(utf16Start + match[0].length),
    });
  }

  return tokens;
}

// Every code point as its own unit: the finest grid, for when no text is at hand.
export function tokenizeCharacters(textLength: number): Token[] {
  return Array.from({ length: textLength }, (_, start) => ({ start, end: start + 1 }));
}
