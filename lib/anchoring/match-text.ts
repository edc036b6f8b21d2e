import { createOffsetIndex, type OffsetIndex } from "./text-position";

// A text prepared for quote matching: a normalised copy in which curly quotes,
// dashes and any run of whitespace (NBSP and line breaks included) compare equal to
// their plain forms, plus the maps back to the real text. Matching runs on the
// normalised copy; results are reported in the real text's code points.
export type MatchText = {
  text: string;
  index: OffsetIndex;
  normalized: string;
  // UTF-16 range [sourceStart[i], sourceEnd[i]) of the real text that normalised
  // code unit i stands for (a collapsed whitespace run covers the whole run).
  sourceStart: Int32Array;
  sourceEnd: Int32Array;
  // Normalised offset at which each real UTF-16 offset falls (length text.length + 1).
  toNormalized: Int32Array;
};

const space = 0x20;

// Characters that carry no text: zero-width space, soft hyphen, word joiner, BOM.
// Joiners (U+200C/U+200D) stay: they change how emoji and scripts render.
function isIgnorable(code: number): boolean {
  return code === 0x200b || code === 0x00ad || code === 0x2060 || code === 0xfeff;
}

export function isMatchSpace(code: number): boolean {
  return (
    code === space ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

// The plain character a typographic one is matched as; the code itself otherwise.
export function toMatchChar(code: number): number {
  switch (code) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201a: // ‚
    case 0x201b: // ‛
    case 0x2032: // ′
    case 0x2039: // ‹
    case 0x203a: // ›
      return 0x27; // '
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 0x201f: // ‟
    case 0x2033: // ″
    case 0x00ab: // «
    case 0x00bb: // »
      return 0x22; // "
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013: // –
    case 0x2014: // —
    case 0x2015:
    case 0x2212: // −
      return 0x2d; // -
    default:
      return isMatchSpace(code) ? space : code;
  }
}

export function createMatchText(text: string): MatchText {
  const length = text.length;
  const codes = new Uint16Array(length);
  const sourceStart = new Int32Array(length);
  const sourceEnd = new Int32Array(length);
  const toNormalized = new Int32Array(length + 1);
  let count = 0;

  for (let offset = 0; offset < length; offset += 1) {
    const code = text.charCodeAt(offset);
    toNormalized[offset] = count;

    if (isIgnorable(code)) {
      continue;
    }

    if (isMatchSpace(code) && count > 0 && codes[count - 1] === space) {
      sourceEnd[count - 1] = offset + 1;
      continue;
    }

    codes[count] = toMatchChar(code);
    sourceStart[count] = offset;
    sourceEnd[count] = offset + 1;
    count += 1;
  }
  toNormalized[length] = count;

  return {
    text,
    index: createOffsetIndex(text),
    normalized: decodeUtf16(codes, count),
    sourceStart: sourceStart.subarray(0, count),
    sourceEnd: sourceEnd.subarray(0, count),
    toNormalized,
  };
}

// The normalised form of a short string (a quote, prefix or suffix), identical to
// what createMatchText produces for the same characters.
export function normalizeForMatching(value: string): string {
  let result = "";
  let lastWasSpace = false;

  for (let offset = 0; offset < value.length; offset += 1) {
    const code = value.charCodeAt(offset);
    if (isIgnorable(code)) {
      continue;
    }

    const isSpace = isMatchSpace(code);
    if (isSpace && lastWasSpace) {
      continue;
    }

    result += String.fromCharCode(toMatchChar(code));
    lastWasSpace = isSpace;
  }

  return result;
}

// Real UTF-16 range covered by the normalised range [start, end), end > start.
export function toSourceRange(matchText: MatchText, start: number, end: number): [number, number] {
  return [matchText.sourceStart[start] as number, matchText.sourceEnd[end - 1] as number];
}

function decodeUtf16(codes: Uint16Array, count: number): string {
  const chunkSize = 8192;
  let result = "";

  for (let offset = 0; offset < count; offset += chunkSize) {
    result += String.fromCharCode(...codes.subarray(offset, Math.min(count, offset + chunkSize)));
  }

  return result;
}
