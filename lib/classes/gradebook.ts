// The gradebook: every student against the answer key, per document and overall, and its
// CSV. Pure TypeScript; scoring definitions are in lib/scoring/compare-with-key.ts.
import {
  compareWithKey,
  sumComparisons,
  type ComparisonTotals,
  type KeyComparison,
  type ScoredSpan,
} from "@/lib/scoring/compare-with-key";

export type GradebookHighlight = ScoredSpan & { documentId: string; authorId: string };

export type GradebookStudent = {
  userId: string;
  name: string;
  email: string;
  submittedAt: Date | null;
  isLate: boolean;
};

export type GradebookCell = { documentId: string; comparison: KeyComparison };

export type GradebookRow = {
  student: GradebookStudent;
  cells: GradebookCell[];
  totals: ComparisonTotals;
};

export function buildGradebook(options: {
  documents: readonly { id: string; title: string }[];
  students: readonly GradebookStudent[];
  highlights: readonly GradebookHighlight[];
  keyIds: ReadonlySet<string>;
}): GradebookRow[] {
  const key = options.highlights.filter((highlight) => options.keyIds.has(highlight.id));

  return options.students.map((student) => {
    const cells = options.documents.map((document) => ({
      documentId: document.id,
      comparison: compareWithKey(
        options.highlights.filter(
          (highlight) =>
            highlight.documentId === document.id &&
            highlight.authorId === student.userId &&
            !options.keyIds.has(highlight.id),
        ),
        key.filter((highlight) => highlight.documentId === document.id),
      ),
    }));
    return { student, cells, totals: sumComparisons(cells.map((cell) => cell.comparison)) };
  });
}

export function formatScore(value: number | null): string {
  return value === null ? "" : value.toFixed(3);
}

// Spreadsheet programs run cells that start with = + - @ (or a tab/CR) as formulas; names
// come from people, so such cells get a leading apostrophe.
function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvHeader = [
  "student",
  "email",
  "document",
  "submitted_at",
  "late",
  "student_highlights",
  "key_highlights",
  "matched",
  "missed",
  "extra",
  "exact_precision",
  "exact_recall",
  "exact_f1",
  "overlap_precision",
  "overlap_recall",
  "overlap_f1",
  "labels_identical",
  "label_agreement",
];

// One line per student and document, then one "(all documents)" line per student with the
// micro-averaged totals.
export function gradebookToCsv(
  rows: readonly GradebookRow[],
  documents: readonly { id: string; title: string }[],
): string {
  const titles = new Map(documents.map((document) => [document.id, document.title]));
  const lines = [csvHeader.join(",")];

  for (const row of rows) {
    const common = [row.student.name, row.student.email];
    const submitted = [
      row.student.submittedAt?.toISOString() ?? "",
      row.student.isLate ? "yes" : "no",
    ];
    for (const cell of row.cells) {
      const c = cell.comparison;
      lines.push(
        [
          ...common,
          titles.get(cell.documentId) ?? cell.documentId,
          ...submitted,
          c.studentCount,
          c.keyCount,
          c.pairs.length,
          c.missedKeyIds.length,
          c.extraStudentIds.length,
          formatScore(c.exact.precision),
          formatScore(c.exact.recall),
          formatScore(c.exact.f1),
          formatScore(c.overlap.precision),
          formatScore(c.overlap.recall),
          formatScore(c.overlap.f1),
          c.labelAgreement.identical,
          formatScore(
            c.labelAgreement.pairs > 0 ? c.labelAgreement.identical / c.labelAgreement.pairs : null,
          ),
        ]
          .map(csvCell)
          .join(","),
      );
    }
    const t = row.totals;
    lines.push(
      [
        ...common,
        "(all documents)",
        ...submitted,
        t.studentCount,
        t.keyCount,
        t.overlap.truePositives,
        t.keyCount - t.overlap.truePositives,
        t.studentCount - t.overlap.truePositives,
        formatScore(t.exact.precision),
        formatScore(t.exact.recall),
        formatScore(t.exact.f1),
        formatScore(t.overlap.precision),
        formatScore(t.overlap.recall),
        formatScore(t.overlap.f1),
        t.labelAgreement.identical,
        formatScore(
          t.labelAgreement.pairs > 0 ? t.labelAgreement.identical / t.labelAgreement.pairs : null,
        ),
      ]
        .map(csvCell)
        .join(","),
    );
  }

  return `${lines.join("\r\n")}\r\n`;
}
