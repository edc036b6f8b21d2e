// What the dry run and the import answer: counts and one row per highlight (or unreadable
// line) of the file. Shared by the API response schema and the import page.
import type { AnnotationImportMode } from "@/lib/validations/annotation-import";

import type { ImportPlan, PlanRow, PlanStatus } from "./plan-annotation-import";
import type { AnnotationFileFormat } from "./types";

export type ImportReportRow = Omit<PlanRow, "create" | "status"> & {
  // create → created once applied; rows a row-level import left out keep their status.
  status: PlanStatus | "created";
};

export type AnnotationImportReport = {
  format: AnnotationFileFormat;
  fileName: string;
  dryRun: boolean;
  mode: AnnotationImportMode;
  // True when highlights were written.
  applied: boolean;
  counts: Record<PlanStatus, number> & { total: number; created: number; problems: number };
  rows: ImportReportRow[];
};

// Statuses that stop an all-or-nothing import. Duplicates do not: importing the same file
// again is a no-op, not an error.
export function isProblem(status: PlanStatus): boolean {
  return status !== "create" && status !== "duplicate";
}

export function toImportReport(
  plan: ImportPlan,
  options: {
    format: AnnotationFileFormat;
    fileName: string;
    dryRun: boolean;
    mode: AnnotationImportMode;
    created: number;
  },
): AnnotationImportReport {
  const applied = options.created > 0;
  return {
    format: options.format,
    fileName: options.fileName,
    dryRun: options.dryRun,
    mode: options.mode,
    applied,
    counts: {
      ...plan.counts,
      total: plan.rows.length,
      created: options.created,
      problems: plan.rows.filter((row) => isProblem(row.status)).length,
    },
    rows: plan.rows.map(({ create: _create, ...row }) => ({
      ...row,
      status: applied && row.status === "create" ? "created" : row.status,
    })),
  };
}
