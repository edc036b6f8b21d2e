import "server-only";

import { getDb } from "@/lib/db/client";
import { serializeAuditCsvHeader, serializeAuditCsvRows } from "@/lib/review/audit-csv";
import type { AuditLogFilter } from "@/lib/validations/audit";

import { requireMembership } from "../workspace/require-membership";

import { auditEventWhere } from "./audit-event-where";

type ExportAuditLogOptions = {
  userId: string;
  workspaceId: string;
  filter: Omit<AuditLogFilter, "page">;
  batchSize?: number;
};

// The filtered audit log as CSV, oldest first, for the workspace's owners. The
// permission is checked before anything is read; rows are read in keyset batches so a
// long log streams without being held in memory.
export async function exportAuditLog({
  userId,
  workspaceId,
  filter,
  batchSize = 1000,
}: ExportAuditLogOptions): Promise<{ filename: string; chunks: AsyncGenerator<string> }> {
  await requireMembership({ userId, workspaceId, permission: "readAuditLog" });
  const where = auditEventWhere(workspaceId, filter);

  async function* chunks() {
    yield serializeAuditCsvHeader();
    let cursor: string | undefined;
    for (;;) {
      const rows = await getDb().auditEvent.findMany({
        where,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: batchSize,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
        select: {
          id: true,
          action: true,
          entityType: true,
          entityId: true,
          before: true,
          after: true,
          createdAt: true,
          actorId: true,
          actor: { select: { name: true } },
        },
      });
      if (rows.length === 0) {
        return;
      }
      yield serializeAuditCsvRows(
        rows.map((row) => ({ ...row, actorName: row.actor?.name ?? null })),
      );
      if (rows.length < batchSize) {
        return;
      }
      cursor = rows[rows.length - 1]?.id;
    }
  }

  const day = new Date().toISOString().slice(0, 10);
  return { filename: `audit-log-${workspaceId}-${day}.csv`, chunks: chunks() };
}
