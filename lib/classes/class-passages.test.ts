import { describe, expect, it } from "vitest";

import { buildHeatSegments, findClassPassages, type ClassHighlight } from "./class-passages";

function mark(authorId: string, start: number, end: number, ...labelIds: string[]): ClassHighlight {
  return { authorId, start, end, labelIds };
}

describe("findClassPassages", () => {
  it("groups overlapping highlights into passages and counts students per label", () => {
    const passages = findClassPassages(
      [
        mark("ana", 0, 10, "loaded"),
        mark("ben", 5, 12, "loaded"),
        mark("ben", 8, 11, "doubt"),
        mark("cy", 30, 40, "vague"),
      ],
      3,
    );

    const first = passages.find((passage) => passage.start === 0);
    expect(first).toMatchObject({ start: 0, end: 12, studentIds: ["ana", "ben"], unlabelled: 0 });
    expect(first?.labelCounts).toEqual([
      { labelId: "loaded", students: 2 },
      { labelId: "doubt", students: 1 },
    ]);
    // ana {loaded}, ben {doubt, loaded}, cy did not mark: three singletons of three.
    expect(first?.disagreement).toBeCloseTo(1 - 3 * (1 / 3) ** 2, 12);
  });

  it("scores full agreement 0 and sorts the hottest disagreement first", () => {
    const passages = findClassPassages(
      [
        // Everyone marked 0–5 with the same label: no disagreement.
        mark("a", 0, 5, "x"),
        mark("b", 0, 5, "x"),
        mark("c", 1, 4, "x"),
        mark("d", 0, 5, "x"),
        // Half marked 20–25 (same label): split marking.
        mark("a", 20, 25, "y"),
        mark("b", 20, 25, "y"),
        // Everyone marked 50–60 but with four different labels: hottest.
        mark("a", 50, 60, "p"),
        mark("b", 50, 60, "q"),
        mark("c", 50, 60, "r"),
        mark("d", 50, 60, "s"),
      ],
      4,
    );

    expect(passages.map((passage) => passage.start)).toEqual([50, 20, 0]);
    expect(passages[0]?.disagreement).toBeCloseTo(0.75, 12);
    expect(passages[1]?.disagreement).toBeCloseTo(0.5, 12);
    expect(passages[2]?.disagreement).toBe(0);
  });

  it("keeps touching highlights apart and counts unlabelled marks", () => {
    const passages = findClassPassages([mark("a", 0, 5), mark("b", 5, 9)], 2);

    expect(passages).toHaveLength(2);
    expect(passages.every((passage) => passage.unlabelled === 1)).toBe(true);
  });
});

describe("buildHeatSegments", () => {
  it("cuts the text where highlights start and end and counts distinct students", () => {
    const segments = buildHeatSegments(20, [mark("a", 2, 8), mark("a", 4, 6), mark("b", 4, 10)]);

    expect(segments).toEqual([
      { start: 0, end: 2, students: 0 },
      { start: 2, end: 4, students: 1 },
      { start: 4, end: 8, students: 2 },
      { start: 8, end: 10, students: 1 },
      { start: 10, end: 20, students: 0 },
    ]);
  });

  it("covers an article nobody marked with one cold segment", () => {
    expect(buildHeatSegments(7, [])).toEqual([{ start: 0, end: 7, students: 0 }]);
  });
});
