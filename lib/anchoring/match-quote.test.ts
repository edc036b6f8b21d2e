import { describe, expect, it } from "vitest";

import { editDistance } from "./edit-distance";
import { matchQuote } from "./match-quote";
import { createMatchText, normalizeForMatching } from "./match-text";
import { describeQuote } from "./quote-context";
import { codePointLength, sliceByCodePoints, utf16ToCodePoint } from "./text-position";

// Code-point offset of the n-th occurrence of a phrase.
function codePointIndexOf(text: string, phrase: string, occurrence = 0): number {
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) {
    at = text.indexOf(phrase, at + 1);
    if (at === -1) {
      throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times`);
    }
  }
  return utf16ToCodePoint(text, at);
}

function quoteOf(text: string, phrase: string, occurrence = 0) {
  const start = codePointIndexOf(text, phrase, occurrence);
  return { start, ...describeQuote(text, start, start + codePointLength(phrase)) };
}

const repeated =
  "The minister said the plan was sound and fair. " +
  "Critics said the plan was reckless and costly. " +
  "Nobody said the plan was finished at all.";

describe("matchQuote: exact search", () => {
  it("finds a quote and reports code points, not UTF-16 units, after emoji", () => {
    const text = "🔹🔹 Fake 👍 news travels fast.";
    const match = matchQuote(text, { exact: "news travels" });

    expect(match).toEqual({ start: 10, end: 22, score: 1, kind: "exact" });
    expect(sliceByCodePoints(text, 10, 22)).toBe("news travels");
  });

  it("uses prefix and suffix to choose among repeated phrases", () => {
    const quote = quoteOf(repeated, "the plan was", 1);
    const match = matchQuote(repeated, quote);

    expect(match?.start).toBe(quote.start);
    expect(match?.kind).toBe("exact");
  });

  it("picks the occurrence nearest the hint when the contexts are the same", () => {
    const text = "alpha beta gamma. alpha beta gamma. alpha beta gamma.";
    const quote = { exact: "beta", prefix: "alpha ", suffix: " gamma" };

    expect(matchQuote(text, quote, { hint: 0 })?.start).toBe(6);
    expect(matchQuote(text, quote, { hint: 25 })?.start).toBe(24);
    expect(matchQuote(text, quote, { hint: 50 })?.start).toBe(42);
  });

  it("prefers matching context over closeness to the hint", () => {
    const quote = quoteOf(repeated, "the plan was", 2);
    const match = matchQuote(repeated, quote, { hint: 0 });

    expect(match?.start).toBe(quote.start);
  });

  it("refuses a short quote whose context is wholly different", () => {
    const text = "Completely unrelated words surround the plan was here now.";
    const quote = quoteOf(repeated, "the plan was", 1);

    expect(matchQuote(text, quote)).toBeNull();
  });

  it("accepts a long quote that occurs once even with new context", () => {
    const phrase = "security guarantees for Ukraine in the event of a ceasefire";
    const text = `Rewritten opening entirely. ${phrase}, and a new ending too.`;
    const quote = {
      exact: phrase,
      prefix: "to try and put steel behind ",
      suffix: " with Russia.",
    };

    expect(matchQuote(text, quote)).toMatchObject({ start: 28, kind: "exact" });
  });
});

describe("matchQuote: normalisation", () => {
  it("matches straight quotes against curly ones and maps back to the real text", () => {
    const text = "He said “it doesn’t add up” yesterday.";
    const match = matchQuote(text, { exact: `"it doesn't add up"` });

    expect(match).toMatchObject({ start: 8, end: 27, kind: "exact" });
    expect(sliceByCodePoints(text, 8, 27)).toBe("“it doesn’t add up”");
  });

  it("matches guillemets against straight double quotes", () => {
    const text = "Macron called the guarantees «strong» on Tuesday.";
    const match = matchQuote(text, { exact: '"strong"' });

    expect(match && sliceByCodePoints(text, match.start, match.end)).toBe("«strong»");
  });

  it("treats NBSP, tabs, line breaks and runs of spaces as one space", () => {
    const text = "A line about the\u00a0new  security\n\nguarantees\tfor Kyiv.";
    const match = matchQuote(text, { exact: "the new security guarantees for" });

    expect(match && sliceByCodePoints(text, match.start, match.end)).toBe(
      "the\u00a0new  security\n\nguarantees\tfor",
    );
  });

  it("collapses whitespace in the quote too", () => {
    const text = "the new security guarantees";
    expect(matchQuote(text, { exact: "new   security\nguarantees" })).toMatchObject({
      start: 4,
      end: 27,
      kind: "exact",
    });
  });

  it("keeps normalised text and its source map consistent", () => {
    const text = "a\u00a0 “b”\u200b — c\n\n👍";
    const prepared = createMatchText(text);

    expect(prepared.normalized).toBe(normalizeForMatching(text));
    expect(prepared.normalized).toBe('a "b" - c 👍');
    for (let index = 0; index < prepared.normalized.length; index += 1) {
      const from = prepared.sourceStart[index] as number;
      const to = prepared.sourceEnd[index] as number;
      expect(normalizeForMatching(text.slice(from, to))).toBe(prepared.normalized[index]);
    }
  });
});

describe("matchQuote: fuzzy search", () => {
  const text =
    "Still, the catch is massive: these guarantees only activate after a ceasefire, " +
    "and Russia hasn't signalled any interest in one yet.";

  it("finds a quote whose text was corrected and scores it below 1", () => {
    const quote = {
      exact: "these guarantes only activte after a ceasefire",
      prefix: "Still, the catch is massive: ",
      suffix: ", and Russia hasn't",
    };
    const match = matchQuote(text, quote);

    expect(match?.kind).toBe("fuzzy");
    expect(match && sliceByCodePoints(text, match.start, match.end)).toBe(
      "these guarantees only activate after a ceasefire",
    );
    expect(match?.score).toBeGreaterThan(0.9);
    expect(match?.score).toBeLessThan(1);
  });

  it("returns code points for a fuzzy match after and around emoji", () => {
    const withEmoji = `🔹🔹🔹 ${text.replace("ceasefire", "cease👍fire")}`;
    const quote = {
      exact: "guarantees only activate after a ceasefire",
      prefix: "the catch is massive: these ",
      suffix: ", and Russia",
    };
    const match = matchQuote(withEmoji, quote);

    expect(match?.kind).toBe("fuzzy");
    expect(match && sliceByCodePoints(withEmoji, match.start, match.end)).toBe(
      "guarantees only activate after a cease👍fire",
    );
  });

  it("returns null when nothing is close enough", () => {
    expect(matchQuote(text, { exact: "an entirely different sentence about trade" })).toBeNull();
  });

  it("respects a stricter minimum score", () => {
    const quote = {
      exact: "these guarantes only activte after a ceasefire",
      prefix: "Still, the catch is massive: ",
      suffix: ", and Russia hasn't",
    };

    expect(matchQuote(text, quote, { minScore: 0.99 })).toBeNull();
  });

  it("finds the edited original near the hint even though an exact copy exists far away", () => {
    const filler = "Unrelated reporting fills the page here. ".repeat(60);
    const edited = `${filler}Leaders agreed a strong pact on Tuesday. ${filler}They praised a strong deal.`;
    const quote = { exact: "a strong deal", prefix: "Leaders agreed ", suffix: " on Tuesday." };
    const hint = codePointIndexOf(edited, "a strong pact");
    const match = matchQuote(edited, quote, { hint });

    expect(match).toMatchObject({ start: hint, kind: "fuzzy" });
    expect(match && sliceByCodePoints(edited, match.start, match.end)).toBe("a strong pact");
  });

  it("accepts a prepared text and gives the same answer", () => {
    const quote = quoteOf(repeated, "the plan was", 2);
    expect(matchQuote(createMatchText(repeated), quote)).toEqual(matchQuote(repeated, quote));
  });

  it("returns null for an empty or blank quote", () => {
    expect(matchQuote(text, { exact: "" })).toBeNull();
    expect(matchQuote(text, { exact: "  \n" })).toBeNull();
  });
});

describe("editDistance", () => {
  it.each([
    ["kitten", "sitting", 10, 3],
    ["", "abc", 10, 3],
    ["same", "same", 0, 0],
    ["abcdef", "azcdxf", 2, 2],
    ["abcdef", "uvwxyz", 3, 4],
    ["short", "a much longer string", 4, 5],
  ] as const)("distance(%s, %s) within %i is %i", (a, b, max, expected) => {
    expect(editDistance(a, b, max)).toBe(expected);
  });
});
