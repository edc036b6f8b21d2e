import "server-only";

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { codebookSchemaVersion } from "@/lib/codebooks/validate-codebook";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createChunkEncoder } from "@/lib/export/chunk-encoder";
import { buildDatasheet } from "@/lib/export/datasheet";
import { createDatasetStatistics } from "@/lib/export/dataset-statistics";
import { ExportError } from "@/lib/export/export-error";
import { getExportFormat } from "@/lib/export/formats";
import { parquetDataPath, serializeParquetDataset } from "@/lib/export/parquet";
import { createTarEnd, createTarHeader, createTarPadding } from "@/lib/export/tar";
import type { ExportAnnotation, ExportDocument } from "@/lib/export/types";

import { countExport } from "./count-export";
import { createFormatWriter } from "./create-format-writer";
import { describeExportFilters } from "./describe-export-filters";
import { openExportReader } from "./export-reader";
import { loadAnnotatorNames, loadExportRows } from "./load-export-rows";
import type { ExportPlan } from "./resolve-export";
import { snapshotFolderName } from "./snapshot-names";

// Archive bytes are stored in rows of this size, so neither writing nor downloading holds
// a large dataset in memory.
export const snapshotChunkBytes = 256 * 1024;

// The writer holds this advisory lock (with hashtext(snapshot id)) in its transaction, so
// listSnapshots can tell a live writer from one whose process died (see list-snapshots.ts).
export const snapshotLockClass = 0x46570001;

// Parquet is written whole by hyparquet-writer, so its rows are held in memory: larger
// selections are refused with a message instead of exhausting the server.
export const parquetMaxRows = 200_000;

// DatasetSnapshot.byteSize is a 32-bit integer.
const maxArchiveBytes = 2 ** 31 - 1;

// Progress (rowsDone) is written at most this often.
const progressIntervalMs = 500;

export type SnapshotToWrite = {
  id: string;
  number: number;
  name: string;
  licence: string;
  consent: string;
  createdAt: Date;
};

// Writes a RUNNING snapshot's archive in the background: a ustar archive (lib/export/tar.ts)
// with the export file(s), README.md (the datasheet) and codebook.json, stored in chunks
// with its SHA-256 and size, then READY. Any failure marks it FAILED with a message and
// deletes its chunks, so nothing half-written can be downloaded. Never rejects.
export async function writeSnapshot({
  plan,
  snapshot,
}: {
  plan: ExportPlan;
  snapshot: SnapshotToWrite;
}): Promise<void> {
  try {
    await write(plan, snapshot);
  } catch (error) {
    await markFailed(snapshot.id, error);
  }
}

async function write(plan: ExportPlan, snapshot: SnapshotToWrite): Promise<void> {
  const db = getDb();
  const reader = await openExportReader();
  let failure: unknown = undefined;
  let tempDir: string | null = null;

  try {
    await reader.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
      snapshotLockClass,
      snapshot.id,
    ]);

    const summary = await countExport(reader, plan);
    if (summary.rows === 0) {
      throw new ExportError("No annotations match these filters any more.");
    }
    if (plan.format === "parquet" && summary.rows > parquetMaxRows) {
      throw new ExportError(parquetTooLarge(summary.rows));
    }
    await db.datasetSnapshot.update({
      where: { id: snapshot.id },
      data: { rowsTotal: summary.rows },
    });

    const annotatorNames = await loadAnnotatorNames(reader, plan);
    const rows = loadExportRows({ reader, plan, annotatorNames });
    const statistics = createDatasetStatistics(plan.codebook);
    const sink = createChunkSink(snapshot.id);
    const mtime = snapshot.createdAt;
    const folder = snapshotFolderName(snapshot.name, snapshot.number);
    const format = getExportFormat(plan.format);
    const files: { path: string; description: string }[] = [];
    const progress = createProgress(snapshot.id);
    let formatNotes: string[] = [];
    let readmePrefix = "";

    const addFile = async (name: string, contents: Uint8Array | string) => {
      const bytes = typeof contents === "string" ? new TextEncoder().encode(contents) : contents;
      await sink.write(
        createTarHeader({ path: `${folder}/${name}`, size: bytes.byteLength, mtime }),
      );
      await sink.write(bytes);
      await sink.write(createTarPadding(bytes.byteLength));
    };

    if (plan.format === "parquet") {
      const documents: ExportDocument[] = [];
      const annotations: ExportAnnotation[] = [];
      for await (const entry of rows) {
        documents.push(entry.document);
        annotations.push(...entry.annotations);
        statistics.add(entry.document, entry.annotations);
        await progress.add(entry.annotations.length);
      }
      const [card, data] = serializeParquetDataset(
        { documents, annotations, codebook: plan.codebook },
        {
          name: snapshot.name,
          ...(snapshot.licence ? { license: snapshot.licence } : {}),
          description: `Annotations from the Framewise workspace “${plan.workspace.name}”, snapshot ${snapshot.number}.`,
        },
      );
      await addFile(parquetDataPath, data!.contents);
      files.push({
        path: parquetDataPath,
        description:
          "the annotated documents, one row per document with its spans (Hugging Face datasets layout)",
      });
      // The Hub reads README.md as the dataset card: its YAML header and column table come
      // first, the datasheet follows.
      readmePrefix = `${String(card!.contents).trimEnd()}\n\n---\n\n`;
    } else {
      tempDir = await mkdtemp(path.join(os.tmpdir(), "framewise-snapshot-"));
      const mainName = `annotations.${format.extension}`;
      const mainFile = path.join(tempDir, mainName);
      const writer = createFormatWriter(plan);
      const output = await createBufferedFile(mainFile);
      try {
        await output.write(writer.header());
        for await (const { document, annotations } of rows) {
          await output.write(writer.document(document, annotations));
          statistics.add(document, annotations);
          if (plan.format === "ptc-tsv") {
            // The PTC layout: offsets index these article files.
            await addFile(`articles/article${document.id}.txt`, document.text);
          }
          await progress.add(annotations.length);
        }
        await output.write(writer.footer());
      } finally {
        await output.close();
      }
      formatNotes = writer.notes();

      if (plan.format === "ptc-tsv") {
        files.push({
          path: "articles/",
          description: "one article<id>.txt per document, exactly the text the offsets index",
        });
      }
      files.push({ path: mainName, description: format.description });
      await sink.write(
        createTarHeader({ path: `${folder}/${mainName}`, size: output.size, mtime }),
      );
      for await (const chunk of createReadStream(mainFile, { highWaterMark: snapshotChunkBytes })) {
        await sink.write(chunk as Buffer);
      }
      await sink.write(createTarPadding(output.size));
    }

    files.push(
      { path: "README.md", description: "this datasheet" },
      {
        path: "codebook.json",
        description: "the codebook (Framewise codebook JSON, schemaVersion 1)",
      },
    );
    const datasheet = buildDatasheet({
      name: snapshot.name,
      number: snapshot.number,
      workspaceName: plan.workspace.name,
      createdAt: snapshot.createdAt,
      format,
      files,
      codebook: {
        key: plan.codebook.key,
        name: plan.codebook.name,
        version: plan.codebook.version,
        dimensions: plan.dimensionKeys,
      },
      filters: describeExportFilters(plan),
      pseudonymised: !plan.realNames,
      licence: snapshot.licence,
      consent: snapshot.consent,
      orphanedExcluded: summary.orphaned,
      statistics: statistics.finish(),
      formatNotes,
    });
    await addFile("README.md", `${readmePrefix}${datasheet}`);
    await addFile(
      "codebook.json",
      `${JSON.stringify({ schemaVersion: codebookSchemaVersion, ...plan.codebook.preset }, null, 2)}\n`,
    );
    await sink.write(createTarEnd());
    const { checksum, byteSize } = await sink.finish();

    // Only a snapshot still RUNNING becomes READY: one marked interrupted meanwhile stays
    // FAILED, and its chunks go.
    const { count } = await db.datasetSnapshot.updateMany({
      where: { id: snapshot.id, status: "RUNNING" },
      data: {
        status: "READY",
        checksum,
        byteSize,
        rowsDone: progress.done(),
        completedAt: new Date(),
        error: null,
      },
    });
    if (count === 0) {
      await db.datasetSnapshotChunk.deleteMany({ where: { snapshotId: snapshot.id } });
    }
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    await reader.close(failure);
    if (tempDir) {
      await rm(tempDir, { recursive: true, force: true });
    }
  }
}

async function markFailed(snapshotId: string, error: unknown): Promise<void> {
  const isExpected = error instanceof ExportError || error instanceof AppError;
  if (!isExpected) {
    console.error("[snapshot]", error);
  }
  const message = isExpected
    ? error.message
    : "The snapshot could not be written because of an error on our side. Try again; if it fails again, tell the workspace owner.";

  try {
    const db = getDb();
    await db.$transaction([
      db.datasetSnapshotChunk.deleteMany({ where: { snapshotId } }),
      db.datasetSnapshot.updateMany({
        where: { id: snapshotId, status: "RUNNING" },
        data: { status: "FAILED", error: message, completedAt: new Date() },
      }),
    ]);
  } catch (cleanupError) {
    // The snapshot stays RUNNING until listSnapshots finds its writer gone.
    console.error("[snapshot] could not mark the snapshot failed", cleanupError);
  }
}

export function parquetTooLarge(rows: number): string {
  return `Parquet snapshots are built in memory and hold at most ${parquetMaxRows.toLocaleString("en")} rows; these filters match ${rows.toLocaleString("en")}. Narrow the filters or choose JSONL or CSV.`;
}

// Bytes in, 256 KB rows out, with the SHA-256 and size of everything written.
function createChunkSink(snapshotId: string) {
  const db = getDb();
  const hash = createHash("sha256");
  let size = 0;
  let index = 0;
  let parts: Uint8Array[] = [];
  let buffered = 0;

  const store = async (data: Uint8Array) => {
    await db.datasetSnapshotChunk.create({
      data: { snapshotId, index, data: new Uint8Array(data) },
      select: { index: true },
    });
    index += 1;
  };

  return {
    async write(bytes: Uint8Array) {
      if (bytes.byteLength === 0) {
        return;
      }
      hash.update(bytes);
      size += bytes.byteLength;
      if (size > maxArchiveBytes) {
        throw new ExportError(
          "This snapshot would be larger than 2 GB, the most Framewise stores. Narrow the filters.",
        );
      }
      parts.push(bytes);
      buffered += bytes.byteLength;
      if (buffered < snapshotChunkBytes) {
        return;
      }

      const all = Buffer.concat(parts);
      let offset = 0;
      while (all.byteLength - offset >= snapshotChunkBytes) {
        await store(all.subarray(offset, offset + snapshotChunkBytes));
        offset += snapshotChunkBytes;
      }
      parts = offset < all.byteLength ? [all.subarray(offset)] : [];
      buffered = all.byteLength - offset;
    },
    async finish() {
      if (buffered > 0) {
        await store(Buffer.concat(parts));
        parts = [];
        buffered = 0;
      }
      return { checksum: hash.digest("hex"), byteSize: size };
    },
  };
}

// Strings to a temporary file in 256 KB writes, counting bytes (the tar header needs them).
async function createBufferedFile(file: string) {
  const handle: FileHandle = await open(file, "w");
  // Parts are encoded into chunks as they come (see chunk-encoder.ts), not joined into a
  // long string first.
  const encoder = createChunkEncoder(snapshotChunkBytes);
  let size = 0;

  const writeChunk = async (bytes: Uint8Array) => {
    size += bytes.byteLength;
    await handle.write(bytes);
  };

  return {
    async write(text: string) {
      for (const chunk of encoder.write(text)) {
        await writeChunk(chunk);
      }
    },
    async close() {
      const last = encoder.flush();
      if (last) {
        await writeChunk(last);
      }
      await handle.close();
    },
    get size() {
      return size;
    },
  };
}

function createProgress(snapshotId: string) {
  let done = 0;
  let lastWrite = Date.now();

  return {
    async add(rows: number) {
      done += rows;
      if (Date.now() - lastWrite < progressIntervalMs) {
        return;
      }
      lastWrite = Date.now();
      await getDb().datasetSnapshot.updateMany({
        where: { id: snapshotId, status: "RUNNING" },
        data: { rowsDone: done },
      });
    },
    done: () => done,
  };
}
