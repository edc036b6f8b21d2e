import { describe, expect, it } from "vitest";

import { buildGradebook, gradebookToCsv, type GradebookHighlight } from "./gradebook";

function mark(
  id: string,
  authorId: string,
  documentId: string,
  start: number,
  end: number,
  ...labelIds: string[]
): GradebookHighlight {
  return { id, authorId, documentId, start, end, labelIds };
}

const documents = [
  { id: "d1", title: "Budget, day one" },
  { id: "d2", title: "Budget, day two" },
];
const students = [
  {
    userId: "ana",
    name: "Ana",
    email: "ana@example.org",
    submittedAt: new Date("2026-03-01T10:00:00Z"),
    isLate: false,
  },
  {
    userId: "ben",
    name: '=HYPERLINK("x")',
    email: "ben@example.org",
    submittedAt: null,
    isLate: false,
  },
];
const highlights = [
  mark("k1", "teacher", "d1", 0, 10, "loaded"),
  mark("k2", "teacher", "d2", 5, 9, "vague"),
  mark("a1", "ana", "d1", 0, 10, "loaded"),
  mark("a2", "ana", "d2", 20, 30, "vague"),
  mark("b1", "ben", "d1", 2, 6, "doubt"),
];

describe("buildGradebook", () => {
  it("compares each student with the key per document and in total", () => {
    const rows = buildGradebook({ documents, students, highlights, keyIds: new Set(["k1", "k2"]) });

    const ana = rows[0]!;
    expect(ana.cells.map((cell) => cell.comparison.exact.f1)).toEqual([1, 0]);
    expect(ana.totals.exact).toMatchObject({ truePositives: 1, precision: 0.5, recall: 0.5 });

    const ben = rows[1]!;
    expect(ben.cells[0]?.comparison.pairs[0]).toMatchObject({
      kind: "overlap",
      labelsEqual: false,
    });
    expect(ben.cells[1]?.comparison.missedKeyIds).toEqual(["k2"]);
    expect(ben.totals.overlap).toMatchObject({ truePositives: 1, precision: 1, recall: 0.5 });
  });

  it("writes a CSV line per student and document plus a total, defusing formulas", () => {
    const rows = buildGradebook({ documents, students, highlights, keyIds: new Set(["k1", "k2"]) });
    const lines = gradebookToCsv(rows, documents).trimEnd().split("\r\n");

    expect(lines).toHaveLength(1 + 2 * 3);
    expect(lines[0]).toMatch(/^student,email,document,submitted_at,late,/);
    expect(lines[1]).toBe(
      'Ana,ana@example.org,"Budget, day one",2026-03-01T10:00:00.000Z,no,1,1,1,0,0,1.000,1.000,1.000,1.000,1.000,1.000,1,1.000',
    );
    expect(lines[3]).toMatch(/^Ana,ana@example.org,\(all documents\),/);
    expect(lines[4]?.startsWith('"\'=HYPERLINK(""x"")"')).toBe(true);
  });
});
