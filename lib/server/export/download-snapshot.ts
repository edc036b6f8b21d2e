import "server-only";

import { createHash } from "node:crypto";

import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";

import { requireMembership } from "../workspace/require-membership";

import { snapshotFileName } from "./snapshot-names";

type DownloadSnapshotOptions = { userId: string; workspaceId: string; snapshotId: string };

export type SnapshotDownload = {
  stream: ReadableStream<Uint8Array>;
  fileName: string;
  byteSize: number;
  checksum: string;
};

// The stored archive, chunk by chunk in order: the same bytes on every download, whatever
// happened to the annotations since. The bytes are counted and hashed on the way out; a
// mismatch with the stored size or checksum fails the download instead of delivering a
// corrupt file.
export async function downloadSnapshot({
  userId,
  workspaceId,
  snapshotId,
}: DownloadSnapshotOptions): Promise<SnapshotDownload> {
  await requireMembership({ userId, workspaceId, permission: "exportData" });
  const db = getDb();

  const snapshot = await db.datasetSnapshot.findFirst({
    where: { id: snapshotId, workspaceId },
    select: {
      id: true,
      number: true,
      name: true,
      status: true,
      rowsDone: true,
      rowsTotal: true,
      byteSize: true,
      checksum: true,
      error: true,
    },
  });
  if (!snapshot) {
    throw notFound("This snapshot");
  }
  if (snapshot.status === "RUNNING") {
    throw new AppError(
      "CONFLICT",
      `Snapshot ${snapshot.number} is still being written (${snapshot.rowsDone} of ${snapshot.rowsTotal ?? "?"} rows). Download it when it is ready.`,
    );
  }
  if (snapshot.status === "FAILED" || snapshot.byteSize === null || snapshot.checksum === null) {
    throw new AppError(
      "CONFLICT",
      `Snapshot ${snapshot.number} failed, so there is nothing to download${snapshot.error ? `: ${snapshot.error}` : "."}`,
    );
  }

  const { byteSize, checksum } = snapshot;
  const hash = createHash("sha256");
  let index = 0;
  let sent = 0;

  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const chunk = await db.datasetSnapshotChunk.findUnique({
            where: { snapshotId_index: { snapshotId, index } },
            select: { data: true },
          });
          if (!chunk) {
            const digest = hash.digest("hex");
            if (sent !== byteSize || digest !== checksum) {
              throw new Error(
                `Snapshot ${snapshotId} is damaged: ${sent} bytes with SHA-256 ${digest}, expected ${byteSize} bytes with ${checksum}.`,
              );
            }
            controller.close();
            return;
          }
          index += 1;
          sent += chunk.data.byteLength;
          hash.update(chunk.data);
          controller.enqueue(new Uint8Array(chunk.data));
        } catch (error) {
          console.error("[snapshot download]", error);
          controller.error(error);
        }
      },
    },
    { highWaterMark: 0 },
  );

  return { stream, fileName: snapshotFileName(snapshot.name, snapshot.number), byteSize, checksum };
}
