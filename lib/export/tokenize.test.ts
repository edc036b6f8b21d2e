import { describe, expect, it } from "vitest";

import { sliceByCodePoints } from "@/lib/anchoring/text-position";

import { readArticle } from "./testing/export-fixtures";
import { tokenize } from "./tokenize";

describe("[export] tokenize", () => {
  it("splits words, punctuation and emoji with code-point offsets", () => {
    const tokens = tokenize("Fake 👍🏽 news, U.S.-led Ukraine’s 2022");

    expect(tokens.map((token) => token.text)).toEqual([
      "Fake",
      "👍🏽",
      "news",
      ",",
      "U",
      ".",
      "S",
      ".",
      "-",
      "led",
      "Ukraine",
      "’",
      "s",
      "2022",
    ]);
    // The skin-tone emoji is two code points; "news" starts at 8, not at UTF-16 offset 10.
    expect(tokens[2]).toEqual({ text: "news", start: 8, end: 12 });
  });

  it("keeps combining marks with their letter", () => {
    expect(tokenize("cafe\u0301 ok").map((token) => token.text)).toEqual(["cafe\u0301", "ok"]);
  });

  it("gives offsets that slice each token back out of the fixture articles", () => {
    for (const name of ["paris-summit-blog.txt", "paris-summit-wire.txt"]) {
      const text = readArticle(name);
      for (const token of tokenize(text)) {
        expect(sliceByCodePoints(text, token.start, token.end)).toBe(token.text);
      }
    }
  });
});
