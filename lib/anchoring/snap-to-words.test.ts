import { describe, expect, it } from "vitest";

import { nextWordEdge, snapToWords } from "./snap-to-words";

function snapped(text: string, start: number, end: number) {
  const span = snapToWords(text, start, end);
  return text.slice(span.start, span.end);
}

describe("snapToWords", () => {
  const text = "A reckless gamble, critics say.";

  it("widens a selection that starts and ends inside words", () => {
    expect(snapped(text, 4, 13)).toBe("reckless gamble");
  });

  it("leaves a selection on word boundaries as it is", () => {
    expect(snapped(text, 2, 17)).toBe("reckless gamble");
    expect(snapped(text, 2, 18)).toBe("reckless gamble,");
  });

  it("does not widen across punctuation or spaces", () => {
    expect(snapped(text, 17, 20)).toBe(", critics");
  });

  it("keeps apostrophes and hyphens inside words", () => {
    const quoted = "the council’s long-term plan";
    expect(snapped(quoted, 6, 10)).toBe("council’s");
    expect(snapped(quoted, 16, 20)).toBe("long-term");
  });

  it("never splits an emoji and handles letters beyond the BMP", () => {
    const emoji = "Fake 👍 news spread";
    expect(snapped(emoji, 9, 10)).toBe("news");
    const gothic = "word 𐌰𐌱𐌲 end";
    expect(snapped(gothic, 7, 9)).toBe("𐌰𐌱𐌲");
  });

  it("handles the ends of the text", () => {
    expect(snapped(text, 0, 1)).toBe("A");
    expect(snapped(text, 28, 30)).toBe("say");
    expect(snapped(text, 28, 31)).toBe("say.");
  });
});

describe("nextWordEdge", () => {
  const text = "A reckless 👍 gamble, critics say.";

  it("moves forward to the end of the next word and backward to the start of the previous", () => {
    expect(text.slice(0, nextWordEdge(text, 1, 1))).toBe("A reckless");
    expect(text.slice(nextWordEdge(text, 10, -1))).toBe("reckless 👍 gamble, critics say.");
    expect(text.slice(0, nextWordEdge(text, 10, 1))).toBe("A reckless 👍 gamble");
  });

  it("stops at the ends of the text", () => {
    expect(nextWordEdge(text, text.length, 1)).toBe(text.length);
    expect(nextWordEdge(text, 0, -1)).toBe(0);
  });
});
