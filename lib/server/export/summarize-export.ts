import "server-only";

import type { ExportRequest } from "@/lib/validations/export";

import { countExport, noMatchingRows, type ExportSummary } from "./count-export";
import { describeExportFilters } from "./describe-export-filters";
import { openExportReader } from "./export-reader";
import { resolveExport } from "./resolve-export";

type SummarizeExportOptions = {
  userId: string;
  workspaceId: string;
  request: ExportRequest;
  baseUrl: string;
};

export type ExportPreview = ExportSummary & { filters: string[] };

// What an export with these filters would hold, without writing it: the Exports page shows
// it before a download starts, and an empty selection is the same 422 as the download.
export async function summarizeExport(options: SummarizeExportOptions): Promise<ExportPreview> {
  const plan = await resolveExport(options);
  const reader = await openExportReader();

  let summary: ExportSummary;
  try {
    summary = await countExport(reader, plan);
  } finally {
    await reader.close();
  }

  if (summary.rows === 0) {
    throw noMatchingRows(plan, summary.orphaned);
  }

  return { ...summary, filters: describeExportFilters(plan) };
}
