import { describe, expect, it } from "vitest";

import { commonPasswordMinLength } from "./common-password-source";
import list from "./common-passwords.json";
import { isCommonPassword } from "./common-passwords";

describe("isCommonPassword", () => {
  it("knows the most common passwords that the length rule lets through", () => {
    expect(isCommonPassword("1234567890")).toBe(true);
    expect(isCommonPassword("qwertyuiop")).toBe(true);
  });

  it("ignores case and surrounding spaces", () => {
    expect(isCommonPassword("QwertyUIOP")).toBe(true);
    expect(isCommonPassword("  1234567890 ")).toBe(true);
  });

  it("lets an unusual passphrase through", () => {
    expect(isCommonPassword("lantern orbit pickle seventeen")).toBe(false);
    expect(isCommonPassword("correct horse battery staple!")).toBe(false);
  });

  it("bundles a lowercase, de-duplicated list of the generator's minimum length", () => {
    expect(list.length).toBeGreaterThan(10_000);
    expect(new Set(list).size).toBe(list.length);
    expect(list.every((entry) => entry === entry.toLowerCase())).toBe(true);
    expect(list.every((entry) => entry.length >= commonPasswordMinLength)).toBe(true);
  });
});
