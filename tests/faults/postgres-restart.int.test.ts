import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { POST } from "@/app/api/v1/documents/[documentId]/annotations/route";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { createApiToken } from "@/lib/server/api-token/create-api-token";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { makeDocument, makeUser } from "@/tests/factories";

import { startOwnPostgres, type OwnPostgres } from "./own-postgres";

// 30 annotators keep saving highlights through the real route handler (API tokens, the
// Idempotency-Key and retry policy of the reader) while the database is stopped and
// started again. Afterwards every save that was answered 201 must be in the database,
// exactly once, and the app must have recovered without being restarted.

const annotators = 30;
const words = Array.from({ length: 300 }, (_, index) => `word${index}`);
const text = words.join(" ");
const spans = words.map((word) => {
  const start = text.indexOf(`${word} `) >= 0 ? text.indexOf(`${word} `) : text.lastIndexOf(word);
  return { start, end: start + word.length, exact: word };
});

let postgres: OwnPostgres;

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
let documentId: string;
let tokens: string[];

type Outcome = { status: number; ms: number; message?: string };
type Saved = { comment: string; id: string };

async function send(token: string, body: unknown, key: string): Promise<Outcome & { id?: string }> {
  const started = Date.now();
  const response = await POST(
    new Request(`http://localhost/api/v1/documents/${documentId}/annotations`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "idempotency-key": key,
      },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ documentId }) },
  );
  const json = (await response.json()) as {
    annotation?: { id: string };
    error?: { message: string };
  };
  return {
    status: response.status,
    ms: Date.now() - started,
    ...(json.annotation ? { id: json.annotation.id } : {}),
    ...(json.error ? { message: json.error.message } : {}),
  };
}

// What the reader does (lib/client/request-json.ts): one key per save, retried on 503 and
// on 409 "in progress" with short pauses, until the test's end.
async function annotate(
  index: number,
  run: { done: boolean },
  saved: Saved[],
  outcomes: Outcome[],
) {
  const token = tokens[index] ?? "";
  const giveUpAt = Date.now() + 90_000;
  for (let save = 0; !run.done; save += 1) {
    const span = spans[(index * 7 + save) % spans.length] ?? spans[0];
    const comment = `annotator ${index} save ${save}`;
    const key = randomUUID();
    while (Date.now() < giveUpAt) {
      const outcome = await send(token, { ...span, comment }, key);
      outcomes.push(outcome);
      if (outcome.status === 201 && outcome.id) {
        saved.push({ comment, id: outcome.id });
        break;
      }
      if (outcome.status !== 503 && outcome.status !== 409) {
        throw new Error(`Unexpected ${outcome.status}: ${outcome.message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  postgres = await startOwnPostgres();
  // Before the first query: this file's app code talks to its own server.
  process.env.DATABASE_URL = postgres.url;
  (globalThis as { framewisePrisma?: unknown }).framewisePrisma = undefined;
  expect(getEnv().DATABASE_URL).toBe(postgres.url);

  const owner = await makeUser("Owner");
  const workspace = await getDb().workspace.create({
    data: {
      name: "Restart class",
      kind: "CLASS",
      members: { create: { userId: owner.id, role: "OWNER" } },
    },
    select: { id: true },
  });
  documentId = (await makeDocument(owner.id, workspace.id, text)).id;
  // One hash for all: 30 argon2 hashes at once would only slow a loaded machine down.
  const passwordHash = await hashPassword(randomUUID());
  const people = await getDb().user.createManyAndReturn({
    data: Array.from({ length: annotators }, (_, index) => ({
      name: `Annotator ${index}`,
      email: `annotator-${index}-${randomUUID().slice(0, 8)}@example.org`,
      passwordHash,
    })),
    select: { id: true },
  });
  await getDb().membership.createMany({
    data: people.map((person) => ({
      userId: person.id,
      workspaceId: workspace.id,
      role: "ANNOTATOR" as const,
    })),
  });
  tokens = [];
  for (const person of people) {
    const created = await createApiToken({
      userId: person.id,
      input: createApiTokenSchema.parse({
        name: "restart",
        workspaceId: workspace.id,
        scope: "READ_WRITE",
      }),
    });
    tokens.push(created.secret);
  }
}, 180_000);

afterAll(async () => {
  await getDb()
    .$disconnect()
    .catch(() => undefined);
  await postgres.destroy();
}, 60_000);

describe("Postgres stopped and started again while 30 annotators save", () => {
  it("answers 503 fast while it is down, recovers by itself, and loses no acknowledged highlight", async () => {
    const saved: Saved[] = [];
    const outcomes: Outcome[] = [];
    const run = { done: false };

    const work = Promise.all(
      Array.from({ length: annotators }, (_, index) => annotate(index, run, saved, outcomes)),
    );

    // Stop the database once every annotator is saving, keep it down for 3 seconds, start
    // it again, and carry on until another round of saves has been acknowledged.
    await waitFor(() => saved.length >= annotators, 60_000);
    const savedBefore = saved.length;
    await postgres.stop();
    const stoppedAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const downOutcomes = outcomes.filter((outcome) => outcome.status === 503);
    await postgres.start();
    const restartedAt = Date.now();
    await waitFor(() => saved.length >= savedBefore + annotators * 2, 60_000);
    run.done = true;
    await work;

    const savedAfterRestart = saved.length - savedBefore;
    expect(savedBefore).toBeGreaterThan(0);
    expect(downOutcomes.length).toBeGreaterThan(0);
    expect(savedAfterRestart).toBeGreaterThan(0);
    // Refusals while the database is down are quick and say what to do.
    const unavailable = outcomes.filter((outcome) => outcome.status === 503);
    for (const outcome of unavailable) {
      expect(outcome.message).toMatch(/try again/i);
    }
    // How fast they come is logged below, not asserted: tests check correctness, not timing
    // (the pool gives up on a connection after 5 s; on a loaded machine a little more).
    expect(outcomes.every((outcome) => [201, 409, 503].includes(outcome.status))).toBe(true);

    // Every acknowledged save is there, exactly once.
    const rows = await getDb().annotation.findMany({
      where: { documentId },
      select: { id: true, comment: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row.comment]));
    for (const item of saved) {
      expect(byId.get(item.id)).toBe(item.comment);
    }
    const comments = rows.map((row) => row.comment);
    expect(new Set(comments).size).toBe(comments.length);

    console.log(
      `[faults] ${saved.length} saves acknowledged (${savedBefore} before the stop, ${savedAfterRestart} after), ` +
        `${unavailable.length} answered 503 (slowest ${Math.max(0, ...unavailable.map((outcome) => outcome.ms))} ms), ` +
        `database down ${restartedAt - stoppedAt} ms`,
    );
  }, 240_000);
});
