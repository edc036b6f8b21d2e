import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import * as documentRoute from "@/app/api/v1/documents/[documentId]/route";
import { errorResponseSchema } from "@/lib/api/schemas";
import { toAppError } from "@/lib/errors/app-error";
import { makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { createPrismaClient, defaultStatementTimeoutMs, getDb } from "./client";

// A statement that runs too long is cancelled by Postgres (statement_timeout on every
// pooled connection) and the request answers 503 "try again" instead of hanging.

const session = vi.hoisted(() => ({
  user: null as { id: string; name: string; email: string } | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: vi.fn(() => Promise.resolve(session.user)),
}));

const url = process.env.DATABASE_URL!;
const quick = createPrismaClient(url, { statementTimeoutMs: 300 });
let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let document: { id: string };

beforeAll(async () => {
  // Open the pool before the factories' parallel transactions (slow on a loaded machine).
  await getDb().$queryRaw`SELECT 1`;
  ctx = await makeWorkspaceWithRoles();
  document = await makeDocument(ctx.owner.id, ctx.workspace.id, "A locked article.");
});

afterAll(async () => {
  await quick.$disconnect();
});

describe("statement timeout", () => {
  it("is on by default, and a slow statement becomes a 503 with a message", async () => {
    expect(defaultStatementTimeoutMs).toBeGreaterThan(0);
    const error = await quick.$queryRaw`SELECT pg_sleep(2)`.then(
      () => null,
      (caught: unknown) => caught,
    );
    const appError = toAppError(error);
    expect(appError.code).toBe("UNAVAILABLE");
    expect(appError.status).toBe(503);
    expect(appError.message).toMatch(/took too long.*try again/i);
  });

  it("cuts off a route whose query waits on a lock, answering 503 JSON", async () => {
    session.user = { id: ctx.viewer.id, name: "Viewer", email: "v@example.org" };

    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    const global = globalThis as unknown as { framewisePrisma?: unknown };
    const previous = global.framewisePrisma;
    global.framewisePrisma = quick;
    try {
      await holder.query("BEGIN");
      await holder.query('LOCK TABLE "Document" IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const response = await documentRoute.GET(
        new Request(`http://localhost/api/v1/documents/${document.id}`),
        { params: Promise.resolve({ documentId: document.id }) },
      );
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("2");
      const body = errorResponseSchema.parse(await response.json());
      expect(body.error.message).toMatch(/took too long/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await holder.query("ROLLBACK");
      await holder.end();
      global.framewisePrisma = previous;
    }
  });
});
