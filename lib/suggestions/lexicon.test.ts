import { describe, expect, it } from "vitest";

import { lexicon } from "./lexicon";
import { compilePhrases, findMatches } from "./phrase-pattern";

const entries = Object.entries(lexicon).flatMap(([labelKey, phrases]) =>
  phrases.map((phrase) => ({ labelKey, phrase })),
);

describe("lexicon", () => {
  it("has a few hundred entries", () => {
    expect(entries.length).toBeGreaterThan(300);
  });

  it("lists each phrase once, under one technique", () => {
    const seen = new Map<string, string>();

    for (const { labelKey, phrase } of entries) {
      const normalised = phrase.toLowerCase();
      expect(seen.get(normalised), `${phrase} (${labelKey})`).toBeUndefined();
      seen.set(normalised, labelKey);
    }
  });

  it("has phrases without stray whitespace", () => {
    for (const { phrase } of entries) {
      expect(phrase).toBe(phrase.trim());
      expect(phrase).not.toMatch(/\s{2,}/);
    }
  });

  it("matches every phrase as a whole, in any case", () => {
    for (const [labelKey, phrases] of Object.entries(lexicon)) {
      const pattern = compilePhrases(phrases);

      for (const phrase of phrases) {
        const text = `Before ${phrase.toUpperCase()} after.`;
        expect(findMatches(pattern, text), `${phrase} (${labelKey})`).toEqual([
          { utf16Start: 7, utf16End: 7 + phrase.length },
        ]);
      }
    }
  });
});
