import { describe, expect, it } from "vitest";

import { sliceByCodePoints } from "@/lib/anchoring/text-position";

import { readFixture } from "./testing/fixture-documents";
import {
  contentWords,
  jaccard,
  normalizeWords,
  sentencesAround,
  splitSentences,
  stemWord,
} from "./text-words";

describe("normalizeWords", () => {
  it("folds case, accents, quotation marks and punctuation", () => {
    expect(normalizeWords("«Strong» guarantees — Zelenskyy’s plan!")).toBe(
      "strong guarantees zelenskyy plan",
    );
    expect(normalizeWords("Café  naïve\nélite")).toBe("cafe naive elite");
  });
});

describe("contentWords and jaccard", () => {
  it("keeps stemmed content words and scores overlap", () => {
    const left = contentWords("The allies agreed security guarantees for Ukraine.");
    const right = contentWords("Allies agree a security guarantee for Ukraine");

    expect([...left].sort()).toEqual(["agre", "ally", "guarante", "security", "ukrain"]);
    expect(jaccard(left, right)).toBe(1);
    expect(jaccard(left, contentWords("Allies agree on Ukraine"))).toBeCloseTo(3 / 5, 10);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(stemWord("deployed")).toBe("deploy");
    expect(stemWord("countries")).toBe("country");
    expect(stemWord("stated")).toBe(stemWord("state"));
    expect(stemWord("agreed")).toBe(stemWord("agree"));
  });
});

describe("splitSentences on the fixture articles", () => {
  it("splits the wire report without cutting U.S.-led or U.S. representatives", () => {
    const text = readFixture("paris-summit-wire");
    const sentences = splitSentences(text);

    expect(sentences[0]!.text).toBe(
      "Western Allies Forge Strong Security Pact for Ukraine in Paris Talks",
    );
    expect(sentences[1]!.text).toMatch(/^On Tuesday.*U\.S\.-led monitoring system.*invasion\.$/);
    expect(sentences[2]!.text).toMatch(/leaders from Europe and U\.S\. representatives who/);
    for (const sentence of sentences) {
      expect(sliceByCodePoints(text, sentence.start, sentence.end)).toBe(sentence.text);
    }
  });

  it("gives code-point offsets on the blog post, whose 🔹 is two UTF-16 units", () => {
    const text = readFixture("paris-summit-blog");
    const sentences = splitSentences(text);
    const heading = sentences.find((sentence) => sentence.text.startsWith("🔹 Troops"))!;

    expect(heading.text).toBe("🔹 Troops, But Tied to Conditions");
    expect(sliceByCodePoints(text, heading.start, heading.end)).toBe(heading.text);
    const after = sentences[sentences.indexOf(heading) + 1]!;
    expect(sliceByCodePoints(text, after.start, after.end)).toBe(after.text);
    expect(after.text).toMatch(/^France and the United Kingdom have pledged forces/);
  });

  it("joins the sentences a span runs over", () => {
    const text = "One claim here. Another claim there. A third.";
    const sentences = splitSentences(text);

    expect(sentences.map((sentence) => sentence.text)).toEqual([
      "One claim here.",
      "Another claim there.",
      "A third.",
    ]);
    expect(sentencesAround(sentences, 10, 20).text).toBe("One claim here. Another claim there.");
  });
});
