import { findMatches, wordEnd, wordStart } from "./phrase-pattern";
import type { SuggestionRule } from "./types";

type PatternRuleInput = Omit<SuggestionRule, "find"> & { pattern: string };

// A rule from a regular-expression source: case-insensitive, Unicode-aware, word-bounded
// at both ends.
export function createPatternRule({ pattern, ...rule }: PatternRuleInput): SuggestionRule {
  const compiled = new RegExp(`${wordStart}(?:${pattern})${wordEnd}`, "giu");

  return { ...rule, find: (text) => findMatches(compiled, text) };
}

// Joins alternatives into one non-capturing group: oneOf(["a", "b c"]) → "(?:a|b\s+c)".
export function oneOf(words: readonly string[]): string {
  return `(?:${words.map((word) => word.replace(/ /g, String.raw`\s+`)).join("|")})`;
}
