import type * as NextServer from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { POST } from "@/app/api/v1/workspaces/[workspaceId]/snapshots/route";
import { getDb } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/api-token/create-api-token";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { getLabelIds, makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { annotate } from "./testing/export-test-support";

// Snapshot writing continues after the response; outside a request there is no "after",
// so the test keeps the writes and waits for them.
const writes = vi.hoisted(() => [] as Promise<unknown>[]);
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (work: Promise<unknown>) => void writes.push(work),
}));

const text = "Critics say the plan spread fast. Critics say it again, and again.";
const rounds = Number(process.env.SNAPSHOT_ROUNDS ?? 8);
const atOnce = 3;

let workspaceId: string;
let token: string;

beforeAll(async () => {
  const ctx = await makeWorkspaceWithRoles();
  workspaceId = ctx.workspace.id;
  const labels = await getLabelIds(workspaceId);
  const documentId = (await makeDocument(ctx.owner.id, workspaceId, text)).id;
  await annotate({
    userId: ctx.editor.id,
    documentId,
    text,
    phrase: "Critics say",
    labelIds: [labels["sourcing:vague_attribution"] as string],
  });
  const created = await createApiToken({
    userId: ctx.editor.id,
    input: createApiTokenSchema.parse({ name: "snapshots", workspaceId, scope: "READ_WRITE" }),
  });
  token = created.secret;
});

async function createOne(name: string) {
  const response = await POST(
    new Request(`http://localhost/api/v1/workspaces/${workspaceId}/snapshots`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        name,
        format: "jsonl",
        licence: "CC BY 4.0",
        consent: "Students agreed.",
      }),
    }),
    { params: Promise.resolve({ workspaceId }) },
  );
  const body = (await response.json()) as {
    snapshot?: { number: number };
    error?: { message: string };
  };
  return { status: response.status, number: body.snapshot?.number, message: body.error?.message };
}

describe("snapshots saved at the same time in one workspace", () => {
  it("each get their own number, or a clear answer to retry; never a 500", async () => {
    const outcomes: Awaited<ReturnType<typeof createOne>>[] = [];
    // Three editors each save snapshot after snapshot, all at the same time, while the
    // archives of the earlier ones are still being written.
    await Promise.all(
      Array.from({ length: atOnce }, async (_, person) => {
        for (let round = 0; round < rounds; round += 1) {
          outcomes.push(await createOne(`Person ${person} save ${round}`));
        }
      }),
    );
    await Promise.all(writes);

    const unexpected = outcomes.filter((outcome) => ![202, 409, 503].includes(outcome.status));
    expect(unexpected).toEqual([]);
    for (const outcome of outcomes.filter((item) => item.status !== 202)) {
      expect(outcome.message).toMatch(/try again/i);
    }

    const created = outcomes.filter((outcome) => outcome.status === 202);
    expect(created.length).toBeGreaterThan(0);
    const numbers = created.map((outcome) => outcome.number);
    expect(new Set(numbers).size).toBe(numbers.length);

    const rows = await getDb().datasetSnapshot.findMany({
      where: { workspaceId },
      select: { number: true, status: true, error: true },
      orderBy: { number: "asc" },
    });
    expect(rows.map((row) => row.number)).toEqual(
      Array.from({ length: created.length }, (_, index) => index + 1),
    );
    console.log(
      `[snapshots] ${outcomes.length} saves: ${created.length} created, ` +
        `${outcomes.length - created.length} asked to retry; ` +
        `statuses ${rows.map((row) => row.status).join(",")}`,
    );
  }, 120_000);
});
