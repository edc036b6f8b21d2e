import { describe, expect, it } from "vitest";

import { buildSegments } from "./highlight-segments";

describe("buildSegments", () => {
  it("returns one plain segment when there are no highlights", () => {
    expect(buildSegments(10, [])).toEqual([{ start: 0, end: 10, ids: [] }]);
  });

  it("splits overlapping and nested highlights into runs with the covering ids", () => {
    const segments = buildSegments(20, [
      { id: "a", start: 2, end: 10 },
      { id: "b", start: 5, end: 15 },
      { id: "c", start: 6, end: 8 },
    ]);

    expect(segments).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 5, ids: ["a"] },
      { start: 5, end: 6, ids: ["a", "b"] },
      { start: 6, end: 8, ids: ["a", "b", "c"] },
      { start: 8, end: 10, ids: ["a", "b"] },
      { start: 10, end: 15, ids: ["b"] },
      { start: 15, end: 20, ids: [] },
    ]);
  });

  it("covers the text exactly once, whatever the input", () => {
    const ranges = Array.from({ length: 50 }, (_, index) => ({
      id: String(index),
      start: (index * 37) % 90,
      end: ((index * 37) % 90) + (index % 13) + 1,
    }));
    const segments = buildSegments(100, ranges);

    expect(segments[0]?.start).toBe(0);
    expect(segments.at(-1)?.end).toBe(100);
    for (let index = 1; index < segments.length; index += 1) {
      expect(segments[index]?.start).toBe(segments[index - 1]?.end);
    }
    for (const segment of segments) {
      const expected = ranges
        .filter((range) => range.start <= segment.start && range.end >= segment.end)
        .map((range) => range.id);
      expect([...segment.ids].sort()).toEqual(expected.sort());
    }
  });

  it("clamps ranges that run past the text and drops empty ones", () => {
    expect(
      buildSegments(5, [
        { id: "x", start: 3, end: 9 },
        { id: "y", start: 2, end: 2 },
      ]),
    ).toEqual([
      { start: 0, end: 2, ids: [] },
      { start: 2, end: 3, ids: [] },
      { start: 3, end: 5, ids: ["x"] },
    ]);
  });
});
