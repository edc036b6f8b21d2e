// JSON on exactly one line. JSON.stringify already escapes \n and \r, but leaves U+0085,
// U+2028 and U+2029 raw; Python's str.splitlines() and some JSONL readers break lines
// there, so they are escaped too (still the same JSON value).
export function toJsonLine(value: unknown): string {
  return escapeLineBreaks(JSON.stringify(value));
}

const lineBreak = /[\u0085\u2028\u2029]/;
const lineBreaks = /[\u0085\u2028\u2029]/g;

// Escapes the line breaks JSON.stringify leaves raw in JSON text. Outside strings JSON has
// none of them, so this works on a whole document as well as on one value. The test comes
// first because almost no text has them, and a search costs less than a replace.
export function escapeLineBreaks(json: string): string {
  if (!lineBreak.test(json)) {
    return json;
  }
  return json.replace(
    lineBreaks,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

// A JSON string or null, for hand-built JSON text.
export function jsonStringOrNull(value: string | null): string {
  return value === null ? "null" : JSON.stringify(value);
}
