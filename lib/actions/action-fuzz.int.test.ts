import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { getDb } from "@/lib/db/client";
import type * as AppErrorModule from "@/lib/errors/app-error";
import { unauthorized } from "@/lib/errors/app-error";
import { actionMatrix } from "@/lib/security/permission-matrix";
import { getLabelIds, makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

// Property-based fuzzing of every exported server action (the permission matrix lists them
// all; its unit test fails when one is missing), called as a workspace owner, as Next.js
// would, with malformed, oversized and boundary input: wrong types, huge strings, lone
// surrogates, NUL and RTL characters, FormData with missing, duplicated, huge or file
// fields, a non-form second argument, nested junk for the typed actions, mixed with
// workspace A's real ids so calls get past the membership check. No action may throw (for
// a form that is a 500) other than Next's redirect on success; every refusal is
// { ok: false, message } with a non-empty message and is never an internal error; and a
// refusal writes nothing (the main tables' row counts are the same before and after).
// A fixed seed per action, printed with any failure, replays it:
// FUZZ_SEED=<n> npx vitest run --project integration lib/actions/action-fuzz.

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
// The AppError code behind each refusal: an INTERNAL one is an unexpected error that the
// action turned into a generic message, which is still a bug.
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

const runs = Number(process.env.FUZZ_RUNS ?? 30);
const baseSeed = Number(process.env.FUZZ_SEED ?? 20261125);

type Action = (...args: unknown[]) => Promise<unknown>;

let ids: Record<string, string>;

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
      (SELECT count(*) FROM "UserSession" WHERE "revokedAt" IS NULL) AS sessions,
      (SELECT count(*) FROM "Notification" WHERE "readAt" IS NULL) AS unread,
      (SELECT count(*) FROM "AuditEvent") AS audit`;
  return JSON.stringify(row, (_, value: unknown) =>
    typeof value === "bigint" ? Number(value) : value,
  );
}

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

// Field names the actions read (forms and typed inputs), and some they never do.
const fieldNames = [
  "workspaceId",
  "documentId",
  "annotationId",
  "assignmentId",
  "codebookId",
  "labelId",
  "userId",
  "tokenId",
  "notificationId",
  "sessionId",
  "reviewerId",
  "importId",
  "moveToLabelId",
  "targetLabelId",
  "title",
  "text",
  "name",
  "kind",
  "role",
  "scope",
  "code",
  "displayName",
  "revealNames",
  "mode",
  "action",
  "message",
  "version",
  "revision",
  "documentVersion",
  "expectedUpdatedAt",
  "presetKey",
  "codebookPreset",
  "json",
  "file",
  "codebook",
  "documentIds",
  "decision",
  "reason",
  "start",
  "end",
  "exact",
  "key",
  "labelIds",
  "sourceLabelIds",
  "target",
  "into",
  "assignments",
  "moves",
  "expiresIn",
  "expiresInDays",
  "dueAtLocal",
  "dueAtOffset",
  "instructions",
  "sourceUrl",
  "outlet",
  "author",
  "publishedAt",
  "analysedDocumentId",
  "provenanceModel",
  "provenanceDate",
  "provenancePrompt",
  "currentPassword",
  "newPassword",
  "email",
  "password",
  "__proto__",
  "constructor",
  "$ACTION_ID_x",
] as const;

// Read when a value is drawn: the ids exist only once beforeAll has run.
const realId = () =>
  fc.nat({ max: 99 }).map((index) => {
    const all = Object.values(ids);
    return all[index % all.length]!;
  });

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDC00y",
    "\uFEFF",
    "\u202E",
    "e\u0301",
    "👩🏽‍💻",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%00",
    "{{7*7}}",
    "NaN",
    "-1",
    "1e309",
    "9007199254740993",
    "2026-02-30T25:61:00Z",
    "javascript:alert(1)",
    "x".repeat(70_000),
    "€".repeat(1_000_001),
  ),
);
const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 2 ** 31, 2 ** 53 + 1, -(2 ** 53), Number.MAX_VALUE, Number.NaN),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.bigInt(),
    fc.date({ noInvalidDate: false }),
    realId(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...fieldNames), fc.string({ maxLength: 8 })),
      tie("value"),
      {
        maxKeys: 6,
      },
    ),
  ),
})).value;

// Deeply nested junk: recursive validation and error paths must not blow the stack.
function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) {
    value = { a: [value], codebookId: ids.codebookId };
  }
  return value;
}

const formValue = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: realId() },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom("a.json", "", "../x.txt"),
        fc.constantFrom("{}", "", "x".repeat(3_000_000)),
      )
      .map(([name, content]) => new File([content], name, { type: "application/json" })),
  },
);

// A form with missing fields, repeated fields (FormData.getAll sees all of them) and file
// parts where text is expected; or something that is not a form at all.
const formArgument: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.constantFrom(...fieldNames),
          fc.array(formValue, { minLength: 1, maxLength: 3 }),
        ),
        {
          maxLength: 10,
        },
      )
      .map((fields) => {
        const form = new FormData();
        for (const [name, values] of fields) {
          for (const value of values) {
            form.append(name, value);
          }
        }
        return form;
      }),
  },
  { weight: 1, arbitrary: hostileValue },
);

const typedArgument: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileValue },
  {
    weight: 4,
    // Real ids where the action looks for them, so the schema and the use case are reached.
    arbitrary: fc
      .record({
        codebookId: realId(),
        documentId: realId(),
        annotationId: realId(),
        labelId: realId(),
        extra: fc.dictionary(fc.constantFrom(...fieldNames), hostileValue, { maxKeys: 6 }),
      })
      .map(({ extra, ...known }) => ({ ...known, ...extra })),
  },
  { weight: 1, arbitrary: fc.constantFrom(5_000, 20_000).map(nested) },
);

const takesFormData = new Set(["lib/actions/join-workspace.ts#joinWorkspaceAction"]);

function seedOf(name: string): number {
  let hash = baseSeed;
  for (const char of name) {
    hash = (hash * 31 + char.charCodeAt(0)) | 0;
  }
  return hash;
}

// For failure reports: forms and files as their entries, long strings cut short.
function describeInput(value: unknown): string {
  return (
    JSON.stringify(value, (_, item: unknown) => {
      if (item instanceof FormData) {
        return Array.from(item.entries());
      }
      if (item instanceof File) {
        return `File(${item.name}, ${item.size} bytes)`;
      }
      if (typeof item === "bigint") {
        return `${item}n`;
      }
      return typeof item === "string" && item.length > 60
        ? `${item.slice(0, 60)}… (${item.length})`
        : item;
    }) ?? String(value)
  ).slice(0, 400);
}

function isRedirect(error: unknown): boolean {
  return String((error as { digest?: unknown } | null)?.digest ?? "").startsWith("NEXT_REDIRECT");
}

beforeAll(async () => {
  await getDb().$queryRaw`SELECT 1`;
  const ctx = await makeWorkspaceWithRoles();
  const document = await makeDocument(ctx.owner.id, ctx.workspace.id, "The minister spoke.");
  const labels = await getLabelIds(ctx.workspace.id);
  const codebook = await getDb().codebook.findFirstOrThrow({
    where: { workspaceId: ctx.workspace.id },
    select: { id: true },
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
    },
    select: { id: true },
  });
  const assignment = await getDb().assignment.create({
    data: {
      workspaceId: ctx.workspace.id,
      title: "Fuzz",
      documents: { create: [{ documentId: document.id }] },
    },
    select: { id: true },
  });
  ids = {
    workspaceId: ctx.workspace.id,
    otherWorkspaceId: ctx.otherWorkspace.id,
    documentId: document.id,
    annotationId: annotation.id,
    assignmentId: assignment.id,
    codebookId: codebook.id,
    labelId: Object.values(labels)[0]!,
    userId: ctx.annotator.id,
    ownerId: ctx.owner.id,
  };
  session.user = { id: ctx.owner.id, name: ctx.owner.name, email: ctx.owner.email };
});

describe("fuzzing the server actions as a workspace owner", () => {
  it("never throws, refuses with a message (never an internal error), and writes nothing when it refuses", async () => {
    const failures: string[] = [];
    for (const key of Object.keys(actionMatrix)) {
      const action = await loadAction(key);
      const isForm = action.length >= 2 || takesFormData.has(key);
      const seed = seedOf(key);
      const result = await fc.check(
        fc.asyncProperty(
          isForm ? formArgument : typedArgument,
          hostileValue,
          async (input, previous) => {
            const before = await countRows();
            refusals.codes = [];
            let outcome: unknown;
            try {
              outcome = await (action.length >= 2 ? action(previous, input) : action(input));
            } catch (error) {
              if (isRedirect(error)) {
                return;
              }
              throw new Error(`threw: ${String(error).slice(0, 300)}`);
            }
            const value = outcome as { ok?: unknown; message?: unknown } | null;
            if (!value || typeof value !== "object" || typeof value.ok !== "boolean") {
              throw new Error(
                `answered neither ok nor a refusal: ${JSON.stringify(outcome)?.slice(0, 200)}`,
              );
            }
            if (value.ok) {
              return;
            }
            if (typeof value.message !== "string" || value.message.trim() === "") {
              throw new Error(
                `refused without a message: ${JSON.stringify(outcome).slice(0, 200)}`,
              );
            }
            if (refusals.codes.includes("INTERNAL")) {
              throw new Error(`an internal error became "${value.message}"`);
            }
            const after = await countRows();
            if (after !== before) {
              throw new Error(`refused ("${value.message}") but wrote rows: ${before} → ${after}`);
            }
          },
        ),
        { numRuns: runs, seed, endOnFailure: true },
      );
      if (result.failed) {
        failures.push(
          `${key} (seed ${seed}, replay with FUZZ_SEED=${baseSeed}): ${String(result.errorInstance)}\n  counterexample: ${describeInput(result.counterexample)}`,
        );
      }
    }
    expect(failures, failures.join("\n")).toEqual([]);
  }, 900_000);
});
