import "server-only";

import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

import { snapshotViewSelect, toSnapshotView, type SnapshotView } from "./snapshot-view";
import { snapshotLockClass } from "./write-snapshot";

// A writer takes its lock within moments of the snapshot's creation; younger snapshots are
// left alone so the check cannot race it.
export const snapshotStartGraceMs = 60 * 1000;

export const interruptedMessage =
  "Interrupted: the server stopped while writing this snapshot, so nothing was kept. Save it again.";

type ListSnapshotsOptions = { userId: string; workspaceId: string };

// Newest first. A RUNNING snapshot whose writer died (the process stopped, the database
// connection dropped) would otherwise stay RUNNING for ever: the writer holds an advisory
// lock in its transaction for as long as it lives, so a RUNNING snapshot past the grace
// period whose lock is free has no writer, and is marked FAILED with its chunks deleted.
// This is exact rather than a timeout, so a long snapshot that is still progressing is never
// cut off, and it holds across several app instances sharing the database.
export async function listSnapshots({
  userId,
  workspaceId,
}: ListSnapshotsOptions): Promise<SnapshotView[]> {
  await requireMembership({ userId, workspaceId, permission: "exportData" });
  await markInterruptedSnapshots(workspaceId);

  const rows = await getDb().datasetSnapshot.findMany({
    where: { workspaceId },
    orderBy: { number: "desc" },
    select: snapshotViewSelect,
  });

  return rows.map(toSnapshotView);
}

async function markInterruptedSnapshots(workspaceId: string): Promise<void> {
  const db = getDb();
  const running = await db.datasetSnapshot.findMany({
    where: {
      workspaceId,
      status: "RUNNING",
      createdAt: { lt: new Date(Date.now() - snapshotStartGraceMs) },
    },
    select: { id: true },
  });

  for (const { id } of running) {
    await db.$transaction(async (tx) => {
      const [lock] = await tx.$queryRaw<{ free: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(${snapshotLockClass}::int, hashtext(${id})) AS free`;
      if (!lock?.free) {
        return;
      }
      await tx.datasetSnapshotChunk.deleteMany({ where: { snapshotId: id } });
      await tx.datasetSnapshot.updateMany({
        where: { id, status: "RUNNING" },
        data: { status: "FAILED", error: interruptedMessage, completedAt: new Date() },
      });
    });
  }
}
