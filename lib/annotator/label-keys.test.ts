import { describe, expect, it } from "vitest";

import { assignLabelKeys, findLabelForKey } from "./label-keys";

describe("assignLabelKeys", () => {
  it("uses digits by position when no label has a shortcut", () => {
    const keys = assignLabelKeys([
      { id: "a", shortcut: null },
      { id: "b", shortcut: null },
    ]);
    expect([...keys]).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
  });

  it("uses each label's own shortcut, lower-cased, and digits for the rest", () => {
    const keys = assignLabelKeys([
      { id: "supportive", shortcut: "S" },
      { id: "critical", shortcut: "c" },
      { id: "neutral", shortcut: null },
    ]);
    expect(keys.get("supportive")).toBe("s");
    expect(keys.get("critical")).toBe("c");
    expect(keys.get("neutral")).toBe("3");
  });

  it("gives no digit to a label whose position digit is another label's shortcut", () => {
    const keys = assignLabelKeys([
      { id: "first", shortcut: null },
      { id: "second", shortcut: "1" },
    ]);
    expect(keys.has("first")).toBe(false);
    expect(keys.get("second")).toBe("1");
    expect(findLabelForKey(keys, "1")).toBe("second");
  });

  it("gives no key past the ninth label without a shortcut", () => {
    const labels = Array.from({ length: 11 }, (_, index) => ({ id: `l${index}`, shortcut: null }));
    const keys = assignLabelKeys(labels);
    expect(keys.get("l8")).toBe("9");
    expect(keys.has("l9")).toBe(false);
  });
});

describe("findLabelForKey", () => {
  it("matches regardless of case and returns null for unknown keys", () => {
    const keys = assignLabelKeys([{ id: "critical", shortcut: "c" }]);
    expect(findLabelForKey(keys, "C")).toBe("critical");
    expect(findLabelForKey(keys, "x")).toBeNull();
  });
});
