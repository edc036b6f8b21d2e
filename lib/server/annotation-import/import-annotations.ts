import "server-only";

import { randomUUID } from "node:crypto";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import {
  isProblem,
  toImportReport,
  type AnnotationImportReport,
} from "@/lib/import/annotations/import-report";
import { parseAnnotationFile } from "@/lib/import/annotations/parse-annotation-file";
import {
  planAnnotationImport,
  type PlannedAnnotation,
} from "@/lib/import/annotations/plan-annotation-import";
import type { AnnotationImportOptions } from "@/lib/validations/annotation-import";

import { recordAuditEvent } from "../audit/record-audit-event";
import { requireMembership } from "../workspace/require-membership";

import { loadImportContext } from "./load-import-context";

type ImportAnnotationsOptions = {
  userId: string;
  workspaceId: string;
  fileName: string;
  bytes: Uint8Array;
  options: AnnotationImportOptions;
};

// Rows per INSERT: well under Postgres' 65,535 bind parameters at 18 columns a row.
const insertBatchSize = 1_000;

// Imports highlights from a JSONL or W3C file into existing documents of a workspace.
// Owners and editors only. A dry run (the default) plans and reports; otherwise the plan
// is made again inside the writing transaction, under a per-workspace lock, so two imports
// of the same file cannot both create it. All or nothing by default: one problem row and
// nothing is written (the report comes back as the error's details); row-level mode
// writes the good rows and reports the rest. The importing person is the author; the
// file's annotator and id are kept as provenance. One audit event per applied import.
export async function importAnnotations({
  userId,
  workspaceId,
  fileName,
  bytes,
  options,
}: ImportAnnotationsOptions): Promise<AnnotationImportReport> {
  await requireMembership({ userId, workspaceId, permission: "addDocument" });

  const file = parseAnnotationFile(bytes, {
    fileName,
    ...(options.format === "auto" ? {} : { format: options.format }),
  });
  const reportOptions = { format: file.format, fileName, mode: options.mode };

  if (options.dryRun) {
    // Read in one transaction too, so the plan sees one consistent state.
    return getDb().$transaction(async (tx) => {
      const context = await loadImportContext({
        db: tx,
        workspaceId,
        userId,
        file,
        codebookId: options.codebookId,
      });
      const plan = planAnnotationImport(file, context);
      return toImportReport(plan, { ...reportOptions, dryRun: true, created: 0 });
    });
  }

  return getDb().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`annotation-import:${workspaceId}`}))`;
      const context = await loadImportContext({
        db: tx,
        workspaceId,
        userId,
        file,
        codebookId: options.codebookId,
      });
      const plan = planAnnotationImport(file, context);
      const problems = plan.rows.filter((row) => isProblem(row.status));

      if (options.mode === "all-or-nothing" && problems.length > 0) {
        const report = toImportReport(plan, { ...reportOptions, dryRun: false, created: 0 });
        throw new AppError(
          "INVALID_INPUT",
          `Nothing was imported: ${problems.length} ${problems.length === 1 ? "row has a problem" : "rows have problems"} (the first: ${problems[0]?.message ?? ""}). Fix the file, or import in row-level mode to save the good rows.`,
          undefined,
          { report },
        );
      }

      const toCreate = plan.rows.flatMap((row) => (row.create ? [row.create] : []));
      await insertAnnotations(tx, userId, toCreate);

      const report = toImportReport(plan, {
        ...reportOptions,
        dryRun: false,
        created: toCreate.length,
      });
      if (toCreate.length > 0) {
        await recordAuditEvent({
          tx,
          workspaceId,
          actorId: userId,
          action: "annotation.import",
          entityType: "workspace",
          entityId: workspaceId,
          after: {
            fileName,
            format: file.format,
            mode: options.mode,
            created: toCreate.length,
            duplicates: report.counts.duplicate,
            problems: report.counts.problems,
            documents: new Set(toCreate.map((row) => row.documentId)).size,
          },
        });
      }
      return report;
    },
    // A large file is many thousand rows; the default 5 s would cut it off.
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];

async function insertAnnotations(tx: Tx, userId: string, rows: PlannedAnnotation[]) {
  for (let offset = 0; offset < rows.length; offset += insertBatchSize) {
    const batch = rows.slice(offset, offset + insertBatchSize).map((row) => ({
      // Ids made here, so the labels can be inserted in one statement too.
      id: randomUUID().replace(/-/g, ""),
      row,
    }));
    await tx.annotation.createMany({
      data: batch.map(({ id, row }) => ({
        id,
        documentId: row.documentId,
        authorId: userId,
        documentVersion: row.documentVersion,
        start: row.start,
        end: row.end,
        exact: row.exact,
        prefix: row.prefix,
        suffix: row.suffix,
        comment: row.comment,
        confidence: row.confidence,
        origin: row.origin === "suggestion" ? "SUGGESTION" : "PERSON",
        reviewState: row.reviewState,
        isGold: row.isGold,
        externalAnnotator: row.externalAnnotator,
        externalId: row.externalId,
        ...(row.createdAt ? { createdAt: row.createdAt } : {}),
      })),
    });
    const labels = batch.flatMap(({ id, row }) =>
      row.labelIds.map((labelId) => ({ annotationId: id, labelId })),
    );
    if (labels.length > 0) {
      await tx.annotationLabel.createMany({ data: labels });
    }
  }
}
