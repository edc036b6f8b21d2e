import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";

import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { createTempDir, runPython } from "@/lib/export/testing/run-python";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { createSnapshotSchema, type CreateSnapshotInput } from "@/lib/validations/export";
import { getLabelIds, makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { createSnapshot } from "./create-snapshot";
import { downloadSnapshot } from "./download-snapshot";
import { interruptedMessage, listSnapshots, snapshotStartGraceMs } from "./list-snapshots";
import { annotate, testBaseUrl } from "./testing/export-test-support";
import { snapshotChunkBytes, snapshotLockClass } from "./write-snapshot";

const text = "Fake 👍 news, critics say, spread fast.\n\nA second paragraph: critics say it again.";

// Python's tarfile lists the archive and returns the small text files.
const tarReader = String.raw`
import json, sys, tarfile
with tarfile.open(sys.argv[1], mode="r:") as archive:
    out = {}
    for member in archive.getmembers():
        data = archive.extractfile(member).read()
        out[member.name] = data.decode("utf-8") if member.size < 200000 else len(data)
print(json.dumps(out))
`;

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let labels: Record<string, string>;
let documentId: string;

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) {
    expect((error as AppError).message).toMatch(message);
  }
}

function input(values: Partial<CreateSnapshotInput> = {}) {
  return createSnapshotSchema.parse({
    name: "Class 9B framing",
    format: "jsonl",
    licence: "CC BY 4.0",
    consent: "Students agreed to share their annotations for teaching.",
    ...values,
  });
}

async function download(userId: string, workspaceId: string, snapshotId: string) {
  const result = await downloadSnapshot({ userId, workspaceId, snapshotId });
  return { ...result, bytes: new Uint8Array(await new Response(result.stream).arrayBuffer()) };
}

function readTar(bytes: Uint8Array) {
  const file = path.join(createTempDir("fw-snapshot-"), "snapshot.tar");
  writeFileSync(file, bytes);
  return runPython(tarReader, [file]) as Record<string, string | number>;
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  labels = await getLabelIds(ctx.workspace.id);
  documentId = (await makeDocument(ctx.owner.id, ctx.workspace.id, text, "Snapshot article")).id;

  // Two annotators on the same passages, so the datasheet has agreement figures.
  for (const userId of [ctx.annotator.id, ctx.editor.id]) {
    await annotate({
      userId,
      documentId,
      text,
      phrase: "news",
      labelIds: [labels["framing:Loaded_Language"] as string],
    });
    await annotate({
      userId,
      documentId,
      text,
      phrase: "critics say",
      labelIds: [labels["sourcing:vague_attribution"] as string],
    });
  }
});

describe("dataset snapshots", () => {
  it("numbers snapshots, writes them in the background and serves the same bytes after annotations change", async () => {
    const created = await createSnapshot({
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
      input: input(),
      baseUrl: testBaseUrl,
    });
    expect(created.snapshot).toMatchObject({
      status: "RUNNING",
      rowsTotal: 4,
      pseudonymised: true,
    });
    await expectAppError(
      downloadSnapshot({
        userId: ctx.editor.id,
        workspaceId: ctx.workspace.id,
        snapshotId: created.snapshot.id,
      }),
      "CONFLICT",
      /still being written/,
    );
    await created.write();

    const [listed] = await listSnapshots({ userId: ctx.editor.id, workspaceId: ctx.workspace.id });
    expect(listed).toMatchObject({
      id: created.snapshot.id,
      status: "READY",
      rowsDone: 4,
      rowsTotal: 4,
      error: null,
    });

    const first = await download(ctx.editor.id, ctx.workspace.id, created.snapshot.id);
    expect(first.fileName).toBe(`class-9b-framing-snapshot-${created.snapshot.number}.tar`);
    expect(first.bytes.byteLength).toBe(listed?.byteSize);
    expect(createHash("sha256").update(first.bytes).digest("hex")).toBe(listed?.checksum);

    const files = readTar(first.bytes);
    const folder = `class-9b-framing-snapshot-${created.snapshot.number}`;
    expect(Object.keys(files)).toEqual([
      `${folder}/annotations.jsonl`,
      `${folder}/README.md`,
      `${folder}/codebook.json`,
    ]);
    const readme = String(files[`${folder}/README.md`]);
    expect(readme).toContain("# Class 9B framing");
    expect(readme).toContain("1 document; 4 highlights in 4 rows");
    expect(readme).toContain("2 annotators, pseudonymised");
    expect(readme).toContain("“Newsroom review”, key `newsroom-review`, version 1");
    expect(readme).toContain("Unicode code points, end exclusive");
    expect(readme).toContain("CC BY 4.0");
    expect(readme).toContain("Students agreed to share");
    // Both annotators marked the same spans with the same labels: perfect agreement.
    expect(readme).toMatch(
      /\| Framing technique \| 1 \| 2 \| 2 \| 1\.000 \(n = 1; 1\.000–1\.000\) \| 1\.000/,
    );
    expect(readme).not.toContain(ctx.editor.name);
    const codebook = JSON.parse(String(files[`${folder}/codebook.json`])) as {
      schemaVersion: number;
      key: string;
    };
    expect(codebook).toMatchObject({ schemaVersion: 1, key: "newsroom-review" });
    expect(String(files[`${folder}/annotations.jsonl`]).trim().split("\n")).toHaveLength(1);

    // The data moves on; the snapshot does not.
    const extra = await annotate({
      userId: ctx.annotator.id,
      documentId,
      text,
      phrase: "spread fast",
      labelIds: [labels["accuracy:misleading"] as string],
    });
    const [firstAnnotation] = await getDb().annotation.findMany({
      where: { documentId, authorId: ctx.annotator.id, id: { not: extra.id } },
      select: { id: true },
    });
    await deleteAnnotation({ userId: ctx.annotator.id, annotationId: firstAnnotation!.id });

    const again = await download(ctx.owner.id, ctx.workspace.id, created.snapshot.id);
    expect(again.bytes).toEqual(first.bytes);
    expect(again.checksum).toBe(first.checksum);

    const second = await createSnapshot({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      input: input({ name: "Second", format: "csv" }),
      baseUrl: testBaseUrl,
    });
    expect(second.snapshot.number).toBe(created.snapshot.number + 1);
    await second.write();
    const secondBytes = await download(ctx.owner.id, ctx.workspace.id, second.snapshot.id);
    expect(secondBytes.checksum).not.toBe(first.checksum);
  });

  it("stores large archives in 256 KB chunks and Parquet with its dataset card", async () => {
    // Words that do not repeat, so Parquet's compression cannot shrink them below a chunk.
    const words = Array.from({ length: 60_000 }, (_, index) =>
      ((index * 2_654_435_761) % 1_000_003).toString(36),
    );
    const long = `${words.join(" ")} 🔹 The end.`;
    const big = await makeDocument(ctx.owner.id, ctx.workspace.id, long, "Long article");
    await annotate({
      userId: ctx.annotator.id,
      documentId: big.id,
      text: long,
      phrase: "The end.",
      labelIds: [labels["framing:Doubt"] as string],
    });

    const created = await createSnapshot({
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
      input: input({ name: "Big parquet", format: "parquet", filters: { documentIds: [big.id] } }),
      baseUrl: testBaseUrl,
    });
    await created.write();

    const chunks = await getDb().datasetSnapshotChunk.findMany({
      where: { snapshotId: created.snapshot.id },
      orderBy: { index: "asc" },
      select: { index: true, data: true },
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.slice(0, -1).every((chunk) => chunk.data.byteLength === snapshotChunkBytes)).toBe(
      true,
    );

    const { bytes } = await download(ctx.editor.id, ctx.workspace.id, created.snapshot.id);
    const files = readTar(bytes);
    const folder = `big-parquet-snapshot-${created.snapshot.number}`;
    expect(Object.keys(files).sort()).toEqual(
      [
        `${folder}/README.md`,
        `${folder}/codebook.json`,
        `${folder}/data/train-00000-of-00001.parquet`,
      ].sort(),
    );
    const readme = String(files[`${folder}/README.md`]);
    expect(readme.startsWith("---\npretty_name:")).toBe(true);
    expect(readme).toContain("## Agreement");
  });

  it("marks a snapshot that cannot be written FAILED, with a message and no chunks", async () => {
    const own = await makeWorkspaceWithRoles();
    const ownLabels = await getLabelIds(own.workspace.id);
    const document = await makeDocument(own.owner.id, own.workspace.id, text, "Broken");
    const annotation = await annotate({
      userId: own.editor.id,
      documentId: document.id,
      text,
      phrase: "news",
      labelIds: [ownLabels["framing:Loaded_Language"] as string],
    });
    const created = await createSnapshot({
      userId: own.editor.id,
      workspaceId: own.workspace.id,
      input: input({ name: "Broken" }),
      baseUrl: testBaseUrl,
    });

    // The stored quote no longer matches the text at its offsets: the adapter refuses it.
    await getDb().annotation.update({
      where: { id: annotation.id },
      data: { exact: "nows" },
    });
    await created.write();

    const [failed] = await listSnapshots({ userId: own.editor.id, workspaceId: own.workspace.id });
    expect(failed).toMatchObject({ status: "FAILED", checksum: null, byteSize: null });
    expect(failed?.error).toMatch(/the quote "nows" does not match the text/);
    expect(
      await getDb().datasetSnapshotChunk.count({ where: { snapshotId: created.snapshot.id } }),
    ).toBe(0);
    await expectAppError(
      downloadSnapshot({
        userId: own.editor.id,
        workspaceId: own.workspace.id,
        snapshotId: created.snapshot.id,
      }),
      "CONFLICT",
      /failed, so there is nothing to download/,
    );
  });

  it("marks RUNNING snapshots whose writer is gone as interrupted, and leaves live ones alone", async () => {
    const own = await makeWorkspaceWithRoles();
    const old = new Date(Date.now() - snapshotStartGraceMs - 60_000);
    const [dead, alive] = await Promise.all(
      [1, 2].map((number) =>
        getDb().datasetSnapshot.create({
          data: {
            workspaceId: own.workspace.id,
            number,
            name: `Run ${number}`,
            format: "jsonl",
            filters: {},
            createdAt: old,
            rowsTotal: 10,
            chunks: { create: [{ index: 0, data: new Uint8Array([1, 2, 3]) }] },
          },
          select: { id: true },
        }),
      ),
    );

    // A live writer holds its lock on another connection.
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [
        snapshotLockClass,
        alive!.id,
      ]);

      const listed = await listSnapshots({ userId: own.owner.id, workspaceId: own.workspace.id });
      expect(listed.find((item) => item.id === dead!.id)).toMatchObject({
        status: "FAILED",
        error: interruptedMessage,
      });
      expect(listed.find((item) => item.id === alive!.id)).toMatchObject({ status: "RUNNING" });
      expect(await getDb().datasetSnapshotChunk.count({ where: { snapshotId: dead!.id } })).toBe(0);
      expect(await getDb().datasetSnapshotChunk.count({ where: { snapshotId: alive!.id } })).toBe(
        1,
      );
    } finally {
      await writer.query("ROLLBACK");
      await writer.end();
    }
  });

  it("keeps snapshots to editors: viewers are forbidden, outsiders get not found, real names are the owner's", async () => {
    const [snapshot] = await listSnapshots({ userId: ctx.owner.id, workspaceId: ctx.workspace.id });
    const snapshotId = snapshot!.id;

    await expectAppError(
      listSnapshots({ userId: ctx.outsider.id, workspaceId: ctx.workspace.id }),
      "NOT_FOUND",
    );
    await expectAppError(
      downloadSnapshot({ userId: ctx.outsider.id, workspaceId: ctx.workspace.id, snapshotId }),
      "NOT_FOUND",
    );
    await expectAppError(
      downloadSnapshot({
        userId: ctx.outsider.id,
        workspaceId: ctx.otherWorkspace.id,
        snapshotId,
      }),
      "NOT_FOUND",
      /snapshot was not found/,
    );
    await expectAppError(
      listSnapshots({ userId: ctx.viewer.id, workspaceId: ctx.workspace.id }),
      "FORBIDDEN",
    );
    await expectAppError(
      createSnapshot({
        userId: ctx.annotator.id,
        workspaceId: ctx.workspace.id,
        input: input(),
        baseUrl: testBaseUrl,
      }),
      "FORBIDDEN",
    );
    await expectAppError(
      createSnapshot({
        userId: ctx.editor.id,
        workspaceId: ctx.workspace.id,
        input: input({ realNames: true }),
        baseUrl: testBaseUrl,
      }),
      "FORBIDDEN",
      /Only the workspace owner/,
    );
    await expectAppError(
      createSnapshot({
        userId: ctx.editor.id,
        workspaceId: ctx.workspace.id,
        input: input({ filters: { origins: ["suggestion"] } }),
        baseUrl: testBaseUrl,
      }),
      "INVALID_INPUT",
      /^No annotations match these filters/,
    );

    const named = await createSnapshot({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      input: input({ name: "Named", realNames: true }),
      baseUrl: testBaseUrl,
    });
    await named.write();
    const { bytes } = await download(ctx.owner.id, ctx.workspace.id, named.snapshot.id);
    const files = readTar(bytes);
    const readme = String(files[`named-snapshot-${named.snapshot.number}/README.md`]);
    expect(readme).toContain("under their real names");
    expect(readme).toContain(ctx.editor.name);
    expect(named.snapshot.pseudonymised).toBe(false);
  });
});
