import type { RuleMatch } from "./types";

// Word boundaries that know about letters beyond ASCII: JavaScript's \b treats "é" and
// "ß" as non-word characters, so "café" would end a word at "caf".
export const wordStart = String.raw`(?<![\p{L}\p{M}\p{N}_])`;
export const wordEnd = String.raw`(?![\p{L}\p{M}\p{N}_])`;

// One phrase as a pattern: case is ignored (by the flags), any run of whitespace matches a
// space, a hyphen matches the Unicode hyphens too (not a space: "would-be" is not "would
// be"), and a straight apostrophe also matches a curly one.
export function phraseToPattern(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) =>
      word
        .replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`)
        .replace(/-/g, "[-\u2010\u2011]")
        .replace(/'/g, "['’]"),
    )
    .join(String.raw`\s+`);
}

// A case-insensitive, word-bounded pattern for a list of phrases; the longest phrase wins
// where several match at one place ("radical left" before "radical").
export function compilePhrases(phrases: readonly string[]): RegExp {
  const alternatives = [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map(phraseToPattern)
    .join("|");

  return new RegExp(`${wordStart}(?:${alternatives})${wordEnd}`, "giu");
}

// Every non-overlapping match of a global pattern, as UTF-16 ranges.
export function findMatches(pattern: RegExp, text: string): RuleMatch[] {
  if (!pattern.global) {
    throw new TypeError("findMatches needs a global (g) pattern.");
  }

  return Array.from(text.matchAll(pattern), (match) => ({
    utf16Start: match.index,
    utf16End: match.index + match[0].length,
  })).filter((match) => match.utf16End > match.utf16Start);
}
