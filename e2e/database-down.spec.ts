import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";

import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/client";
import { databaseUnavailableMessage } from "@/lib/http/database-unavailable-page";

import { startNextServer, type NextServer } from "../scripts/lib/next-server";
import { startOwnPostgres, type OwnPostgres } from "../tests/faults/own-postgres";

import { signInViaApi } from "./support/auth";

// A second `next start` from the same build, on a Postgres of this file's own that it stops
// and starts again: while the database is down a page answers 503 with a clear message and
// Retry-After (not the error page with 500), and once it is back the same page answers 200
// from the same process, never restarted.

let postgres: OwnPostgres;
let server: NextServer;
let api: APIRequestContext;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await startOwnPostgres();
  const db = createPrismaClient(postgres.url);
  const password = "database down 123";
  const user = await db.user.create({
    data: {
      name: "Down Reader",
      email: "down-reader@example.org",
      passwordHash: await hashPassword(password),
    },
    select: { email: true },
  });
  await db.$disconnect();

  server = await startNextServer({
    env: {
      DATABASE_URL: postgres.url,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
      FRAMEWISE_DIST_DIR: process.env.FRAMEWISE_DIST_DIR,
    },
  });
  api = await playwrightRequest.newContext({ baseURL: server.url });
  await signInViaApi(api, user.email, password);
});

test.afterAll(async () => {
  await api?.dispose();
  await server?.stop();
  await postgres?.destroy();
});

// A hang would be a failure too: the page must answer rather than wait on the database.
const answerWithinMs = 10_000;

async function load(path: string) {
  const started = Date.now();
  const response = await api.get(path, { timeout: answerWithinMs, maxRedirects: 0 });
  return { response, ms: Date.now() - started, body: await response.text() };
}

test("[faults] while Postgres is down a page answers 503 with a message and Retry-After; it serves 200 again once Postgres is back, without a restart", async () => {
  test.setTimeout(120_000);

  const before = await load("/workspaces");
  expect(before.response.status()).toBe(200);

  await postgres.stop();

  const down = await load("/workspaces");
  expect(down.response.status()).toBe(503);
  expect(down.response.headers()["retry-after"]).toMatch(/^\d+$/);
  expect(down.response.headers()["content-type"]).toContain("text/html");
  expect(down.body).toContain(databaseUnavailableMessage);
  // Other pages too, and again (from the cached state, not one lucky probe).
  for (const path of ["/", "/sign-in", "/workspaces"]) {
    const again = await load(path);
    expect(again.response.status(), path).toBe(503);
  }

  await postgres.start();

  const statuses: number[] = [];
  await expect
    .poll(
      async () => {
        const { response } = await load("/workspaces");
        statuses.push(response.status());
        return response.status();
      },
      { timeout: 30_000, intervals: [250, 500, 1_000] },
    )
    .toBe(200);
  // Until the probe saw the database back, pages kept answering 503, never the error page.
  expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);

  console.log(
    `[faults] first page while down answered 503 in ${down.ms} ms; back to 200 after ${statuses.length} tries`,
  );
});

test("[faults] a database lost with no idle connection to notice it: the page that fails tells the others, which answer 503", async () => {
  test.setTimeout(120_000);

  expect((await load("/workspaces")).response.status()).toBe(200);
  // The pool closes idle connections after 10 s (pg's default): then nothing hears Postgres
  // shut down, and only the next page's failed query can tell (instrumentation.ts).
  await new Promise((resolve) => setTimeout(resolve, 12_000));
  await postgres.stop();

  const first = await load("/workspaces");
  expect([500, 503]).toContain(first.response.status());
  const next = await load("/workspaces");
  expect(next.response.status()).toBe(503);
  expect(next.body).toContain(databaseUnavailableMessage);

  await postgres.start();
  await expect
    .poll(async () => (await load("/workspaces")).response.status(), {
      timeout: 30_000,
      intervals: [250, 500, 1_000],
    })
    .toBe(200);
  console.log(`[faults] unnoticed loss: the first page answered ${first.response.status()}`);
});
