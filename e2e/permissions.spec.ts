import { request as playwrightRequest, expect, test } from "@playwright/test";

import {
  matrixRoles,
  pageMatrix,
  routeMatrix,
  type MatrixRole,
  type Outcome,
} from "@/lib/security/permission-matrix";

import { signInViaApi } from "./support/auth";
import { seedPermissionWorld, type World } from "./support/permission-world";

// Walks the permission matrix (lib/security/permission-matrix.ts) against the production
// build: every page and every API route method, as every kind of caller, and fails on any
// answer that differs from the table. Server actions are walked in
// lib/actions/permission-matrix.int.test.ts (their ids are build-specific).

type Body = { json: unknown } | { form: () => FormData } | null;
type Call = { path: string; body?: Body; query?: string };
type Cell = { key: string; kind: "page" | "route"; role: MatrixRole; expected: Outcome };
type Observed = { outcome: Outcome | `status ${number}`; status: number; text: string };

const baseURL = process.env.E2E_BASE_URL!;

function fill(template: string, ids: Record<string, string>): string {
  return template.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => {
    const id = ids[name];
    if (id === undefined) {
      throw new Error(`No walker id for [${name}] in ${template}`);
    }
    return id;
  });
}

function csvForm() {
  const form = new FormData();
  form.set(
    "file",
    new File(["title,text\nWalker bulk,Some text here.\n"], "bulk.csv", { type: "text/csv" }),
  );
  return form;
}

function annotationFileForm(documentId: string) {
  return () => {
    const form = new FormData();
    const line = JSON.stringify({ text: "Walker", spans: [], notes: [], meta: { id: documentId } });
    form.set("file", new File([`${line}\n`], "walker.jsonl", { type: "application/jsonl" }));
    return form;
  };
}

function textForm() {
  const form = new FormData();
  form.set("file", new File(["Walker imported text."], "walker.txt", { type: "text/plain" }));
  return form;
}

// What to send for each route method, and which target to use when it changes or
// removes something (each caller gets its own so one success cannot hide another's).
async function callFor(key: string, world: World): Promise<Call> {
  const [method, template] = key.split(" ") as [string, string];
  const ids: Record<string, string> = {
    workspaceId: world.workspace.id,
    documentId: world.document.id,
    annotationId: world.annotation.id,
    commentId: world.comment.id,
    collectionId: world.collection.id,
    assignmentId: world.assignment.id,
    snapshotId: world.snapshot.id,
    codebookId: world.codebook.id,
    nextauth: "session",
  };
  let body: Body = null;

  switch (key) {
    case "POST /api/auth/[...nextauth]":
      ids.nextauth = "signout";
      break;
    case "POST /api/v1/workspaces/[workspaceId]/documents":
      body = { json: { documents: [{ title: "Walker batch", text: "A walker text." }] } };
      break;
    case "POST /api/v1/workspaces/[workspaceId]/collections":
      body = { json: { name: "Walker made" } };
      break;
    case "POST /api/v1/workspaces/[workspaceId]/snapshots":
      body = { json: { name: "Walker snapshot", format: "jsonl" } };
      break;
    case "POST /api/v1/workspaces/[workspaceId]/imports":
      body = { form: textForm };
      break;
    case "POST /api/v1/workspaces/[workspaceId]/imports/bulk-preview":
      body = { form: csvForm };
      break;
    case "POST /api/v1/workspaces/[workspaceId]/annotation-imports":
      body = { form: annotationFileForm(world.document.id) };
      break;
    case "PUT /api/v1/documents/[documentId]/answers":
      body = { json: { dimensionKey: "walker_genre", labelIds: [world.genreLabelId] } };
      break;
    case "POST /api/v1/documents/[documentId]/annotations":
      body = { json: { start: 4, end: 12, exact: "minister" } };
      break;
    case "POST /api/v1/documents/[documentId]/resubmit":
      ids.documentId = await world.fresh.submission();
      body = { json: { version: 1, title: "Walker resubmitted", text: "A revised walker text." } };
      break;
    case "PATCH /api/v1/annotations/[annotationId]":
      body = { json: { revision: 1, comment: "Walker edit" } };
      break;
    case "DELETE /api/v1/annotations/[annotationId]":
      ids.annotationId = await world.fresh.annotation();
      break;
    case "POST /api/v1/annotations/[annotationId]/restore":
      ids.annotationId = await world.fresh.annotation(true);
      break;
    case "POST /api/v1/annotations/[annotationId]/comments":
      body = { json: { body: "Walker reply" } };
      break;
    case "POST /api/v1/annotations/[annotationId]/reaction":
      ids.annotationId = world.editorAnnotation.id;
      body = { json: { kind: "AGREE" } };
      break;
    case "POST /api/v1/annotations/[annotationId]/read":
      break;
    case "PATCH /api/v1/comments/[commentId]":
      body = { json: { isPinned: true } };
      break;
    case "DELETE /api/v1/collections/[collectionId]":
    case "DELETE /api/v1/collections/[collectionId]/documents/[documentId]":
      ids.collectionId = await world.fresh.collection();
      break;
    case "POST /api/v1/collections/[collectionId]/documents":
      ids.collectionId = await world.fresh.collection();
      body = { json: { documentId: world.second.id } };
      break;
    default:
      if (method !== "GET") {
        throw new Error(`The walker has no request for ${key}: add one to callFor.`);
      }
  }
  const query = key.endsWith("/reliability-matrix")
    ? `?dimension=${world.dimension.id}`
    : /\/exports(\/summary)?$/.test(key)
      ? "?format=jsonl"
      : "";
  return { path: fill(template, ids) + query, body };
}

function pageCall(template: string, world: World): Call {
  const ids: Record<string, string> = {
    workspaceId: world.workspace.id,
    documentId: world.document.id,
    codebookId: world.codebook.id,
    labelId: world.labelId,
    collectionId: world.collection.id,
    assignmentId: world.assignment.id,
    code: world.joinCode,
  };
  const query = template.endsWith("/results") ? `?student=${world.users.annotator.id}` : "";
  return { path: fill(template, ids) + query };
}

function classify(status: number, location: string | null): Observed["outcome"] {
  if (status >= 200 && status < 300) {
    return "allow";
  }
  if (status >= 300 && status < 400) {
    return location && /\/sign-in/.test(location) ? "signIn" : "redirect";
  }
  const known: Record<number, Outcome> = { 401: "signIn", 403: "forbidden", 404: "notFound" };
  return known[status] ?? `status ${status}`;
}

async function send(
  method: string,
  call: Call,
  headers: Record<string, string>,
): Promise<Observed> {
  const init: RequestInit = {
    method,
    headers: { ...headers },
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
  };
  if (call.body && "json" in call.body) {
    init.body = JSON.stringify(call.body.json);
    (init.headers as Record<string, string>)["content-type"] = "application/json";
  } else if (call.body && "form" in call.body) {
    init.body = call.body.form();
  }
  // next-auth refuses a POST without its CSRF token; the walker only checks it answers.
  const started = Date.now();
  const response = await fetch(`${baseURL}${call.path}`, init).catch((error: unknown) => {
    throw new Error(`${method} ${call.path}: ${String(error)}`);
  });
  const isStream = response.headers.get("content-type")?.includes("text/event-stream");
  const text = isStream ? "" : await response.text();
  if (isStream) {
    await response.body?.cancel();
  }
  if (process.env.WALKER_TRACE) {
    console.log(`${Date.now() - started}ms ${method} ${call.path} ${response.status}`);
  }
  return {
    outcome: classify(response.status, response.headers.get("location")),
    status: response.status,
    text,
  };
}

async function pool<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        await run(item);
      }
    }),
  );
}

test("[permissions] every page and API route answers every caller as the matrix says", async () => {
  test.setTimeout(Number(process.env.WALKER_TIMEOUT ?? 180_000));
  const world = await seedPermissionWorld();

  const headers: Record<MatrixRole, Record<string, string>> = {
    owner: {},
    editor: {},
    annotator: {},
    viewer: {},
    outsider: {},
    signedOut: {},
    tokenRead: { authorization: `Bearer ${world.tokens.tokenRead}` },
    tokenWrite: { authorization: `Bearer ${world.tokens.tokenWrite}` },
  };
  await Promise.all(
    (["owner", "editor", "annotator", "viewer", "outsider"] as const).map(async (role) => {
      const context = await playwrightRequest.newContext({ baseURL });
      const user = world.users[role];
      await signInViaApi(context, user.email, user.password);
      const { cookies } = await context.storageState();
      headers[role] = { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") };
      await context.dispose();
    }),
  );

  const cells: Cell[] = [
    ...Object.entries(pageMatrix).flatMap(([key, access]) =>
      matrixRoles.map((role) => ({ key, kind: "page" as const, role, expected: access[role] })),
    ),
    ...Object.entries(routeMatrix).flatMap(([key, access]) =>
      matrixRoles.map((role) => ({ key, kind: "route" as const, role, expected: access[role] })),
    ),
  ];

  const differences: string[] = [];
  const leaks: string[] = [];
  await pool(cells, 8, async (cell) => {
    const method = cell.kind === "page" ? "GET" : cell.key.split(" ")[0]!;
    const call = cell.kind === "page" ? pageCall(cell.key, world) : await callFor(cell.key, world);
    const observed = await send(method, call, headers[cell.role]);
    const label = `${cell.kind === "page" ? `GET ${cell.key}` : cell.key} as ${cell.role}`;

    // A page that explains a refusal renders, with the reason in an alert and no data.
    if (cell.expected === "explained" && observed.outcome === "allow") {
      observed.outcome = observed.text.includes('role="alert"') ? "explained" : "allow";
    }
    if (observed.outcome !== cell.expected) {
      differences.push(
        `${label}: expected ${cell.expected}, got ${observed.outcome} (${observed.status}) ${observed.text.slice(0, 160)}`,
      );
      return;
    }
    // A refusal from the API is JSON with a sentence for a person.
    if (cell.kind === "route" && observed.status >= 400) {
      try {
        const body = JSON.parse(observed.text) as { error?: { message?: string } };
        if (!body.error?.message) {
          throw new Error("no message");
        }
      } catch {
        differences.push(
          `${label}: refused without a JSON {error: {message}}: ${observed.text.slice(0, 160)}`,
        );
      }
    }
    // Another workspace's id must answer exactly like an id that does not exist.
    if (cell.role === "outsider" && cell.expected === "notFound" && /\[\w+Id\]/.test(cell.key)) {
      const madeUp = call.path.replace(/\bc[a-z0-9]{24}\b/g, "cwalkerdoesnotexist000000");
      const ghost = await send(method, { ...call, path: madeUp }, headers.outsider);
      if (
        ghost.status !== observed.status ||
        (cell.kind === "route" && ghost.text !== observed.text)
      ) {
        leaks.push(
          `${label}: answers ${observed.status} ${observed.text.slice(0, 120)} but a made-up id answers ${ghost.status} ${ghost.text.slice(0, 120)}`,
        );
      }
    }
  });

  differences.sort();
  expect(
    differences,
    `${differences.length} cells differ from the matrix:\n${differences.join("\n")}`,
  ).toEqual([]);
  expect(leaks, leaks.join("\n")).toEqual([]);
});
