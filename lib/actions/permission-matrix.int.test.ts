import { beforeAll, describe, expect, it, vi } from "vitest";

import { getDb } from "@/lib/db/client";
import { unauthorized } from "@/lib/errors/app-error";
import { actionMatrix, type MatrixRole } from "@/lib/security/permission-matrix";
import { getLabelIds, makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

// Server actions are public endpoints, and their ids are build-specific, so the matrix's
// action rows are walked here by calling the exported functions as Next.js would, with a
// faked session. Every action in the matrix is called signed out and as a member of
// another workspace, with a form (or input object) naming workspace A's real ids: each
// must refuse as the matrix says and write nothing. (Member roles inside the workspace
// are covered per use case by lib/server/**/*.int.test.ts.)

const session = vi.hoisted(() => ({
  user: null as { id: string; name: string; email: string } | null,
}));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: vi.fn(() => Promise.resolve(session.user)),
  requireSessionUser: vi.fn(() =>
    session.user ? Promise.resolve(session.user) : Promise.reject(unauthorized()),
  ),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

type Action = (...args: unknown[]) => Promise<unknown>;

let ids: Record<string, string>;
let outsider: { id: string; name: string; email: string };

async function countRows(): Promise<string> {
  const [row] = await getDb().$queryRaw<Record<string, bigint>[]>`
    SELECT
      (SELECT count(*) FROM "Workspace") AS workspaces,
      (SELECT count(*) FROM "Membership") AS memberships,
      (SELECT count(*) FROM "Document") AS documents,
      (SELECT count(*) FROM "Annotation" WHERE "deletedAt" IS NULL) AS annotations,
      (SELECT count(*) FROM "Codebook") AS codebooks,
      (SELECT count(*) FROM "Label") AS labels,
      (SELECT count(*) FROM "Assignment") AS assignments,
      (SELECT count(*) FROM "AnswerKeyAnnotation") AS answer_key,
      (SELECT count(*) FROM "ApiToken" WHERE "revokedAt" IS NULL) AS tokens,
      (SELECT count(*) FROM "AuditEvent") AS audit`;
  return JSON.stringify(row, (_, value: unknown) =>
    typeof value === "bigint" ? Number(value) : value,
  );
}

// Every field name the actions read, filled with a real id from workspace A (or a value
// that would pass validation), so a refusal comes from the permission check.
function formFor(values: Record<string, unknown>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    form.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return form;
}

const takesFormData = new Set(["lib/actions/join-workspace.ts#joinWorkspaceAction"]);

async function call(key: string): Promise<unknown> {
  const [file, name] = key.split("#") as [string, string];
  const exported = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<
    string,
    Action
  >;
  const action = exported[name];
  if (!action) {
    throw new Error(`${key} is not exported`);
  }
  const values = {
    ...ids,
    title: "Matrix title",
    text: "Matrix text that is long enough.",
    name: "Matrix name",
    kind: "SUBMISSION",
    role: "EDITOR",
    scope: "READ_WRITE",
    displayName: "Matrix",
    revealNames: "names",
    enabled: "on",
    mode: "BLIND",
    to: "APPROVED",
    action: "approve",
    version: "1",
    revision: 1,
    documentVersion: 1,
    expectedUpdatedAt: ids.codebookUpdatedAt,
    presetKey: "newsroom-review",
    json: '{"name":"x"}',
    documentIds: ids.documentId,
    decision: "accept",
    start: 4,
    end: 12,
    exact: "minister",
    key: "matrix_key",
    sourceLabelIds: [ids.labelId],
  };
  // Form actions take (previousState, formData) or just formData; the others one typed
  // input object.
  const form = formFor(values);
  const result = await (
    action.length >= 2
      ? action(null, form)
      : takesFormData.has(key)
        ? action(form)
        : action({ ...values, labelIds: [ids.labelId], annotationIds: [ids.annotationId] })
  ).catch((error: unknown) => ({ thrown: String(error) }));
  return result;
}

beforeAll(async () => {
  await getDb().$queryRaw`SELECT 1`;
  const ctx = await makeWorkspaceWithRoles();
  const document = await makeDocument(ctx.owner.id, ctx.workspace.id, "The minister spoke.");
  const labels = await getLabelIds(ctx.workspace.id);
  const codebook = await getDb().codebook.findFirstOrThrow({
    where: { workspaceId: ctx.workspace.id },
    select: { id: true, updatedAt: true },
  });
  const annotation = await getDb().annotation.create({
    data: {
      documentId: document.id,
      authorId: ctx.annotator.id,
      documentVersion: 1,
      start: 4,
      end: 12,
      exact: "minister",
      prefix: "The ",
      suffix: " spoke.",
      deletedAt: new Date(),
    },
    select: { id: true },
  });
  const assignment = await getDb().assignment.create({
    data: {
      workspaceId: ctx.workspace.id,
      title: "Matrix",
      documents: { create: [{ documentId: document.id }] },
    },
    select: { id: true },
  });
  const token = await getDb().apiToken.create({
    data: {
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
      name: "matrix",
      tokenHash: "0".repeat(64),
      prefix: "fw_matrix",
      scope: "READ",
    },
    select: { id: true },
  });
  ids = {
    workspaceId: ctx.workspace.id,
    documentId: document.id,
    annotationId: annotation.id,
    assignmentId: assignment.id,
    codebookId: codebook.id,
    codebookUpdatedAt: codebook.updatedAt.toISOString(),
    labelId: Object.values(labels)[0]!,
    targetLabelId: Object.values(labels)[1]!,
    userId: ctx.annotator.id,
    memberId: ctx.annotator.id,
    reviewerId: ctx.editor.id,
    tokenId: token.id,
    notificationId: token.id,
  };
  outsider = { id: ctx.outsider.id, name: ctx.outsider.name, email: ctx.outsider.email };
});

function messageOf(result: unknown): string {
  const value = result as { message?: unknown; thrown?: unknown } | null;
  return String(value?.message ?? value?.thrown ?? "");
}

function isRefusal(result: unknown): boolean {
  if (result && typeof result === "object" && "thrown" in result) {
    // A redirect is how a form action reports success.
    return !String((result as { thrown: string }).thrown).includes("NEXT_REDIRECT");
  }
  return !!result && typeof result === "object" && (result as { ok?: unknown }).ok === false;
}

describe("server actions against the permission matrix", () => {
  const walk = async (role: MatrixRole, user: typeof session.user) => {
    const problems: string[] = [];
    for (const [key, access] of Object.entries(actionMatrix)) {
      if (access[role] === "allow") {
        continue;
      }
      session.user = user;
      const before = await countRows();
      const result = await call(key);
      const after = await countRows();
      const wanted: Record<string, RegExp> = {
        notFound: /not found/,
        signIn: /sign in/i,
      };
      const pattern = wanted[access[role]];
      if (!isRefusal(result)) {
        problems.push(`${key} as ${role}: expected ${access[role]}, got ${JSON.stringify(result)}`);
      } else if (pattern && !pattern.test(messageOf(result))) {
        problems.push(`${key} as ${role}: expected ${access[role]}, got ${messageOf(result)}`);
      }
      if (after !== before) {
        problems.push(`${key} as ${role}: refused but wrote rows: ${before} → ${after}`);
      }
    }
    return problems;
  };

  it("refuses every signed-out call and writes nothing", async () => {
    const problems = await walk("signedOut", null);
    expect(problems, problems.join("\n")).toEqual([]);
  }, 120_000);

  it("refuses a member of another workspace every action on workspace A's ids", async () => {
    const problems = await walk("outsider", outsider);
    expect(problems, problems.join("\n")).toEqual([]);
  }, 120_000);
});
