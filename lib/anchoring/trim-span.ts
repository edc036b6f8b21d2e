import { createOffsetIndex } from "./text-position";

const whitespace = /\s/u;

// Shrinks a code-point span so it neither starts nor ends with whitespace; null when
// nothing but whitespace was selected.
export function trimSpan(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  const index = createOffsetIndex(text);
  const codePoints = Array.from(text.slice(index.toUtf16(start), index.toUtf16(end)));
  let first = 0;
  let last = codePoints.length;

  while (first < last && whitespace.test(codePoints[first] as string)) {
    first += 1;
  }
  while (last > first && whitespace.test(codePoints[last - 1] as string)) {
    last -= 1;
  }

  return first === last ? null : { start: start + first, end: start + last };
}
