import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createPrismaClient } from "@/lib/db/client";
import { acquireTestPostgres, type TestPostgres } from "@/scripts/lib/test-postgres";
import { newsroomReviewPreset } from "@/lib/codebooks/presets/newsroom-review";
import type { Db } from "@/lib/db/client";
import { createCodebookFromPreset } from "@/lib/server/codebook/create-codebook-from-preset";

import { backupDatabase, restoreDatabase, summarizeDatabase } from "./backup";

let server: TestPostgres;
let folder: string;
const databases: string[] = [];

async function emptyDatabase(prefix: string) {
  const url = await server.createEmptyDatabase(prefix);
  databases.push(url);
  return url;
}

beforeAll(async () => {
  server = await acquireTestPostgres();
  folder = await mkdtemp(path.join(os.tmpdir(), "framewise-backup-"));
});

afterAll(async () => {
  for (const url of databases) {
    await server.dropDatabase(url);
  }
  await server.release();
  await rm(folder, { recursive: true, force: true });
});

// A user, a workspace with its codebook, a document with emoji and a labelled highlight.
async function seed(db: Db, text: string) {
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: "b@example.org", name: "B", passwordHash: "x" },
      select: { id: true },
    });
    const workspace = await tx.workspace.create({
      data: { name: "W", members: { create: { userId: user.id, role: "OWNER" } } },
      select: { id: true },
    });
    await createCodebookFromPreset({
      tx,
      workspaceId: workspace.id,
      preset: newsroomReviewPreset,
      isDefault: true,
    });
    const label = await tx.label.findFirstOrThrow({ select: { id: true } });
    const document = await tx.document.create({
      data: { workspaceId: workspace.id, createdById: user.id, title: "T", text, textHash: "h" },
      select: { id: true },
    });
    await tx.annotation.create({
      data: {
        documentId: document.id,
        authorId: user.id,
        documentVersion: 1,
        start: 5,
        end: 6,
        exact: "👍",
        prefix: "Fake ",
        suffix: " news",
        labels: { create: { labelId: label.id } },
      },
    });
  });
}

describe("backup and restore", () => {
  it("restores every row into a fresh database, with identical counts and checksums", async () => {
    const source = await server.createDatabase("framewise_backup_src");
    databases.push(source);
    const db = createPrismaClient(source);
    try {
      await seed(db, "Fake 👍 news, critics say.\n\nSecond “paragraph”.");
      const document = await db.document.findFirstOrThrow({
        select: { id: true, workspaceId: true, createdById: true },
      });
      // A self-reference, bytes, a bigint identity and JSON, so every kind of column round-trips.
      const analysis = await db.document.create({
        data: {
          workspaceId: document.workspaceId,
          createdById: document.createdById,
          title: "An AI summary",
          text: "Summary.",
          textHash: "x",
          kind: "AI_ANALYSIS",
          analysedDocumentId: document.id,
        },
        select: { id: true },
      });
      const snapshot = await db.datasetSnapshot.create({
        data: {
          workspaceId: document.workspaceId,
          number: 1,
          name: "s",
          format: "jsonl",
          filters: { a: [1, "b"] },
        },
        select: { id: true },
      });
      await db.datasetSnapshotChunk.create({
        data: { snapshotId: snapshot.id, index: 0, data: Buffer.from([0, 1, 2, 255]) },
      });
      await db.liveEvent.create({
        data: { workspaceId: document.workspaceId, kind: "t", payload: { n: 1 } },
      });

      const file = path.join(folder, "backup.fwbackup.gz");
      const written = await backupDatabase({ connectionString: source, file });
      expect(written.Annotation?.rows).toBe(1);

      const target = await emptyDatabase("framewise_backup_dst");
      await restoreDatabase({ connectionString: target, file });
      expect(await summarizeDatabase(target)).toEqual(await summarizeDatabase(source));

      const restored = createPrismaClient(target);
      try {
        const row = await restored.document.findUniqueOrThrow({ where: { id: analysis.id } });
        expect(row.analysedDocumentId).toBe(document.id);
        const chunk = await restored.datasetSnapshotChunk.findFirstOrThrow();
        expect([...chunk.data]).toEqual([0, 1, 2, 255]);
        // The identity counter continues after the restored rows.
        const next = await restored.liveEvent.create({
          data: { workspaceId: document.workspaceId, kind: "t", payload: {} },
        });
        expect(next.id).toBeGreaterThan(1n);
      } finally {
        await restored.$disconnect();
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a non-empty target and a file that is not a backup, writing nothing", async () => {
    const source = await server.createDatabase("framewise_backup_full");
    databases.push(source);
    const file = path.join(folder, "full.fwbackup.gz");
    await backupDatabase({ connectionString: source, file });
    await expect(restoreDatabase({ connectionString: source, file })).rejects.toThrow(/not empty/);

    const bogus = path.join(folder, "bogus.gz");
    await writeFile(bogus, "not gzip at all");
    const target = await emptyDatabase("framewise_backup_bogus");
    await expect(restoreDatabase({ connectionString: target, file: bogus })).rejects.toThrow(
      /could not be read/,
    );
    expect(await summarizeDatabase(target)).toEqual({});
  });
});
