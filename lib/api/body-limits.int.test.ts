import { beforeAll, describe, expect, it, vi } from "vitest";

import * as documentAnnotationsRoute from "@/app/api/v1/documents/[documentId]/annotations/route";
import { getDb } from "@/lib/db/client";
import { unauthorized } from "@/lib/errors/app-error";
import { limits } from "@/lib/validations/limits";
import { makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { errorResponseSchema } from "./schemas";

// A route with a byte limit answers a body past it with 413 and a JSON message, whether the
// client declares the size (Content-Length) or streams it without one, and saves nothing.
// (The 5 MB limit of form server actions is Next's own; e2e/limits.spec.ts covers it.)

const session = vi.hoisted(() => ({
  user: null as { id: string; name: string; email: string } | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: vi.fn(() => Promise.resolve(session.user)),
  requireSessionUser: vi.fn(() =>
    session.user ? Promise.resolve(session.user) : Promise.reject(unauthorized()),
  ),
}));

let documentId: string;

function countAnnotations() {
  return getDb().annotation.count({ where: { documentId } });
}

// A syntactically valid highlight whose comment pads the body to `bytes`.
function highlightBody(bytes: number): string {
  const shell = JSON.stringify({ start: 4, end: 12, exact: "minister", labelIds: [], comment: "" });
  return shell.replace('"comment":""', `"comment":"${"x".repeat(bytes - shell.length)}"`);
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost/api/v1/documents/${documentId}/annotations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    // Node's fetch needs this for a streamed body.
    duplex: "half",
  } as RequestInit);
  return documentAnnotationsRoute.POST(request, { params: Promise.resolve({ documentId }) });
}

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 16 * 1024) {
        controller.enqueue(bytes.slice(at, at + 16 * 1024));
      }
      controller.close();
    },
  });
}

async function expectTooLarge(response: Response) {
  expect(response.status).toBe(413);
  expect(response.headers.get("content-type")).toContain("application/json");
  const parsed = errorResponseSchema.parse(await response.json());
  expect(parsed.error.message).toMatch(/too large/);
}

beforeAll(async () => {
  const ctx = await makeWorkspaceWithRoles();
  const document = await makeDocument(ctx.owner.id, ctx.workspace.id, "The minister spoke.");
  documentId = document.id;
  session.user = { id: ctx.annotator.id, name: ctx.annotator.name, email: ctx.annotator.email };
});

describe("request body limits", () => {
  const limit = limits.annotationBodyMaxBytes;

  it("answers 413 with a JSON message for a declared body past the limit, and saves nothing", async () => {
    const body = highlightBody(limit + 1);
    const response = await post(body, { "content-length": String(body.length) });
    await expectTooLarge(response);
    expect(await countAnnotations()).toBe(0);
  });

  it("answers 413 for a streamed body past the limit that declares no size, and saves nothing", async () => {
    const response = await post(streamOf(highlightBody(limit * 4)));
    await expectTooLarge(response);
    expect(await countAnnotations()).toBe(0);
  });

  it("reads a body of exactly the limit (then the schema decides: the comment is too long)", async () => {
    const response = await post(streamOf(highlightBody(limit)));
    expect(response.status).toBe(422);
    expect(await countAnnotations()).toBe(0);
  });
});
