import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { normalizeText } from "../text/normalize-text";

import {
  codePointLength,
  codePointToUtf16,
  createOffsetIndex,
  sliceByCodePoints,
  utf16ToCodePoint,
} from "./text-position";

const fixture = (name: string) =>
  normalizeText(
    readFileSync(path.resolve(__dirname, "../../../shared/fixtures/articles", name), "utf8"),
  );

// A tiny seeded generator so property checks are repeatable.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const alphabet = ["a", "b", " ", "\n", "é", "👍", "🔹", "😀", "中", "\u0301"];

describe("offset conversion", () => {
  it("counts emoji as one code point but two UTF-16 units", () => {
    const text = "Fake 👍 news";

    expect(text.indexOf("news")).toBe(8);
    expect(utf16ToCodePoint(text, 8)).toBe(7);
    expect(codePointToUtf16(text, 7)).toBe(8);
    expect(codePointLength(text)).toBe(11);
    expect(sliceByCodePoints(text, 7, 11)).toBe("news");
  });

  it("rounds an offset inside a surrogate pair down for starts and up for ends", () => {
    const text = "a👍b";

    expect(utf16ToCodePoint(text, 2, "floor")).toBe(1);
    expect(utf16ToCodePoint(text, 2, "ceil")).toBe(2);
  });

  it("throws a RangeError for offsets outside the text", () => {
    expect(() => utf16ToCodePoint("abc", 4)).toThrow(RangeError);
    expect(() => codePointToUtf16("a👍", 3)).toThrow(/outside the text \(0 to 2\)/);
    expect(() => codePointToUtf16("abc", -1)).toThrow(RangeError);
    expect(() => codePointToUtf16("abc", 1.5)).toThrow(RangeError);
  });

  it("round-trips every boundary of random mixed text, matching Array.from", () => {
    const next = random(42);

    for (let sample = 0; sample < 200; sample += 1) {
      const text = Array.from(
        { length: Math.floor(next() * 40) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join("");
      const index = createOffsetIndex(text);
      const codePoints = Array.from(text);

      expect(index.codePointLength).toBe(codePoints.length);
      for (let cp = 0; cp <= codePoints.length; cp += 1) {
        const utf16 = index.toUtf16(cp);
        expect(utf16).toBe(codePoints.slice(0, cp).join("").length);
        expect(index.toCodePoint(utf16)).toBe(cp);
      }
    }
  });

  it("gives back what Python would slice for phrases in the real fixtures", () => {
    const blog = fixture("paris-summit-blog.txt");
    const wire = fixture("paris-summit-wire.txt");
    const phrases: [string, string][] = [
      [blog, "critics say"],
      [blog, "Post a Comment"],
      [wire, "Macron"],
    ];

    expect(blog).toContain("🔹");
    for (const [text, phrase] of phrases) {
      const at = text.lastIndexOf(phrase);
      expect(at).toBeGreaterThanOrEqual(0);
      const start = utf16ToCodePoint(text, at);
      const end = utf16ToCodePoint(text, at + phrase.length);

      expect(sliceByCodePoints(text, start, end)).toBe(phrase);
      expect(Array.from(text).slice(start, end).join("")).toBe(phrase);
    }

    // In the blog, offsets after the first 🔹 differ between the two units.
    const afterEmoji = blog.lastIndexOf("Post a Comment");
    expect(utf16ToCodePoint(blog, afterEmoji)).toBeLessThan(afterEmoji);
  });
});
