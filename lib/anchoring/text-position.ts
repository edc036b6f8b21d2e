// Converts between UTF-16 code units (what the DOM and JS string indices count) and
// Unicode code points (what Framewise stores, W3C selectors and Python count).

export type Rounding = "floor" | "ceil";

export type OffsetIndex = {
  // Length of the text in code points.
  codePointLength: number;
  // A UTF-16 offset that falls between the two halves of a surrogate pair rounds
  // down ("floor", for starts) or up ("ceil", for ends).
  toCodePoint: (utf16Offset: number, rounding?: Rounding) => number;
  toUtf16: (codePointOffset: number) => number;
};

// Precomputes where the astral (non-BMP) characters are, so each conversion is a
// binary search: O(log a) for a astral characters, O(1) for plain text.
export function createOffsetIndex(text: string): OffsetIndex {
  const astralUtf16: number[] = [];

  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        astralUtf16.push(index);
        index += 1;
      }
    }
  }

  const codePointLength = text.length - astralUtf16.length;
  // Code-point position of each astral character: its UTF-16 index minus the pairs before it.
  const astralCodePoint = astralUtf16.map((utf16, order) => utf16 - order);

  function toCodePoint(utf16Offset: number, rounding: Rounding = "floor"): number {
    assertOffset(utf16Offset, text.length, "UTF-16 offset");
    const before = countBelow(astralUtf16, utf16Offset);
    const pairStart = astralUtf16[before - 1];

    if (pairStart !== undefined && pairStart + 1 === utf16Offset) {
      const codePoint = utf16Offset - before;
      return rounding === "floor" ? codePoint : codePoint + 1;
    }

    return utf16Offset - before;
  }

  function toUtf16(codePointOffset: number): number {
    assertOffset(codePointOffset, codePointLength, "code point offset");
    return codePointOffset + countBelow(astralCodePoint, codePointOffset);
  }

  return { codePointLength, toCodePoint, toUtf16 };
}

export function codePointLength(text: string): number {
  return createOffsetIndex(text).codePointLength;
}

export function utf16ToCodePoint(
  text: string,
  utf16Offset: number,
  rounding: Rounding = "floor",
): number {
  return createOffsetIndex(text).toCodePoint(utf16Offset, rounding);
}

export function codePointToUtf16(text: string, codePointOffset: number): number {
  return createOffsetIndex(text).toUtf16(codePointOffset);
}

// What Python's text[start:end] returns for the same offsets.
export function sliceByCodePoints(text: string, start: number, end: number): string {
  const index = createOffsetIndex(text);
  return text.slice(index.toUtf16(start), index.toUtf16(end));
}

// Number of entries strictly below `value` in an ascending array.
function countBelow(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;

  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }

  return low;
}

function assertOffset(offset: number, length: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > length) {
    throw new RangeError(`The ${what} ${offset} is outside the text (0 to ${length}).`);
  }
}
