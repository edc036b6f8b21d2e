import fc from "fast-check";
import type * as NextServer from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import * as commentsRoute from "@/app/api/v1/annotations/[annotationId]/comments/route";
import * as reactionRoute from "@/app/api/v1/annotations/[annotationId]/reaction/route";
import * as annotationRoute from "@/app/api/v1/annotations/[annotationId]/route";
import * as collectionDocumentsRoute from "@/app/api/v1/collections/[collectionId]/documents/route";
import * as commentRoute from "@/app/api/v1/comments/[commentId]/route";
import * as documentAnnotationsRoute from "@/app/api/v1/documents/[documentId]/annotations/route";
import * as resubmitRoute from "@/app/api/v1/documents/[documentId]/resubmit/route";
import * as auditLogRoute from "@/app/api/v1/workspaces/[workspaceId]/audit-log/route";
import * as codebooksRoute from "@/app/api/v1/workspaces/[workspaceId]/codebooks/route";
import * as collectionsRoute from "@/app/api/v1/workspaces/[workspaceId]/collections/route";
import * as workspaceDocumentsRoute from "@/app/api/v1/workspaces/[workspaceId]/documents/route";
import * as exportsRoute from "@/app/api/v1/workspaces/[workspaceId]/exports/route";
import * as exportSummaryRoute from "@/app/api/v1/workspaces/[workspaceId]/exports/summary/route";
import * as bulkPreviewRoute from "@/app/api/v1/workspaces/[workspaceId]/imports/bulk-preview/route";
import * as importsRoute from "@/app/api/v1/workspaces/[workspaceId]/imports/route";
import * as reliabilityRoute from "@/app/api/v1/workspaces/[workspaceId]/reliability-matrix/route";
import * as snapshotsRoute from "@/app/api/v1/workspaces/[workspaceId]/snapshots/route";
import * as workspacesRoute from "@/app/api/v1/workspaces/route";
import { getDb } from "@/lib/db/client";
import { unauthorized } from "@/lib/errors/app-error";
import { getLabelIds, makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { errorResponseSchema } from "./schemas";

// Property-based fuzzing of the JSON API: malformed, oversized and boundary payloads,
// wrong content types and hostile query strings. Every answer must be a 2xx, or a 4xx
// with a JSON {error: {message}}; never a 5xx; and a refused request writes nothing
// (the main tables' row counts are the same before and after). A fixed seed per route,
// printed with any failure, replays it: FUZZ_SEED=<n> npx vitest run … api-fuzz.

const session = vi.hoisted(() => ({
  user: null as { id: string; name: string; email: string } | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: vi.fn(() => Promise.resolve(session.user)),
  requireSessionUser: vi.fn(() =>
    session.user ? Promise.resolve(session.user) : Promise.reject(unauthorized()),
  ),
}));
// Snapshot writing continues after the response; outside a request there is no "after".
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  after: (work: Promise<unknown>) => void work.catch(() => undefined),
}));

const runs = Number(process.env.FUZZ_RUNS ?? 40);
const baseSeed = Number(process.env.FUZZ_SEED ?? 20261125);

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;
type Target = { name: string; method: string; path: string; handler: Handler; params: object };

let targets: Target[];

// Payloads that a well-formed client would never send.
const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uD800",
    "\uFEFF",
    "\u202E",
    "e\u0301",
    "👩🏽‍💻",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "{{7*7}}",
    "x".repeat(70_000),
  ),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), Number.MAX_VALUE, 1e308),
);
const deepJson = (depth: number) => `${'{"a":['.repeat(depth)}1${"]}".repeat(depth)}`;
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          "start",
          "end",
          "exact",
          "labelIds",
          "comment",
          "revision",
          "name",
          "documents",
          "documentId",
          "body",
          "kind",
          "format",
          "filters",
          "title",
          "text",
          "version",
          "url",
          "isPinned",
          "__proto__",
          "constructor",
        ),
        fc.string({ maxLength: 8 }),
      ),
      tie("value"),
      { maxKeys: 5 },
    ),
  ),
})).value;

// Lone surrogates cannot be percent-encoded; send the raw (invalid UTF-8) escape instead.
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

type Payload = { body: BodyInit | null; contentType: string | null; query: string };

const payload: fc.Arbitrary<Payload> = fc.oneof(
  hostileValue.map((value) => ({
    body: JSON.stringify(value) ?? "null",
    contentType: "application/json",
    query: "",
  })),
  fc.constantFrom<Payload>(
    { body: null, contentType: null, query: "" },
    { body: "", contentType: "application/json", query: "" },
    { body: "{not json", contentType: "application/json", query: "" },
    { body: '{"a":', contentType: "application/json", query: "" },
    { body: "\uFEFF{}", contentType: "application/json", query: "" },
    { body: deepJson(5_000), contentType: "application/json", query: "" },
    { body: "name=x&title=y", contentType: "application/x-www-form-urlencoded", query: "" },
    { body: "<a>xml</a>", contentType: "application/xml", query: "" },
    { body: "--x\r\n\r\n", contentType: "multipart/form-data; boundary=x", query: "" },
    { body: "garbage", contentType: "multipart/form-data", query: "" },
    { body: "x".repeat(3 * 1024 * 1024), contentType: "application/json", query: "" },
  ),
  fc
    .record({
      limit: fc.oneof(hostileString, hostileNumber.map(String)),
      cursor: hostileString,
      format: hostileString,
      extra: fc.constantFrom("&limit=-1", "&limit=1e309", "&cursor=%ZZ", "&dimension=", ""),
    })
    .map(({ limit, cursor, format, extra }) => ({
      body: null,
      contentType: null,
      query: `?limit=${encode(limit)}&cursor=${encode(cursor)}&format=${encode(format)}${extra}`,
    })),
);

// One query for the main tables, so each run can compare before and after.
async function countRows(): Promise<string> {
  const [row] = await getDb().$queryRaw<Record<string, bigint>[]>`
    SELECT
      (SELECT count(*) FROM "Document") AS documents,
      (SELECT count(*) FROM "Annotation") AS annotations,
      (SELECT count(*) FROM "AnnotationLabel") AS labels,
      (SELECT count(*) FROM "Comment") AS comments,
      (SELECT count(*) FROM "AnnotationReaction") AS reactions,
      (SELECT count(*) FROM "Collection") AS collections,
      (SELECT count(*) FROM "CollectionDocument") AS collected,
      (SELECT count(*) FROM "DatasetSnapshot") AS snapshots,
      (SELECT count(*) FROM "ImportDraft") AS drafts,
      (SELECT count(*) FROM "AuditEvent") AS audit`;
  return JSON.stringify(row, (_, value: unknown) =>
    typeof value === "bigint" ? Number(value) : value,
  );
}

beforeAll(async () => {
  // Open the pool before the factories' parallel transactions (slow on a loaded machine).
  await getDb().$queryRaw`SELECT 1`;
  const ctx = await makeWorkspaceWithRoles();
  const document = await makeDocument(
    ctx.owner.id,
    ctx.workspace.id,
    "The minister hailed a historic victory.",
  );
  const labels = await getLabelIds(ctx.workspace.id);
  const annotation = await getDb().annotation.create({
    data: {
      documentId: document.id,
      authorId: ctx.editor.id,
      documentVersion: 1,
      start: 4,
      end: 12,
      exact: "minister",
      prefix: "The ",
      suffix: " hailed",
      labels: { create: [{ labelId: labels["stance:supportive"]! }] },
    },
    select: { id: true },
  });
  const comment = await getDb().comment.create({
    data: { annotationId: annotation.id, authorId: ctx.editor.id, body: "A reply" },
    select: { id: true },
  });
  const collection = await getDb().collection.create({
    data: { workspaceId: ctx.workspace.id, name: "Fuzzed" },
    select: { id: true },
  });
  // The owner may do the most, so the fuzz reaches past the permission checks.
  session.user = { id: ctx.owner.id, name: "Owner", email: "owner@example.org" };

  const w = { workspaceId: ctx.workspace.id };
  const d = { documentId: document.id };
  const a = { annotationId: annotation.id };
  const route = (
    method: string,
    path: string,
    module: Record<string, unknown>,
    params: object,
  ): Target => ({
    name: `${method} ${path}`,
    method,
    path,
    handler: module[method] as Handler,
    params,
  });
  targets = [
    route("GET", "/api/v1/workspaces", workspacesRoute, {}),
    route("GET", `/api/v1/workspaces/${w.workspaceId}/documents`, workspaceDocumentsRoute, w),
    route("POST", `/api/v1/workspaces/${w.workspaceId}/documents`, workspaceDocumentsRoute, w),
    route("GET", `/api/v1/workspaces/${w.workspaceId}/codebooks`, codebooksRoute, w),
    route("GET", `/api/v1/workspaces/${w.workspaceId}/collections`, collectionsRoute, w),
    route("POST", `/api/v1/workspaces/${w.workspaceId}/collections`, collectionsRoute, w),
    route("GET", `/api/v1/workspaces/${w.workspaceId}/audit-log`, auditLogRoute, w),
    route("GET", `/api/v1/workspaces/${w.workspaceId}/exports`, exportsRoute, w),
    route("GET", `/api/v1/workspaces/${w.workspaceId}/exports/summary`, exportSummaryRoute, w),
    route("GET", `/api/v1/workspaces/${w.workspaceId}/snapshots`, snapshotsRoute, w),
    route("POST", `/api/v1/workspaces/${w.workspaceId}/snapshots`, snapshotsRoute, w),
    route("POST", `/api/v1/workspaces/${w.workspaceId}/imports`, importsRoute, w),
    route("POST", `/api/v1/workspaces/${w.workspaceId}/imports/bulk-preview`, bulkPreviewRoute, w),
    route("GET", `/api/v1/workspaces/${w.workspaceId}/reliability-matrix`, reliabilityRoute, w),
    route("GET", `/api/v1/documents/${d.documentId}/annotations`, documentAnnotationsRoute, d),
    route("POST", `/api/v1/documents/${d.documentId}/annotations`, documentAnnotationsRoute, d),
    route("POST", `/api/v1/documents/${d.documentId}/resubmit`, resubmitRoute, d),
    route("PATCH", `/api/v1/annotations/${a.annotationId}`, annotationRoute, a),
    route("POST", `/api/v1/annotations/${a.annotationId}/comments`, commentsRoute, a),
    route("POST", `/api/v1/annotations/${a.annotationId}/reaction`, reactionRoute, a),
    route("PATCH", `/api/v1/comments/${comment.id}`, commentRoute, { commentId: comment.id }),
    route("POST", `/api/v1/collections/${collection.id}/documents`, collectionDocumentsRoute, {
      collectionId: collection.id,
    }),
  ];
});

function seedOf(name: string): number {
  let hash = baseSeed;
  for (const char of name) {
    hash = (hash * 31 + char.charCodeAt(0)) | 0;
  }
  return hash;
}

describe("fuzzing /api/v1", () => {
  it("covers every route method that takes input", () => {
    expect(targets.every((target) => typeof target.handler === "function")).toBe(true);
  });

  it("never answers 5xx, refuses with a JSON message, and writes nothing when it refuses", async () => {
    const failures: string[] = [];
    for (const target of targets) {
      const seed = seedOf(target.name);
      const result = await fc.check(
        fc.asyncProperty(payload, async ({ body, contentType, query }) => {
          const before = await countRows();
          const headers: Record<string, string> = contentType
            ? { "content-type": contentType }
            : {};
          const request = new Request(`http://localhost${target.path}${query}`, {
            method: target.method,
            headers,
            body: target.method === "GET" ? null : body,
          });
          const response = await target.handler(request, {
            params: Promise.resolve(target.params) as Promise<never>,
          });
          const text = await response.text();
          if (response.status >= 500) {
            throw new Error(`answered ${response.status}: ${text.slice(0, 200)}`);
          }
          if (response.status >= 400) {
            const parsed = errorResponseSchema.safeParse(JSON.parse(text));
            if (!parsed.success || parsed.data.error.message.length === 0) {
              throw new Error(`refused without a JSON message: ${text.slice(0, 200)}`);
            }
            const after = await countRows();
            if (after !== before) {
              throw new Error(`refused (${response.status}) but wrote rows: ${before} → ${after}`);
            }
          }
        }),
        { numRuns: runs, seed, endOnFailure: true },
      );
      if (result.failed) {
        failures.push(
          `${target.name} (seed ${seed}, replay with FUZZ_SEED=${baseSeed}): ${String(result.errorInstance)}\n  counterexample: ${JSON.stringify(result.counterexample)?.slice(0, 300)}`,
        );
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  }, 600_000);
});
