import { randomUUID } from "node:crypto";

import { beforeAll, describe, expect, it, vi } from "vitest";

import * as commentsRoute from "@/app/api/v1/annotations/[annotationId]/comments/route";
import * as annotationsRoute from "@/app/api/v1/documents/[documentId]/annotations/route";
import * as documentsRoute from "@/app/api/v1/workspaces/[workspaceId]/documents/route";
import { getDb } from "@/lib/db/client";
import { makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { idempotencyRetentionMs } from "./run-idempotent";

// The real route handlers with the session of `session.user`.
const session = vi.hoisted(() => ({
  user: null as { id: string; name: string; email: string; sessionId: string } | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: vi.fn(() => Promise.resolve(session.user)),
  requireSessionUser: vi.fn(() =>
    session.user ? Promise.resolve(session.user) : Promise.reject(new Error("signed out")),
  ),
}));

const text = "The minister hailed a historic victory for ordinary families.";
let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let documentId: string;

function post(path: string, body: unknown, key?: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key === undefined ? {} : { "idempotency-key": key }),
    },
    body: JSON.stringify(body),
  });
}

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

function saveHighlight(key: string | undefined, comment = "loaded word") {
  return annotationsRoute.POST(
    post(
      `/api/v1/documents/${documentId}/annotations`,
      { start: 22, end: 38, exact: "historic victory", comment },
      key,
    ),
    params({ documentId }),
  );
}

function countHighlights(comment: string) {
  return getDb().annotation.count({ where: { documentId, comment } });
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  session.user = { ...ctx.annotator, sessionId: "test" };
  documentId = (await makeDocument(ctx.owner.id, ctx.workspace.id, text)).id;
});

describe("Idempotency-Key on creates", () => {
  it("replays the first answer for a retry with the same key, and creates one highlight", async () => {
    const key = randomUUID();
    const comment = `retry ${key}`;

    const first = await saveHighlight(key, comment);
    const again = await saveHighlight(key, comment);

    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    await expect(countHighlights(comment)).resolves.toBe(1);
  });

  it("creates exactly one highlight for 8 concurrent sends of one request, and all get its answer", async () => {
    const key = randomUUID();
    const comment = `burst ${key}`;

    const responses = await Promise.all(
      Array.from({ length: 8 }, () => saveHighlight(key, comment)),
    );
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as {
      annotation: { id: string };
    }[];

    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    expect(new Set(bodies.map((body) => body.annotation.id)).size).toBe(1);
    await expect(countHighlights(comment)).resolves.toBe(1);
    const events = await getDb().auditEvent.count({
      where: { action: "annotation.create", entityId: bodies[0]?.annotation.id },
    });
    expect(events).toBe(1);
  });

  it("refuses the same key with a different body (422) and changes nothing", async () => {
    const key = randomUUID();
    await saveHighlight(key, `first ${key}`);

    const other = await saveHighlight(key, `second ${key}`);

    expect(other.status).toBe(422);
    const body = (await other.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/already used for a different request/);
    await expect(countHighlights(`second ${key}`)).resolves.toBe(0);
  });

  it("keeps no answer for a refused request, so the key can be used again once fixed", async () => {
    const key = randomUUID();
    const refused = await annotationsRoute.POST(
      post(
        `/api/v1/documents/${documentId}/annotations`,
        { start: 22, end: 38, exact: "wrong quote" },
        key,
      ),
      params({ documentId }),
    );
    expect(refused.status).toBe(422);
    await expect(getDb().idempotencyKey.count({ where: { key } })).resolves.toBe(0);

    const fixed = await saveHighlight(key, `fixed ${key}`);
    expect(fixed.status).toBe(201);
  });

  it("without a key, two sends make two highlights (the old behaviour)", async () => {
    const comment = `no key ${randomUUID()}`;
    await saveHighlight(undefined, comment);
    await saveHighlight(undefined, comment);
    await expect(countHighlights(comment)).resolves.toBe(2);
  });

  it("refuses a malformed key", async () => {
    const response = await saveHighlight("has spaces in it");
    expect(response.status).toBe(422);
  });

  it("keys are the caller's own: another person's same key is a new request", async () => {
    const key = randomUUID();
    const comment = `shared key ${key}`;
    await saveHighlight(key, comment);

    session.user = { ...ctx.editor, sessionId: "test" };
    try {
      const theirs = await saveHighlight(key, comment);
      expect(theirs.status).toBe(201);
      expect(theirs.headers.get("Idempotent-Replayed")).toBeNull();
    } finally {
      session.user = { ...ctx.annotator, sessionId: "test" };
    }
    await expect(countHighlights(comment)).resolves.toBe(2);
  });

  it("forgets keys after 24 hours", async () => {
    const key = randomUUID();
    const comment = `expired ${key}`;
    await saveHighlight(key, comment);
    await getDb().idempotencyKey.updateMany({
      where: { key },
      data: { createdAt: new Date(Date.now() - idempotencyRetentionMs - 60_000) },
    });

    const later = await saveHighlight(key, comment);

    expect(later.headers.get("Idempotent-Replayed")).toBeNull();
    await expect(countHighlights(comment)).resolves.toBe(2);
  });

  it("comments: concurrent duplicates make one comment; the others are told it is in progress or replayed", async () => {
    const created = await saveHighlight(undefined, `for comments ${randomUUID()}`);
    const { annotation } = (await created.json()) as { annotation: { id: string } };
    const key = randomUUID();
    const send = () =>
      commentsRoute.POST(
        post(`/api/v1/annotations/${annotation.id}/comments`, { body: "Is this loaded?" }, key),
        params({ annotationId: annotation.id }),
      );

    const responses = await Promise.all([send(), send(), send(), send()]);
    const statuses = responses.map((response) => response.status);

    expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    for (const response of responses.filter((item) => item.status === 409)) {
      expect(response.headers.get("Retry-After")).toBe("1");
    }
    await expect(getDb().comment.count({ where: { annotationId: annotation.id } })).resolves.toBe(
      1,
    );

    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
  });

  it("bulk documents: a retried batch saves each row once", async () => {
    const key = randomUUID();
    session.user = { ...ctx.editor, sessionId: "test" };
    const title = `Batch ${key}`;
    const send = () =>
      documentsRoute.POST(
        post(
          `/api/v1/workspaces/${ctx.workspace.id}/documents`,
          {
            documents: [
              { title, text: "One." },
              { title, text: "Two." },
              { title: "", text: "" },
            ],
          },
          key,
        ),
        params({ workspaceId: ctx.workspace.id }),
      );
    try {
      const [first, second] = await Promise.all([send(), send()]);
      const third = await send();
      // The second either waited for nothing (409 in progress) or came after (a replay).
      expect([first.status, second.status]).toContain(200);
      expect([200, 409]).toContain(second.status);
      expect([200, 409]).toContain(first.status);
      expect(third.status).toBe(200);
      expect(third.headers.get("Idempotent-Replayed")).toBe("true");
      const winner = first.status === 200 ? first : second;
      expect(await third.json()).toEqual(await winner.json());
    } finally {
      session.user = { ...ctx.annotator, sessionId: "test" };
    }
    await expect(getDb().document.count({ where: { title } })).resolves.toBe(2);
  });
});
