import { describe, expect, it } from "vitest";

import { trimSpan } from "./trim-span";
import { validateSpan } from "./validate-span";

const text = "Fake 👍 news.\n\nMore text.";

describe("validateSpan", () => {
  it("accepts offsets whose quote matches, emoji included", () => {
    expect(validateSpan(text, { start: 7, end: 11, exact: "news" })).toEqual({ ok: true });
  });

  it.each([
    [{ start: -1, end: 3, exact: "x" }, "OUT_OF_RANGE"],
    [{ start: 0.5, end: 3, exact: "x" }, "OUT_OF_RANGE"],
    [{ start: 4, end: 4, exact: "" }, "EMPTY"],
    [{ start: 5, end: 3, exact: "x" }, "EMPTY"],
    [{ start: 20, end: 99, exact: "x" }, "OUT_OF_RANGE"],
    [{ start: 12, end: 14, exact: "\n\n" }, "WHITESPACE_ONLY"],
    [{ start: 8, end: 12, exact: "news" }, "QUOTE_MISMATCH"],
  ] as const)("refuses %o with %s", (span, code) => {
    const result = validateSpan(text, span);

    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.code).toBe(code);
  });

  it("says where the text ends when a span runs past it", () => {
    const result = validateSpan("abc", { start: 1, end: 9, exact: "bc" });

    expect(result).toMatchObject({
      message: "The highlight ends after the end of the text (character 9 of 3).",
    });
  });
});

describe("trimSpan", () => {
  it("drops surrounding whitespace and keeps inner spaces", () => {
    expect(trimSpan("  two words \n", 0, 13)).toEqual({ start: 2, end: 11 });
  });

  it("works in code points around emoji", () => {
    expect(trimSpan("👍 news 👍", 1, 7)).toEqual({ start: 2, end: 6 });
  });

  it("returns null for a whitespace-only selection", () => {
    expect(trimSpan("a \n\t b", 1, 5)).toBeNull();
  });
});
