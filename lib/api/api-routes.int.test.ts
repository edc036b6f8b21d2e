import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import * as restoreRoute from "@/app/api/v1/annotations/[annotationId]/restore/route";
import * as annotationRoute from "@/app/api/v1/annotations/[annotationId]/route";
import * as documentAnnotationsRoute from "@/app/api/v1/documents/[documentId]/annotations/route";
import * as documentRoute from "@/app/api/v1/documents/[documentId]/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import * as codebooksRoute from "@/app/api/v1/workspaces/[workspaceId]/codebooks/route";
import * as workspaceDocumentsRoute from "@/app/api/v1/workspaces/[workspaceId]/documents/route";
import * as bulkPreviewRoute from "@/app/api/v1/workspaces/[workspaceId]/imports/bulk-preview/route";
import * as importsRoute from "@/app/api/v1/workspaces/[workspaceId]/imports/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { getDb } from "@/lib/db/client";
import { createApiToken } from "@/lib/server/api-token/create-api-token";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { getLabelIds, makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import {
  annotationListResponseSchema,
  annotationResponseSchema,
  batchResultsResponseSchema,
  bulkPreviewResponseSchema,
  codebookPageSchema,
  documentPageSchema,
  documentResponseSchema,
  errorResponseSchema,
  workspacePageSchema,
} from "./schemas";

// The route handlers, called as Next.js calls them, with a bearer token. Every answer is
// parsed with the schema the OpenAPI document publishes for it.

const session = vi.hoisted(() => ({
  user: null as { id: string; name: string; email: string } | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: vi.fn(() => Promise.resolve(session.user)),
}));

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let documentIds: string[];
let readToken: string;
let writeToken: string;
let otherToken: string;

const base = "http://localhost";

function call(
  secret: string | null,
  path: string,
  init: { method?: string; body?: unknown; form?: FormData } = {},
) {
  const headers: Record<string, string> = secret ? { authorization: `Bearer ${secret}` } : {};
  let body: BodyInit | undefined;
  if (init.form) {
    body = init.form;
  } else if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.body);
  }
  return new Request(`${base}${path}`, { method: init.method ?? "GET", headers, body });
}

const params = <T extends Record<string, string>>(value: T) => ({ params: Promise.resolve(value) });

async function token(userId: string, scope: "READ" | "READ_WRITE", workspaceId: string) {
  const created = await createApiToken({
    userId,
    input: createApiTokenSchema.parse({ name: "routes", workspaceId, scope }),
  });
  return created.secret;
}

async function expectError(response: Response, status: number, message?: RegExp) {
  expect(response.status).toBe(status);
  const body = errorResponseSchema.parse(await response.json());
  if (message) {
    expect(body.error.message).toMatch(message);
  }
  return body;
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  documentIds = [];
  for (const title of ["First", "Second", "Third", "Fourth", "Fifth"]) {
    documentIds.push(
      (await makeDocument(ctx.owner.id, ctx.workspace.id, `The minister spoke. ${title}.`, title))
        .id,
    );
  }
  readToken = await token(ctx.annotator.id, "READ", ctx.workspace.id);
  writeToken = await token(ctx.annotator.id, "READ_WRITE", ctx.workspace.id);
  otherToken = await token(ctx.outsider.id, "READ_WRITE", ctx.otherWorkspace.id);
});

beforeEach(() => {
  session.user = null;
});

describe("/api/v1 with tokens", () => {
  it("lists only the token's workspace, while a session lists all of the person's", async () => {
    const response = await workspacesRoute.GET(call(readToken, "/api/v1/workspaces"));
    expect(response.status).toBe(200);
    const page = workspacePageSchema.parse(await response.json());
    expect(page).toEqual({
      items: [expect.objectContaining({ id: ctx.workspace.id, role: "ANNOTATOR" })],
      nextCursor: null,
    });

    await getDb().membership.create({
      data: { userId: ctx.annotator.id, workspaceId: ctx.otherWorkspace.id, role: "VIEWER" },
    });
    try {
      session.user = { id: ctx.annotator.id, name: "Annotator", email: "a@example.org" };
      const all = workspacePageSchema.parse(
        await (await workspacesRoute.GET(call(null, "/api/v1/workspaces?limit=1"))).json(),
      );
      expect(all.items).toHaveLength(1);
      expect(all.nextCursor).toEqual(expect.any(String));
      const next = workspacePageSchema.parse(
        await (
          await workspacesRoute.GET(
            call(null, `/api/v1/workspaces?limit=1&cursor=${all.nextCursor}`),
          )
        ).json(),
      );
      expect(new Set([...all.items, ...next.items].map((item) => item.id))).toEqual(
        new Set([ctx.workspace.id, ctx.otherWorkspace.id]),
      );
    } finally {
      await getDb().membership.deleteMany({
        where: { userId: ctx.annotator.id, workspaceId: ctx.otherWorkspace.id },
      });
    }
  });

  it("pages through documents newest first with no gaps or repeats", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const response = await workspaceDocumentsRoute.GET(
        call(readToken, `/api/v1/workspaces/${ctx.workspace.id}/documents${query}`),
        params({ workspaceId: ctx.workspace.id }),
      );
      expect(response.status).toBe(200);
      const page = documentPageSchema.parse(await response.json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    expect(seen).toEqual([...documentIds].reverse());
  });

  it("refuses a bad limit with 422 and a list of another workspace with 404", async () => {
    await expectError(
      await workspaceDocumentsRoute.GET(
        call(readToken, `/api/v1/workspaces/${ctx.workspace.id}/documents?limit=500`),
        params({ workspaceId: ctx.workspace.id }),
      ),
      422,
      /at most 100/,
    );
    await expectError(
      await workspaceDocumentsRoute.GET(
        call(otherToken, `/api/v1/workspaces/${ctx.workspace.id}/documents`),
        params({ workspaceId: ctx.workspace.id }),
      ),
      404,
      /This workspace was not found/,
    );
  });

  it("lists codebooks with dimensions and labels in order", async () => {
    const response = await codebooksRoute.GET(
      call(readToken, `/api/v1/workspaces/${ctx.workspace.id}/codebooks`),
      params({ workspaceId: ctx.workspace.id }),
    );
    expect(response.status).toBe(200);
    const page = codebookPageSchema.parse(await response.json());
    expect(page.items).toHaveLength(1);
    const [codebook] = page.items;
    expect(codebook?.isDefault).toBe(true);
    expect(codebook?.dimensions.map((dimension) => dimension.position)).toEqual(
      codebook?.dimensions.map((_, index) => index),
    );
    const labelIds = Object.values(await getLabelIds(ctx.workspace.id));
    const listed = codebook?.dimensions.flatMap((dimension) => dimension.labels.map((l) => l.id));
    expect(new Set(listed)).toEqual(new Set(labelIds));
  });

  it("reads a document and its highlights, and creates, edits, deletes and restores one", async () => {
    const documentId = documentIds[0] ?? "";
    const document = documentResponseSchema.parse(
      await (
        await documentRoute.GET(
          call(readToken, `/api/v1/documents/${documentId}`),
          params({ documentId }),
        )
      ).json(),
    );
    expect(document.document.text).toBe("The minister spoke. First.");

    const created = await documentAnnotationsRoute.POST(
      call(writeToken, `/api/v1/documents/${documentId}/annotations`, {
        method: "POST",
        body: { start: 4, end: 12, exact: "minister", comment: "via token" },
      }),
      params({ documentId }),
    );
    expect(created.status).toBe(201);
    const { annotation } = annotationResponseSchema.parse(await created.json());
    expect(annotation.author.id).toBe(ctx.annotator.id);

    const listed = annotationListResponseSchema.parse(
      await (
        await documentAnnotationsRoute.GET(
          call(readToken, `/api/v1/documents/${documentId}/annotations`),
          params({ documentId }),
        )
      ).json(),
    );
    expect(listed.annotations.map((item) => item.id)).toContain(annotation.id);

    const annotationId = annotation.id;
    const patched = await annotationRoute.PATCH(
      call(writeToken, `/api/v1/annotations/${annotationId}`, {
        method: "PATCH",
        body: { revision: annotation.revision, comment: "changed" },
      }),
      params({ annotationId }),
    );
    expect(annotationResponseSchema.parse(await patched.json()).annotation.comment).toBe("changed");

    await expectError(
      await annotationRoute.DELETE(
        call(readToken, `/api/v1/annotations/${annotationId}`, { method: "DELETE" }),
        params({ annotationId }),
      ),
      403,
      /read-only/,
    );
    const deleted = await annotationRoute.DELETE(
      call(writeToken, `/api/v1/annotations/${annotationId}`, { method: "DELETE" }),
      params({ annotationId }),
    );
    expect(deleted.status).toBe(204);

    await expectError(
      await restoreRoute.POST(
        call(otherToken, `/api/v1/annotations/${annotationId}/restore`, { method: "POST" }),
        params({ annotationId }),
      ),
      404,
      /This highlight was not found/,
    );
    const restored = await restoreRoute.POST(
      call(writeToken, `/api/v1/annotations/${annotationId}/restore`, { method: "POST" }),
      params({ annotationId }),
    );
    expect(restored.status).toBe(200);
    annotationResponseSchema.parse(await restored.json());
  });

  it("refuses writes with a READ token (403) and another workspace's token (404), writing nothing", async () => {
    const documentId = documentIds[1] ?? "";
    const before = await getDb().annotation.count({ where: { documentId } });
    const body = { start: 4, end: 12, exact: "minister" };

    await expectError(
      await documentAnnotationsRoute.POST(
        call(readToken, `/api/v1/documents/${documentId}/annotations`, { method: "POST", body }),
        params({ documentId }),
      ),
      403,
      /This API token is read-only/,
    );
    await expectError(
      await documentAnnotationsRoute.POST(
        call(otherToken, `/api/v1/documents/${documentId}/annotations`, { method: "POST", body }),
        params({ documentId }),
      ),
      404,
      /This document was not found/,
    );
    await expectError(
      await documentRoute.GET(
        call(otherToken, `/api/v1/documents/${documentId}`),
        params({ documentId }),
      ),
      404,
    );
    expect(await getDb().annotation.count({ where: { documentId } })).toBe(before);
  });

  it("keeps role checks: a viewer's token reads, and a READ_WRITE token cannot write once its owner is a viewer", async () => {
    const viewerToken = await token(ctx.viewer.id, "READ", ctx.workspace.id);
    const documentId = documentIds[2] ?? "";
    expect(
      (
        await documentRoute.GET(
          call(viewerToken, `/api/v1/documents/${documentId}`),
          params({ documentId }),
        )
      ).status,
    ).toBe(200);

    // A token made while the person was an annotator keeps only what their role allows now.
    const demotedToken = await token(ctx.editor.id, "READ_WRITE", ctx.workspace.id);
    await getDb().membership.update({
      where: { workspaceId_userId: { workspaceId: ctx.workspace.id, userId: ctx.editor.id } },
      data: { role: "VIEWER" },
    });
    try {
      await expectError(
        await documentAnnotationsRoute.POST(
          call(demotedToken, `/api/v1/documents/${documentId}/annotations`, {
            method: "POST",
            body: { start: 4, end: 12, exact: "minister" },
          }),
          params({ documentId }),
        ),
        403,
        /Viewers can read highlights but not add them/,
      );
    } finally {
      await getDb().membership.update({
        where: { workspaceId_userId: { workspaceId: ctx.workspace.id, userId: ctx.editor.id } },
        data: { role: "EDITOR" },
      });
    }
  });

  it("saves documents and previews imports with a READ_WRITE token of an editor", async () => {
    const editorToken = await token(ctx.editor.id, "READ_WRITE", ctx.workspace.id);
    const saved = await workspaceDocumentsRoute.POST(
      call(editorToken, `/api/v1/workspaces/${ctx.workspace.id}/documents`, {
        method: "POST",
        body: { documents: [{ title: "By API", text: "Body text." }, { title: "" }] },
      }),
      params({ workspaceId: ctx.workspace.id }),
    );
    expect(saved.status).toBe(200);
    const { results } = batchResultsResponseSchema.parse(await saved.json());
    expect(results.map((result) => result.ok)).toEqual([true, false]);

    const form = new FormData();
    form.set("file", new File(['{"title":"A","text":"B"}\n'], "articles.jsonl"));
    const preview = await bulkPreviewRoute.POST(
      call(editorToken, `/api/v1/workspaces/${ctx.workspace.id}/imports/bulk-preview`, {
        method: "POST",
        form,
      }),
      params({ workspaceId: ctx.workspace.id }),
    );
    expect(preview.status).toBe(200);
    expect(bulkPreviewResponseSchema.parse(await preview.json()).rows).toHaveLength(1);

    await expectError(
      await importsRoute.POST(
        call(readToken, `/api/v1/workspaces/${ctx.workspace.id}/imports`, {
          method: "POST",
          body: { url: "https://example.org/a" },
        }),
        params({ workspaceId: ctx.workspace.id }),
      ),
      403,
      /read-only/,
    );
  });

  it("answers 401 with a clear message for no credentials and for a revoked token", async () => {
    const response = await workspacesRoute.GET(call(null, "/api/v1/workspaces"));
    await expectError(response, 401, /Sign in, or send a personal API token/);
    expect(response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);

    const secret = await token(ctx.owner.id, "READ", ctx.workspace.id);
    await getDb().apiToken.updateMany({
      where: { prefix: secret.slice(0, 11), userId: ctx.owner.id },
      data: { revokedAt: new Date("2026-04-05T06:07:08.000Z") },
    });
    await expectError(
      await workspacesRoute.GET(call(secret, "/api/v1/workspaces")),
      401,
      /revoked on 2026-04-05 06:07 UTC/,
    );
  });

  it("serves the OpenAPI document without credentials", async () => {
    const response = openApiRoute.GET();
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: object };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/workspaces/{workspaceId}/codebooks");
  });
});
