import { describe, expect, it } from "vitest";

import { describe as describeSelectors, describeQuote } from "./quote-context";

describe("describeQuote", () => {
  it("captures the exact text with 32 code points of context either side", () => {
    const text = `${"p".repeat(40)}TARGET${"s".repeat(40)}`;
    const quote = describeQuote(text, 40, 46);

    expect(quote).toEqual({
      type: "TextQuoteSelector",
      exact: "TARGET",
      prefix: "p".repeat(32),
      suffix: "s".repeat(32),
    });
  });

  it("stops at the edges of the text", () => {
    expect(describeQuote("Hello world", 0, 5)).toMatchObject({
      exact: "Hello",
      prefix: "",
      suffix: " world",
    });
    expect(describeQuote("Hello world", 6, 11)).toMatchObject({
      exact: "world",
      prefix: "Hello ",
      suffix: "",
    });
  });

  it("counts context in code points and never splits an emoji", () => {
    const text = "👍👍👍 news 🔹🔹";
    const quote = describeQuote(text, 4, 8, 2);

    expect(quote).toMatchObject({ exact: "news", prefix: "👍 ", suffix: " 🔹" });
  });

  it("returns both W3C selectors", () => {
    expect(describeSelectors("Fake 👍 news", 7, 11)).toEqual({
      position: { type: "TextPositionSelector", start: 7, end: 11 },
      quote: { type: "TextQuoteSelector", exact: "news", prefix: "Fake 👍 ", suffix: "" },
    });
  });
});
