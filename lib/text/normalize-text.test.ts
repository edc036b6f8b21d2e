import { describe, expect, it } from "vitest";

import { hashText } from "./hash-text";
import { normalizeText } from "./normalize-text";

describe("normalizeText", () => {
  it("turns CRLF and CR into LF and drops a byte-order mark", () => {
    expect(normalizeText("\uFEFFone\r\ntwo\rthree")).toBe("one\ntwo\nthree");
  });

  it("composes decomposed characters (NFC)", () => {
    const decomposed = "Cafe\u0301";
    expect(normalizeText(decomposed)).toBe("Café");
    expect(normalizeText(decomposed).length).toBe(4);
  });

  it("removes trailing spaces and collapses runs of blank lines to one", () => {
    expect(normalizeText("\n\nfirst  \t\n\n\n\n\nsecond \n\n")).toBe("first\n\nsecond");
  });

  it("keeps tabs and non-breaking spaces inside lines", () => {
    expect(normalizeText("a\tb\u00A0c")).toBe("a\tb\u00A0c");
  });

  it("is idempotent", () => {
    const once = normalizeText(" x \r\n\r\n\r\ny\u0301 ");
    expect(normalizeText(once)).toBe(once);
  });
});

describe("hashText", () => {
  it("is the SHA-256 of the UTF-8 text", () => {
    expect(hashText("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(hashText("👍")).not.toBe(hashText("👎"));
  });
});
