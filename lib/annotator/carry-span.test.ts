import { describe, expect, it } from "vitest";

import { carrySpan } from "./carry-span";

const before = "The minister's reckless plan, critics say, will devastate families.";

function spanOf(text: string, phrase: string) {
  const at = text.indexOf(phrase);
  return {
    start: Array.from(text.slice(0, at)).length,
    end: Array.from(text.slice(0, at)).length + Array.from(phrase).length,
  };
}

describe("carrySpan", () => {
  it("follows the selected words when text is inserted before them", () => {
    const after = `Breaking: ${before}`;
    const carried = carrySpan(before, after, spanOf(before, "critics say"));
    expect(carried).toEqual({ ...spanOf(after, "critics say"), exact: "critics say" });
  });

  it("counts code points across an inserted emoji", () => {
    const after = `🔥 Budget day. ${before}`;
    const carried = carrySpan(before, after, spanOf(before, "reckless plan"));
    expect(carried?.exact).toBe("reckless plan");
    expect(carried?.start).toBe(spanOf(after, "reckless plan").start);
  });

  it("returns null when the selected passage was removed", () => {
    const after = "The minister's plan will help families.";
    expect(carrySpan(before, after, spanOf(before, "critics say"))).toBeNull();
  });
});
