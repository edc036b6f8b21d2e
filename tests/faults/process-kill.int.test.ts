import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import {
  interruptedMessage,
  listSnapshots,
  snapshotStartGraceMs,
} from "@/lib/server/export/list-snapshots";
import { hashText } from "@/lib/text/hash-text";
import { makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

// The app process killed with SIGKILL in the middle of a long job. A child process runs the
// job through the real server functions (tests/faults/crash-worker.ts); once it says it is
// under way it is killed, and what it left behind is checked.

const worker = path.resolve(import.meta.dirname, "crash-worker.ts");
let child: ChildProcess | null = null;

function startWorker(mode: "import" | "snapshot", userId: string, workspaceId: string) {
  const started = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", worker, mode, userId, workspaceId],
    { env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] },
  );
  child = started;
  let output = "";
  started.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  started.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    started.once("exit", (_code, signal) => resolve(signal)),
  );
  return {
    exited,
    output: () => output,
    async waitFor(pattern: RegExp, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (Date.now() > deadline || started.exitCode !== null) {
          throw new Error(`The worker never printed ${pattern}:\n${output}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return pattern.exec(output);
    },
  };
}

afterEach(() => {
  if (child && child.exitCode === null) {
    child.kill("SIGKILL");
  }
  child = null;
});

describe("the app process killed with SIGKILL", () => {
  it("during a bulk import: every saved row is whole, and nothing half-written is visible", async () => {
    const { editor, workspace } = await makeWorkspaceWithRoles();
    const run = startWorker("import", editor.id, workspace.id);

    await run.waitFor(/batch 0 saved/);
    await new Promise((resolve) => setTimeout(resolve, 150));
    child?.kill("SIGKILL");
    await expect(run.exited).resolves.toBe("SIGKILL");

    const documents = await getDb().document.findMany({
      where: { workspaceId: workspace.id },
      select: { id: true, title: true, text: true, textHash: true },
    });
    expect(documents.length).toBeGreaterThanOrEqual(25);
    const audited = new Set(
      (
        await getDb().auditEvent.findMany({
          where: { workspaceId: workspace.id, action: "document.create" },
          select: { entityId: true },
        })
      ).map((event) => event.entityId),
    );
    for (const document of documents) {
      const row = document.title.replace("Bulk ", "");
      expect(document.text.endsWith(`Row ${row}.`)).toBe(true);
      expect(document.textHash).toBe(hashText(document.text));
      expect(audited.has(document.id)).toBe(true);
    }
  }, 120_000);

  it("during a snapshot export: the snapshot shows as failed, with no chunks left to download", async () => {
    const { owner, workspace } = await makeWorkspaceWithRoles();
    const text = "The minister hailed a historic victory for ordinary families. ".repeat(50);
    const document = await makeDocument(owner.id, workspace.id, text);
    // Enough highlights that writing the archive takes a while.
    await getDb().annotation.createMany({
      data: Array.from({ length: 6_000 }, (_, index) => ({
        documentId: document.id,
        authorId: owner.id,
        documentVersion: 1,
        start: 22,
        end: 38,
        exact: "historic victory",
        prefix: "The minister hailed a ",
        suffix: " for ordinary families.",
        comment: `Highlight ${index}: ${"a long note about framing. ".repeat(20)}`,
      })),
    });
    const run = startWorker("snapshot", owner.id, workspace.id);

    const match = await run.waitFor(/running (\S+)/);
    child?.kill("SIGKILL");
    await expect(run.exited).resolves.toBe("SIGKILL");
    expect(run.output()).not.toMatch(/finished/);
    const snapshotId = match?.[1] ?? "";

    // Killed mid-write: still RUNNING in the table, but its writer's lock is gone with it.
    const left = await getDb().datasetSnapshot.findUniqueOrThrow({
      where: { id: snapshotId },
      select: { status: true },
    });
    expect(left.status).toBe("RUNNING");

    // Past the start-up grace period, the next listing marks it failed and drops its chunks.
    await getDb().datasetSnapshot.update({
      where: { id: snapshotId },
      data: { createdAt: new Date(Date.now() - snapshotStartGraceMs - 1_000) },
    });
    // Postgres ends the dead process's connection (and frees its lock) only once it notices
    // the socket closed, which can take a moment on a busy machine: ask again until then.
    await expect
      .poll(
        async () =>
          (await listSnapshots({ userId: owner.id, workspaceId: workspace.id })).find(
            (snapshot) => snapshot.id === snapshotId,
          ),
        { timeout: 20_000, interval: 500 },
      )
      .toMatchObject({ status: "FAILED", error: interruptedMessage });
    await expect(getDb().datasetSnapshotChunk.count({ where: { snapshotId } })).resolves.toBe(0);
  }, 120_000);
});
