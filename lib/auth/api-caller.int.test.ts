import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { apiErrorResponse } from "@/lib/api/api-error-response";
import { ApiRateLimitError } from "@/lib/api/rate-limit";
import { getDb } from "@/lib/db/client";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { generateApiTokenSecret } from "@/lib/server/api-token/api-token-secret";
import { countApiRequest } from "@/lib/server/api-token/count-api-request";
import { createApiToken } from "@/lib/server/api-token/create-api-token";
import { revokeApiToken } from "@/lib/server/api-token/revoke-api-token";
import { createAnnotationSchema } from "@/lib/validations/annotation";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { requireApiCaller } from "./api-caller";

// Route handlers read the next-auth session from the request scope, which tests do not
// have; the session side is replaced, the token side runs for real.
const session = vi.hoisted(() => ({
  user: null as { id: string; name: string; email: string } | null,
}));
vi.mock("./session", () => ({ getSessionUser: vi.fn(() => Promise.resolve(session.user)) }));

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let documentId: string;
let otherDocumentId: string;
let annotationId: string;
let deletedAnnotationId: string;

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  documentId = (await makeDocument(ctx.owner.id, ctx.workspace.id, "The minister spoke.")).id;
  otherDocumentId = (await makeDocument(ctx.outsider.id, ctx.otherWorkspace.id, "Elsewhere.")).id;
  const span = createAnnotationSchema.parse({ start: 4, end: 12, exact: "minister" });
  annotationId = (await createAnnotation({ userId: ctx.annotator.id, documentId, input: span })).id;
  deletedAnnotationId = (
    await createAnnotation({ userId: ctx.annotator.id, documentId, input: span })
  ).id;
  await deleteAnnotation({ userId: ctx.annotator.id, annotationId: deletedAnnotationId });
});

beforeEach(() => {
  session.user = null;
});

async function makeToken(
  userId: string,
  scope: "READ" | "READ_WRITE",
  workspaceId = ctx.workspace.id,
) {
  return createApiToken({
    userId,
    input: createApiTokenSchema.parse({ name: "test", workspaceId, scope }),
  });
}

function requestWith(secret: string | null, header = secret ? `Bearer ${secret}` : null) {
  return new Request("http://localhost/api/v1/anything", {
    headers: header ? { authorization: header } : {},
  });
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; status: number };
  }
  throw new Error("expected a failure");
}

describe("requireApiCaller", () => {
  it("accepts a valid token and says whose and for which workspace", async () => {
    const { token, secret } = await makeToken(ctx.annotator.id, "READ");
    await expect(
      requireApiCaller(requestWith(secret), { write: false, workspaceId: ctx.workspace.id }),
    ).resolves.toEqual({
      userId: ctx.annotator.id,
      via: "token",
      tokenId: token.id,
      tokenWorkspaceId: ctx.workspace.id,
    });
  });

  it("answers 401 for an unknown token, a malformed header, or nothing at all", async () => {
    const unknown = await failure(
      requireApiCaller(requestWith(generateApiTokenSecret()), { write: false }),
    );
    expect(unknown).toMatchObject({ code: "UNAUTHORIZED", status: 401 });
    expect(unknown.message).toMatch(/not valid/);

    const notOurs = await failure(requireApiCaller(requestWith("ghp_abc"), { write: false }));
    expect(notOurs.message).toMatch(/not a Framewise API token/);

    const basic = await failure(
      requireApiCaller(requestWith(null, "Basic dXNlcjpwYXNz"), { write: false }),
    );
    expect(basic.message).toMatch(/Authorization: Bearer fw_/);

    const anonymous = await failure(requireApiCaller(requestWith(null), { write: false }));
    expect(anonymous).toMatchObject({ code: "UNAUTHORIZED" });
    expect(anonymous.message).toMatch(/Sign in, or send a personal API token/);
  });

  it("says when a token was revoked", async () => {
    const { token, secret } = await makeToken(ctx.annotator.id, "READ_WRITE");
    await revokeApiToken({
      userId: ctx.annotator.id,
      tokenId: token.id,
      now: new Date("2026-02-03T04:05:00.000Z"),
    });

    const error = await failure(requireApiCaller(requestWith(secret), { write: false }));
    expect(error).toMatchObject({ code: "UNAUTHORIZED" });
    expect(error.message).toBe(
      "This API token was revoked on 2026-02-03 04:05 UTC. Create a new one in Settings → API tokens.",
    );
  });

  it("says when a token expired, and accepts it until then", async () => {
    const { token, secret } = await makeToken(ctx.annotator.id, "READ");
    const soon = new Date(Date.now() + 60_000);
    await getDb().apiToken.update({ where: { id: token.id }, data: { expiresAt: soon } });
    await expect(requireApiCaller(requestWith(secret), { write: false })).resolves.toMatchObject({
      via: "token",
    });

    const past = new Date("2026-01-02T03:04:59.000Z");
    await getDb().apiToken.update({ where: { id: token.id }, data: { expiresAt: past } });
    const error = await failure(requireApiCaller(requestWith(secret), { write: false }));
    expect(error).toMatchObject({ code: "UNAUTHORIZED" });
    expect(error.message).toMatch(/^This API token expired on 2026-01-02 03:04 UTC\./);
  });

  it("refuses a READ token for writes with 403, and lets a READ_WRITE token write", async () => {
    const read = await makeToken(ctx.annotator.id, "READ");
    const error = await failure(
      requireApiCaller(requestWith(read.secret), { write: true, documentId }),
    );
    expect(error).toMatchObject({ code: "FORBIDDEN", status: 403 });
    expect(error.message).toMatch(/read-only \(scope READ\)/);

    const write = await makeToken(ctx.annotator.id, "READ_WRITE");
    await expect(
      requireApiCaller(requestWith(write.secret), { write: true, documentId }),
    ).resolves.toMatchObject({ userId: ctx.annotator.id });
  });

  it("answers 404 for another workspace's resources, by workspace, document or highlight id", async () => {
    // The outsider's token belongs to their own workspace; the same person is also
    // added to Class 9B, so only the token's scope stands in the way.
    const { secret } = await makeToken(ctx.outsider.id, "READ_WRITE", ctx.otherWorkspace.id);
    await getDb().membership.create({
      data: { userId: ctx.outsider.id, workspaceId: ctx.workspace.id, role: "EDITOR" },
    });

    try {
      for (const [options, what] of [
        [{ workspaceId: ctx.workspace.id }, "This workspace"],
        [{ documentId }, "This document"],
        [{ annotationId }, "This highlight"],
        [{ annotationId: deletedAnnotationId }, "This highlight"],
      ] as const) {
        const error = await failure(
          requireApiCaller(requestWith(secret), { write: false, ...options }),
        );
        expect(error).toMatchObject({ code: "NOT_FOUND", status: 404 });
        expect(error.message).toBe(`${what} was not found, or you do not have access to it.`);
      }

      // A write with the wrong workspace is "not found" too, never "forbidden".
      const write = await failure(
        requireApiCaller(requestWith(secret), { write: true, documentId }),
      );
      expect(write).toMatchObject({ code: "NOT_FOUND" });

      await expect(
        requireApiCaller(requestWith(secret), { write: false, documentId: otherDocumentId }),
      ).resolves.toMatchObject({ tokenWorkspaceId: ctx.otherWorkspace.id });
    } finally {
      await getDb().membership.deleteMany({
        where: { userId: ctx.outsider.id, workspaceId: ctx.workspace.id },
      });
    }
  });

  it("records lastUsedAt, at most once a minute", async () => {
    const { token, secret } = await makeToken(ctx.viewer.id, "READ");
    await requireApiCaller(requestWith(secret), { write: false });
    const first = await getDb().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(first.lastUsedAt).toBeInstanceOf(Date);

    await requireApiCaller(requestWith(secret), { write: false });
    const second = await getDb().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(second.lastUsedAt?.getTime()).toBe(first.lastUsedAt?.getTime());

    const earlier = new Date(Date.now() - 5 * 60_000);
    await getDb().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: earlier } });
    await requireApiCaller(requestWith(secret), { write: false });
    const third = await getDb().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(third.lastUsedAt?.getTime()).toBeGreaterThan(earlier.getTime() + 60_000);
  });

  it("falls back to the session cookie, and skips token-only checks for it", async () => {
    session.user = { id: ctx.viewer.id, name: "Viewer", email: "v@example.org" };
    await expect(
      requireApiCaller(requestWith(null), { write: true, documentId: otherDocumentId }),
    ).resolves.toEqual({ userId: ctx.viewer.id, via: "session" });
  });

  it("counts requests per token in a fixed window kept in Postgres", async () => {
    const { token, secret } = await makeToken(ctx.editor.id, "READ");
    await requireApiCaller(requestWith(secret), { write: false });
    await requireApiCaller(requestWith(secret), { write: false });
    const row = await getDb().signInThrottle.findUniqueOrThrow({
      where: { key: `api:token:${token.id}` },
    });
    expect(row.failures).toBe(2);
  });

  it("refuses request number limit + 1 with 429 and Retry-After, then reopens after the window", async () => {
    const key = `api:test:${Date.now()}`;
    const limit = 3;
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => countApiRequest({ key, limit, windowSeconds: 60 })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    const refused = results.find((result) => result.status === "rejected");
    const error = (refused as PromiseRejectedResult).reason as ApiRateLimitError;
    expect(error).toBeInstanceOf(ApiRateLimitError);
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(error.message).toMatch(/Too many API requests: the limit is 600 per 60 seconds/);

    const response = apiErrorResponse(error);
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe(String(error.retryAfterSeconds));
    expect(await response.json()).toMatchObject({ error: { code: "RATE_LIMITED" } });

    await getDb().$executeRaw`
      UPDATE "SignInThrottle" SET "windowStart" = "windowStart" - interval '61 seconds'
      WHERE "key" = ${key}`;
    await expect(countApiRequest({ key, limit, windowSeconds: 60 })).resolves.toMatchObject({
      count: 1,
    });
  });

  it("adds WWW-Authenticate to 401 answers", async () => {
    const error = await failure(requireApiCaller(requestWith(null), { write: false }));
    const response = apiErrorResponse(error);
    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toBe('Bearer realm="Framewise API"');
  });
});
