import { describe, expect, it } from "vitest";

import { getLabelSetKey, jaccardDistance, masiDistance } from "./masi-distance";

describe("set distances", () => {
  it("matches NLTK's metrics doctest", () => {
    expect(masiDistance(["1", "2", "3", "4"], ["3", "4", "5"])).toBeCloseTo(0.868, 3);
    expect(jaccardDistance(["1", "2", "3", "4"], ["3", "4", "5"])).toBeCloseTo(0.6, 10);
  });

  it("uses the subset, overlap and disjoint weights", () => {
    expect(masiDistance(["a", "b"], ["b", "a"])).toBe(0);
    expect(masiDistance(["a"], ["a", "b"])).toBeCloseTo(1 - 0.5 * 0.67, 10);
    expect(masiDistance(["a", "b"], ["b", "c"])).toBeCloseTo(1 - (1 / 3) * 0.33, 10);
    expect(masiDistance(["a"], ["b"])).toBe(1);
  });

  it("treats two empty sets as equal and an empty set as disjoint from the rest", () => {
    expect(masiDistance([], [])).toBe(0);
    expect(jaccardDistance(new Set(), new Set())).toBe(0);
    expect(masiDistance([], ["a"])).toBe(1);
  });

  it("keys sets independently of order and duplicates", () => {
    expect(getLabelSetKey(["b", "a", "b"])).toBe(getLabelSetKey(new Set(["a", "b"])));
    expect(getLabelSetKey(["a,b"])).not.toBe(getLabelSetKey(["a", "b"]));
  });
});
