import { randomBytes } from "node:crypto";

import { beforeAll, describe, expect, it, vi } from "vitest";

import { newsroomReviewPreset } from "@/lib/codebooks/presets/newsroom-review";

import { getDb } from "@/lib/db/client";
import type * as AppErrorModule from "@/lib/errors/app-error";
import { unauthorized } from "@/lib/errors/app-error";
import { createCodebookFromPreset } from "@/lib/server/codebook/create-codebook-from-preset";
import { actionMatrix, type MatrixRole } from "@/lib/security/permission-matrix";
import { joinCodeAlphabet, joinCodeLength } from "@/lib/validations/membership";
import {
  getLabelIds,
  makeDocument,
  makeUser,
  makeWorkspaceWithRoles,
  testPassword,
} from "@/tests/factories";

// Server actions are public endpoints, and their ids are build-specific, so the matrix's
// action rows are walked here by calling the exported functions as Next.js would, with a
// faked session. Every action in the matrix is called signed out, as a member of another
// workspace, and as the owner, editor, annotator and viewer of workspace A, with a form
// (or input object) naming workspace A's real ids and values its schema accepts. A refused
// caller must get the kind of refusal the matrix says (the AppError code behind the
// message: sign in, not found, forbidden) and write nothing; an allowed member must not be
// refused for a permission reason. Each member call gets a workspace of its own, so one
// allowed call (removing a member, deleting a label) cannot change what the next one sees.

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
// The code behind each refusal, so "forbidden" is told from "not found" or a validation
// error without matching on the wording of each use case's message.
const refusals = vi.hoisted(() => ({ codes: [] as string[] }));
vi.mock("@/lib/errors/app-error", async (importOriginal) => {
  const original = await importOriginal<typeof AppErrorModule>();
  return {
    ...original,
    toAppError: (error: unknown) => {
      const appError = original.toAppError(error);
      refusals.codes.push(appError.code);
      return appError;
    },
  };
});

type Action = (...args: unknown[]) => Promise<unknown>;
type Caller = { id: string; name: string; email: string };
type MemberRole = "owner" | "editor" | "annotator" | "viewer";
const memberRoles: MemberRole[] = ["owner", "editor", "annotator", "viewer"];

// Users are made once (passwords are hashed, which is slow); workspaces per call.
let users: Record<MemberRole | "outsider" | "classmate", Caller>;
// Workspace A for the signed-out and outsider walks.
let shared: World;

type World = Record<string, string>;

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

// A workspace with every member role, a document with a live and a deleted highlight (both
// the annotator's), an assignment, a draft-free default codebook, a join code and an API token.
// Things of the caller's own (a token, a notification, another signed-in session) for the
// account actions.
async function makeWorld(caller: Caller | null): Promise<World> {
  const db = getDb();
  const workspace = await db.$transaction(async (tx) => {
    const created = await tx.workspace.create({
      data: {
        name: "Matrix class",
        kind: "CLASS",
        members: {
          create: [
            { userId: users.owner.id, role: "OWNER" },
            { userId: users.editor.id, role: "EDITOR" },
            { userId: users.annotator.id, role: "ANNOTATOR" },
            { userId: users.viewer.id, role: "VIEWER" },
            { userId: users.classmate.id, role: "ANNOTATOR" },
          ],
        },
      },
      select: { id: true },
    });
    await createCodebookFromPreset({
      tx,
      workspaceId: created.id,
      preset: newsroomReviewPreset,
      isDefault: true,
    });
    return created;
  });
  const document = await makeDocument(users.owner.id, workspace.id, "The minister spoke.");
  const labels = await getLabelIds(workspace.id);
  const codebook = await db.codebook.findFirstOrThrow({
    where: { workspaceId: workspace.id },
    select: { id: true, updatedAt: true },
  });
  const highlight = (deletedAt: Date | null) =>
    db.annotation.create({
      data: {
        documentId: document.id,
        authorId: users.annotator.id,
        documentVersion: 1,
        start: 4,
        end: 12,
        exact: "minister",
        prefix: "The ",
        suffix: " spoke.",
        deletedAt,
      },
      select: { id: true },
    });
  const deleted = await highlight(new Date());
  const live = await highlight(null);
  const assignment = await db.assignment.create({
    data: {
      workspaceId: workspace.id,
      title: "Matrix",
      documents: { create: [{ documentId: document.id }] },
    },
    select: { id: true },
  });
  const token = await db.apiToken.create({
    data: {
      userId: users.editor.id,
      workspaceId: workspace.id,
      name: "matrix",
      tokenHash: randomBytes(32).toString("hex"),
      prefix: "fw_matrix",
      scope: "READ",
    },
    select: { id: true },
  });
  await db.answerKeyAnnotation.create({
    data: { assignmentId: assignment.id, annotationId: live.id },
  });
  const owner = caller ?? users.editor;
  const ownToken = await db.apiToken.create({
    data: {
      userId: owner.id,
      workspaceId: workspace.id,
      name: "mine",
      tokenHash: randomBytes(32).toString("hex"),
      prefix: "fw_mine",
      scope: "READ",
    },
    select: { id: true },
  });
  const notification = await db.notification.create({
    data: { userId: owner.id, workspaceId: workspace.id, kind: "matrix", message: "Matrix" },
    select: { id: true },
  });
  const otherSession = await db.userSession.create({
    data: { userId: owner.id },
    select: { id: true },
  });
  const joinCode = Array.from(randomBytes(joinCodeLength), (byte) =>
    joinCodeAlphabet.charAt(byte % joinCodeAlphabet.length),
  ).join("");
  await db.workspace.update({
    where: { id: workspace.id },
    data: { joinCode, joinCodeEnabled: true },
  });
  return {
    workspaceId: workspace.id,
    documentId: document.id,
    deletedAnnotationId: deleted.id,
    annotationId: live.id,
    assignmentId: assignment.id,
    codebookId: codebook.id,
    codebookUpdatedAt: codebook.updatedAt.toISOString(),
    labelId: Object.values(labels)[0]!,
    targetLabelId: Object.values(labels)[1]!,
    // Another person's token: what signed-out callers and outsiders are tested against.
    tokenId: caller ? ownToken.id : token.id,
    notificationId: notification.id,
    sessionId: otherSession.id,
    joinCode,
  };
}

// Values every action's schema accepts, naming the world's real ids, so a refusal comes
// from a permission check (or, for an allowed caller, from the state of the world).
function valuesFor(key: string, world: World, caller: Caller | null): Record<string, unknown> {
  const generic: Record<string, unknown> = {
    ...world,
    title: "Matrix title",
    text: "Matrix text that is long enough.",
    name: "Matrix name",
    kind: "SUBMISSION",
    role: "EDITOR",
    scope: "READ_WRITE",
    displayName: "Matrix",
    revealNames: "1",
    enabled: "on",
    mode: "BLIND",
    action: "approve",
    version: "1",
    revision: 1,
    documentVersion: 1,
    expectedUpdatedAt: world.codebookUpdatedAt,
    presetKey: "newsroom-review",
    json: '{"name":"x"}',
    documentIds: world.documentId,
    decision: "accept",
    start: 4,
    end: 12,
    exact: "minister",
    key: "matrix_key",
    labelIds: [world.labelId],
    // Another member: never the caller, so no call is "leaving" or "changing myself".
    userId: users.classmate.id,
    reviewerId: users.editor.id,
  };
  const specific: Record<string, Record<string, unknown>> = {
    "lib/actions/create-workspace.ts#createWorkspaceAction": { kind: "CLASS" },
    "lib/actions/join-workspace.ts#joinWorkspaceAction": { code: world.joinCode },
    "lib/actions/update-join-code.ts#updateJoinCodeAction": { action: "rotate", expiresIn: "7" },
    "lib/actions/set-display-name.ts#setDisplayNameAction": { userId: caller?.id ?? "" },
    "lib/actions/restore-annotation.ts#restoreAnnotationAction": {
      annotationId: world.deletedAnnotationId,
    },
    "lib/actions/update-codebook.ts#updateCodebookAction": {
      codebook: { name: "Matrix", dimensions: [] },
    },
    "lib/actions/merge-codebook-labels.ts#mergeCodebookLabelsAction": {
      sourceLabelIds: [world.labelId],
      target: { labelId: world.targetLabelId },
    },
    "lib/actions/split-codebook-label.ts#splitCodebookLabelAction": {
      into: [
        { key: "split_a", name: "Split A" },
        { key: "split_b", name: "Split B" },
      ],
      assignments: { [world.annotationId!]: "split_a" },
    },
    "lib/actions/assignment-actions.ts#reopenAssignmentAction": { userId: users.annotator.id },
    "lib/actions/save-assignment.ts#saveAssignmentAction": {
      instructions: "Read it.",
      codebookId: "",
      dueAtLocal: "",
      dueAtOffset: "0",
      mode: "OPEN",
    },
    "lib/actions/create-document.ts#createDocumentAction": { kind: "ARTICLE" },
    "app/(app)/settings/tokens/_actions/create-api-token.ts#createApiTokenAction": {
      scope: "READ",
    },
    "app/(app)/settings/account/_actions/change-password.ts#changePasswordAction": {
      currentPassword: testPassword,
      newPassword: testPassword,
    },
  };
  return { ...generic, ...specific[key] };
}

function formFor(values: Record<string, unknown>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === "object" && !Array.isArray(value)) {
      continue;
    }
    form.set(name, Array.isArray(value) ? value.join(",") : String(value));
  }
  return form;
}

const takesFormData = new Set(["lib/actions/join-workspace.ts#joinWorkspaceAction"]);

async function loadAction(key: string): Promise<Action> {
  const [file, name] = key.split("#") as [string, string];
  const exported = (await import(/* @vite-ignore */ `@/${file.replace(/\.ts$/, "")}`)) as Record<
    string,
    Action
  >;
  const action = exported[name];
  if (!action) {
    throw new Error(`${key} is not exported`);
  }
  return action;
}

type Outcome = { result: unknown; code: string | null };

// Calls the action as Next.js would: form actions take (previousState, formData) or just
// formData; the others one typed input object. `code` is the AppError code behind a
// refusal (INVALID_INPUT for a schema refusal, which never becomes an AppError).
async function call(key: string, world: World, caller: Caller | null): Promise<Outcome> {
  const action = await loadAction(key);
  const values = valuesFor(key, world, caller);
  const form = formFor(values);
  session.user = caller;
  refusals.codes = [];
  const result = await (
    action.length >= 2 ? action(null, form) : takesFormData.has(key) ? action(form) : action(values)
  ).catch((error: unknown) => ({ thrown: String(error) }));
  if (!isRefusal(result)) {
    return { result, code: null };
  }
  return { result, code: refusals.codes.at(-1) ?? "INVALID_INPUT" };
}

function isRefusal(result: unknown): boolean {
  if (result && typeof result === "object" && "thrown" in result) {
    // A redirect is how a form action reports success.
    return !String((result as { thrown: string }).thrown).includes("NEXT_REDIRECT");
  }
  return !!result && typeof result === "object" && (result as { ok?: unknown }).ok === false;
}

function describe_(result: unknown): string {
  return JSON.stringify(result).slice(0, 300);
}

const refusalCode: Partial<Record<string, string>> = {
  signIn: "UNAUTHORIZED",
  notFound: "NOT_FOUND",
  forbidden: "FORBIDDEN",
};
const permissionCodes = new Set(["UNAUTHORIZED", "NOT_FOUND", "FORBIDDEN"]);

// One cell of the matrix: the refusal it wants, with nothing written, or no permission refusal.
async function checkCell(
  key: string,
  role: MatrixRole,
  world: World,
  caller: Caller | null,
): Promise<{ problem: string | null; succeeded: boolean }> {
  const wanted = actionMatrix[key]![role];
  const before = await countRows();
  const { result, code } = await call(key, world, caller);
  const after = await countRows();
  const cell = `${key} as ${role}`;

  if (wanted === "allow") {
    if (code && permissionCodes.has(code)) {
      return {
        problem: `${cell}: allowed, but refused (${code}): ${describe_(result)}`,
        succeeded: false,
      };
    }
    return { problem: null, succeeded: code === null };
  }
  if (code === null) {
    return { problem: `${cell}: expected ${wanted}, got ${describe_(result)}`, succeeded: true };
  }
  if ("thrown" in (result as object)) {
    return {
      problem: `${cell}: threw instead of refusing: ${describe_(result)}`,
      succeeded: false,
    };
  }
  const message = (result as { message?: unknown }).message;
  if (code !== refusalCode[wanted] || typeof message !== "string" || !message) {
    return {
      problem: `${cell}: expected ${wanted} (${refusalCode[wanted]}), got ${code}: ${describe_(result)}`,
      succeeded: false,
    };
  }
  if (after !== before) {
    return { problem: `${cell}: refused but wrote rows: ${before} → ${after}`, succeeded: false };
  }
  return { problem: null, succeeded: false };
}

beforeAll(async () => {
  await getDb().$queryRaw`SELECT 1`;
  const ctx = await makeWorkspaceWithRoles();
  const pick = (user: Caller) => ({ id: user.id, name: user.name, email: user.email });
  users = {
    owner: pick(ctx.owner),
    editor: pick(ctx.editor),
    annotator: pick(ctx.annotator),
    viewer: pick(ctx.viewer),
    outsider: pick(ctx.outsider),
    classmate: pick(await makeUser("Classmate")),
  };
  shared = await makeWorld(null);
});

describe("server actions against the permission matrix", () => {
  it("refuses every signed-out call with 'sign in' and writes nothing", async () => {
    const problems: string[] = [];
    for (const key of Object.keys(actionMatrix)) {
      if (actionMatrix[key]!.signedOut !== "allow") {
        problems.push(...[(await checkCell(key, "signedOut", shared, null)).problem ?? []].flat());
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  }, 120_000);

  it("refuses a member of another workspace every action on workspace A's ids with 'not found'", async () => {
    const problems: string[] = [];
    for (const key of Object.keys(actionMatrix)) {
      if (actionMatrix[key]!.outsider !== "allow") {
        problems.push(
          ...[(await checkCell(key, "outsider", shared, users.outsider)).problem ?? []].flat(),
        );
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  }, 120_000);

  it.each(memberRoles)(
    "answers the %s as the matrix says: refusals of the right kind that write nothing, no permission refusal where allowed",
    async (role) => {
      const problems: string[] = [];
      const succeeded: string[] = [];
      for (const key of Object.keys(actionMatrix)) {
        const world = await makeWorld(users[role]);
        const { problem, succeeded: ok } = await checkCell(key, role, world, users[role]);
        if (problem) {
          problems.push(problem);
        }
        if (ok) {
          succeeded.push(key);
        }
      }
      const allowed = Object.keys(actionMatrix).filter(
        (key) => actionMatrix[key]![role] === "allow",
      );
      console.info(
        `[matrix] ${role}: ${allowed.length} allowed actions, ${succeeded.length} succeeded outright`,
      );
      expect(problems, problems.join("\n")).toEqual([]);
    },
    300_000,
  );
});
