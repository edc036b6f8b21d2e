// JSON on exactly one line. JSON.stringify already escapes \n and \r, but leaves U+0085,
// U+2028 and U+2029 raw; Python's str.splitlines() and some JSONL readers break lines
// there, so they are escaped too (still the same JSON value).
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0085\u2028\u2029]/g,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
