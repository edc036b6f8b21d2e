import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/db/generated/client";
import type { CreateSnapshotData } from "@/lib/validations/export";

import { recordAuditEvent } from "../audit/record-audit-event";

import { countExport, noMatchingRows, type ExportSummary } from "./count-export";
import { openExportReader } from "./export-reader";
import { resolveExport } from "./resolve-export";
import { snapshotViewSelect, toSnapshotView, type SnapshotView } from "./snapshot-view";
import { parquetMaxRows, parquetTooLarge, writeSnapshot } from "./write-snapshot";

type CreateSnapshotOptions = {
  userId: string;
  workspaceId: string;
  input: CreateSnapshotData;
  baseUrl: string;
};

export type CreatedSnapshot = {
  snapshot: SnapshotView;
  // Writes the archive; the caller starts it in the background. Never rejects.
  write: () => Promise<void>;
};

// Editors and owners save a numbered snapshot (real names: owner only). The number is the
// next one in this workspace, taken in the same transaction that creates the RUNNING row
// and its audit event, with the workspace row locked so two saves cannot take one number.
export async function createSnapshot({
  userId,
  workspaceId,
  input,
  baseUrl,
}: CreateSnapshotOptions): Promise<CreatedSnapshot> {
  const plan = await resolveExport({
    userId,
    workspaceId,
    request: { format: input.format, realNames: input.realNames, filters: input.filters },
    baseUrl,
  });

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
  if (plan.format === "parquet" && summary.rows > parquetMaxRows) {
    throw new AppError("INVALID_INPUT", parquetTooLarge(summary.rows), {
      format: ["Too many rows for Parquet."],
    });
  }

  // The filters as asked, and what they resolved to (the codebook version and dimensions).
  const filters = {
    ...plan.filters,
    codebookId: plan.codebook.id,
    codebook: { key: plan.codebook.key, version: plan.codebook.version },
    exportedDimensions: plan.dimensionKeys,
    includeNotes: plan.includeNotes,
  } satisfies Prisma.InputJsonValue;

  const row = await getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
    const last = await tx.datasetSnapshot.aggregate({
      where: { workspaceId },
      _max: { number: true },
    });
    const snapshot = await tx.datasetSnapshot.create({
      data: {
        workspaceId,
        number: (last._max.number ?? 0) + 1,
        name: input.name,
        format: plan.format,
        filters,
        pseudonymised: !plan.realNames,
        licence: input.licence,
        consent: input.consent,
        status: "RUNNING",
        rowsTotal: summary.rows,
        createdById: userId,
      },
      select: snapshotViewSelect,
    });

    await recordAuditEvent({
      tx,
      workspaceId,
      actorId: userId,
      action: "export.snapshot.create",
      entityType: "workspace",
      entityId: workspaceId,
      after: {
        snapshotId: snapshot.id,
        number: snapshot.number,
        name: snapshot.name,
        format: plan.format,
        filters,
        pseudonymised: snapshot.pseudonymised,
      },
    });

    return snapshot;
  });

  return {
    snapshot: toSnapshotView(row),
    write: () =>
      writeSnapshot({
        plan,
        snapshot: {
          id: row.id,
          number: row.number,
          name: row.name,
          licence: row.licence,
          consent: row.consent,
          createdAt: row.createdAt,
        },
      }),
  };
}
