// Widens a UTF-16 span so it neither starts nor ends inside a word: a drag that
// catches half of "reckless" tags the whole word. Works on UTF-16 offsets (the DOM's
// unit) and steps over surrogate pairs, so an emoji is never split.
const wordChar = /[\p{L}\p{N}\p{M}'’_-]/u;

function charBefore(text: string, index: number): string {
  if (index <= 0) {
    return "";
  }
  const low = text.charCodeAt(index - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return text.slice(isLowSurrogate && index >= 2 ? index - 2 : index - 1, index);
}

function charAt(text: string, index: number): string {
  const point = text.codePointAt(index);
  return point === undefined ? "" : String.fromCodePoint(point);
}

export function snapToWords(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } {
  let snappedStart = start;
  let snappedEnd = end;

  // Only widen when the edge sits inside a word (a word character on both sides).
  if (wordChar.test(charAt(text, snappedStart)) && wordChar.test(charBefore(text, snappedStart))) {
    while (snappedStart > 0 && wordChar.test(charBefore(text, snappedStart))) {
      snappedStart -= charBefore(text, snappedStart).length;
    }
  }

  if (wordChar.test(charBefore(text, snappedEnd)) && wordChar.test(charAt(text, snappedEnd))) {
    while (snappedEnd < text.length && wordChar.test(charAt(text, snappedEnd))) {
      snappedEnd += charAt(text, snappedEnd).length;
    }
  }

  return { start: snappedStart, end: snappedEnd };
}

// The next word edge from a UTF-16 offset, for moving a highlight's start or end one
// word at a time with the keyboard: forward lands after the next word, backward
// before the previous one.
export function nextWordEdge(text: string, index: number, direction: 1 | -1): number {
  let position = index;

  if (direction === 1) {
    while (position < text.length && !wordChar.test(charAt(text, position))) {
      position += charAt(text, position).length;
    }
    while (position < text.length && wordChar.test(charAt(text, position))) {
      position += charAt(text, position).length;
    }
    return position;
  }

  while (position > 0 && !wordChar.test(charBefore(text, position))) {
    position -= charBefore(text, position).length;
  }
  while (position > 0 && wordChar.test(charBefore(text, position))) {
    position -= charBefore(text, position).length;
  }
  return position;
}
