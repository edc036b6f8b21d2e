import "server-only";

import { AppError } from "@/lib/errors/app-error";

import { describeExportFilters } from "./describe-export-filters";
import type { ExportReader } from "./export-reader";
import { anchoredCondition, buildExportConditions, SqlParams } from "./export-sql";
import type { ExportPlan } from "./resolve-export";

export type ExportSummary = {
  // ExportAnnotation rows: one per (annotation, exported dimension); a note is one row.
  rows: number;
  annotations: number;
  documents: number;
  annotators: number;
  // Highlights that match the filters but are not anchored to the current text; left out.
  orphaned: number;
};

type CountRow = {
  author_id: string | null;
  annotations: number;
  rows: number;
  orphaned: number;
  documents: number;
};

// Counts in one pass over the matching annotations (joined to their exported labels),
// inside the reader's transaction, so what follows in it writes exactly these rows.
export async function countExport(reader: ExportReader, plan: ExportPlan): Promise<ExportSummary> {
  const params = new SqlParams();
  const where = buildExportConditions(plan, params);
  const noteCondition = plan.includeNotes ? ` OR ${where.isNote}` : "";

  const counts = await reader.query<CountRow>(
    `WITH matching AS (
       SELECT a.id, a."authorId" AS author_id, a."documentId" AS document_id,
         (${anchoredCondition}) AS is_anchored, count(DISTINCT dm.id) AS dimensions
       FROM "Annotation" a
       JOIN "Document" d ON d.id = a."documentId"
       ${where.exportedLabelsJoin}
       WHERE ${where.documents} AND ${where.annotations}
       GROUP BY a.id, d.version
       HAVING count(dm.id) > 0${noteCondition}
     )
     SELECT author_id,
       (count(*) FILTER (WHERE is_anchored))::int AS annotations,
       (coalesce(sum(GREATEST(dimensions, 1)) FILTER (WHERE is_anchored), 0))::int AS rows,
       (count(*) FILTER (WHERE NOT is_anchored))::int AS orphaned,
       0 AS documents
     FROM matching GROUP BY author_id
     UNION ALL
     SELECT NULL, 0, 0, 0, (count(DISTINCT document_id) FILTER (WHERE is_anchored))::int
     FROM matching`,
    params.values,
  );

  const authors = counts.filter((row) => row.author_id !== null && row.annotations > 0);

  return {
    rows: sum(authors, (row) => row.rows),
    annotations: sum(authors, (row) => row.annotations),
    documents: counts.find((row) => row.author_id === null)?.documents ?? 0,
    annotators: authors.length,
    orphaned: sum(counts, (row) => row.orphaned),
  };
}

// The 422 for an export that would be empty: an empty file would look like a successful
// export of nothing, so the person is told which filters left nothing.
export function noMatchingRows(plan: ExportPlan, orphaned: number): AppError {
  const orphans =
    orphaned > 0
      ? ` ${orphaned} matching highlight${orphaned === 1 ? " is" : "s are"} orphaned (no longer anchored to the text) and left out.`
      : "";

  return new AppError(
    "INVALID_INPUT",
    `No annotations match these filters: ${describeExportFilters(plan).join("; ")}.${orphans}`,
  );
}

function sum<T>(rows: T[], value: (row: T) => number): number {
  return rows.reduce((total, row) => total + value(row), 0);
}
