import { beforeAll, describe, expect, it } from "vitest";

import * as annotationImportsRoute from "@/app/api/v1/workspaces/[workspaceId]/annotation-imports/route";
import { annotationImportReportSchema, errorResponseSchema } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseJsonl } from "@/lib/export/jsonl";
import type { ExportAnnotation, ExportDocument } from "@/lib/export/types";
import { parseW3c } from "@/lib/export/w3c";
import { createApiToken } from "@/lib/server/api-token/create-api-token";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import {
  annotationImportOptionsSchema,
  type AnnotationImportOptionsInput,
} from "@/lib/validations/annotation-import";
import { getLabelIds, makeDocument, makeUser, makeWorkspaceWithRoles } from "@/tests/factories";

import { createWorkspace } from "../workspace/create-workspace";
import {
  annotate,
  exportRequest,
  exportText,
  testBaseUrl,
} from "../export/testing/export-test-support";

import { importAnnotations } from "./import-annotations";

// "news" sits after an emoji: code point 7, UTF-16 offset 8.
const firstText =
  "Fake 👍 news, critics say, spread fast.\n\nA second paragraph: critics say it again.";
const secondText = "Officials said the plan would work. Experts believe the plan is flawed.";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let labels: Record<string, string>;
let jsonlExport: string;
let w3cExport: string;

function label(key: string): string {
  const id = labels[key];
  if (!id) {
    throw new Error(`No label ${key}`);
  }
  return id;
}

// A workspace holding copies of the two articles (new ids, same titles and texts).
async function freshWorkspace(ownerId: string, texts: [string, string] = [firstText, secondText]) {
  const workspace = await createWorkspace({
    userId: ownerId,
    input: { name: "Replica", kind: "NEWSROOM" },
  });
  await makeDocument(ownerId, workspace.id, texts[0], "First");
  await makeDocument(ownerId, workspace.id, texts[1], "Second");
  return workspace;
}

function run(
  userId: string,
  workspaceId: string,
  content: string,
  fileName: string,
  options: AnnotationImportOptionsInput = {},
) {
  return importAnnotations({
    userId,
    workspaceId,
    fileName,
    bytes: new TextEncoder().encode(content),
    options: annotationImportOptionsSchema.parse(options),
  });
}

async function countAnnotations(workspaceId: string) {
  return getDb().annotation.count({ where: { document: { workspaceId } } });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

// Content only: ids and dates differ between workspaces, and documents are named by title.
function content(documents: ExportDocument[], rows: ExportAnnotation[]) {
  const titles = new Map(documents.map((document) => [document.id, document.title]));
  return rows
    .map((row) => ({
      document: titles.get(row.documentId) ?? row.documentId,
      start: row.start,
      end: row.end,
      exact: row.exact,
      prefix: row.prefix,
      suffix: row.suffix,
      dimension: row.dimension,
      labels: [...row.labels].sort(),
      annotator: row.annotator,
      comment: row.comment,
      confidence: row.confidence,
      origin: row.origin,
      reviewState: row.reviewState,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  labels = await getLabelIds(ctx.workspace.id);
  const first = await makeDocument(ctx.owner.id, ctx.workspace.id, firstText, "First");
  const second = await makeDocument(ctx.owner.id, ctx.workspace.id, secondText, "Second");

  await annotate({
    userId: ctx.annotator.id,
    documentId: first.id,
    text: firstText,
    phrase: "news",
    labelIds: [label("framing:Loaded_Language"), label("stance:critical")],
    comment: "Emotive, “quoted”",
  });
  await annotate({
    userId: ctx.annotator.id,
    documentId: first.id,
    text: firstText,
    phrase: "critics say",
    occurrence: 1,
    comment: "A note without labels.",
  });
  await annotate({
    userId: ctx.editor.id,
    documentId: first.id,
    text: firstText,
    phrase: "spread fast",
    labelIds: [label("accuracy:misleading")],
    origin: "SUGGESTION",
  });
  await annotate({
    userId: ctx.editor.id,
    documentId: second.id,
    text: secondText,
    phrase: "Experts believe",
    labelIds: [label("sourcing:vague_attribution")],
  });

  jsonlExport = (await exportText(ctx.owner.id, ctx.workspace.id, exportRequest("jsonl"))).text;
  w3cExport = (await exportText(ctx.owner.id, ctx.workspace.id, exportRequest("w3c"))).text;
});

describe("importAnnotations", () => {
  it("[imports] lets owners and editors import; annotators and viewers are refused, outsiders see nothing", async () => {
    for (const [userId, code] of [
      [ctx.viewer.id, "FORBIDDEN"],
      [ctx.annotator.id, "FORBIDDEN"],
      [ctx.outsider.id, "NOT_FOUND"],
    ] as const) {
      expect((await rejection(run(userId, ctx.workspace.id, jsonlExport, "a.jsonl"))).code).toBe(
        code,
      );
    }
    const report = await run(ctx.editor.id, ctx.workspace.id, jsonlExport, "a.jsonl");
    expect(report.dryRun).toBe(true);
  });

  it("[imports] re-importing a workspace's own export is all duplicates and writes nothing", async () => {
    const before = await countAnnotations(ctx.workspace.id);
    for (const [content_, fileName] of [
      [jsonlExport, "export.jsonl"],
      [w3cExport, "export.json"],
    ] as const) {
      const report = await run(ctx.owner.id, ctx.workspace.id, content_, fileName, {
        dryRun: "false",
      });
      expect(report.counts).toMatchObject({ total: 4, duplicate: 4, created: 0, problems: 0 });
      expect(report.applied).toBe(false);
    }
    expect(await countAnnotations(ctx.workspace.id)).toBe(before);
  });

  for (const [format, fileName] of [
    ["jsonl", "export.jsonl"],
    ["w3c", "export.json"],
  ] as const) {
    it(`[imports] ${format}: export -> import into a fresh workspace -> export gives the same content`, async () => {
      const owner = await makeUser("Replica owner");
      const replica = await freshWorkspace(owner.id);
      const exported = format === "jsonl" ? jsonlExport : w3cExport;

      const dryRun = await run(owner.id, replica.id, exported, fileName);
      expect(dryRun.counts).toMatchObject({ total: 4, create: 4, created: 0 });
      expect(await countAnnotations(replica.id)).toBe(0);

      const applied = await run(owner.id, replica.id, exported, fileName, { dryRun: "false" });
      expect(applied.counts).toMatchObject({ created: 4 });
      expect(applied.rows.every((row) => row.status === "created")).toBe(true);
      expect(await countAnnotations(replica.id)).toBe(4);

      const again = (await exportText(owner.id, replica.id, exportRequest(format))).text;
      if (format === "jsonl") {
        const before = parseJsonl(exported);
        const after = parseJsonl(again);
        expect(content(after.documents, after.annotations)).toEqual(
          content(before.documents, before.annotations),
        );
      } else {
        const titlesOf = async (workspaceId: string) =>
          (await getDb().document.findMany({
            where: { workspaceId },
            select: { id: true, title: true },
          })) as ExportDocument[];
        expect(
          content(await titlesOf(replica.id), parseW3c(again, { baseUrl: testBaseUrl })),
        ).toEqual(
          content(await titlesOf(ctx.workspace.id), parseW3c(exported, { baseUrl: testBaseUrl })),
        );
      }

      // Provenance: the importer is the author; the file's annotator and id are kept.
      const stored = await getDb().annotation.findMany({
        where: { document: { workspaceId: replica.id } },
        select: { authorId: true, externalAnnotator: true, externalId: true },
      });
      expect(stored.every((row) => row.authorId === owner.id)).toBe(true);
      expect(stored.every((row) => row.externalAnnotator?.startsWith("annotator-"))).toBe(true);
      expect(stored.every((row) => row.externalId !== null)).toBe(true);

      const audit = await getDb().auditEvent.findMany({
        where: { workspaceId: replica.id, action: "annotation.import" },
        select: { after: true, actorId: true },
      });
      expect(audit).toEqual([
        {
          actorId: owner.id,
          after: expect.objectContaining({ created: 4, duplicates: 0, problems: 0, format }),
        },
      ]);
    });
  }

  it("[imports] all or nothing by default; row-level mode saves the good rows and reports the rest", async () => {
    const owner = await makeUser("Strict owner");
    const replica = await freshWorkspace(owner.id);
    const [firstLine, secondLine] = jsonlExport.trimEnd().split("\n");
    // An unknown label on the second document's line.
    const broken = `${firstLine}\n${secondLine!.replace('"label":"vague_attribution"', '"label":"gossip"')}\n`;

    const dry = await run(owner.id, replica.id, broken, "mixed.jsonl");
    expect(dry.counts).toMatchObject({ create: 3, "unknown-label": 1, problems: 1 });
    expect(dry.rows.find((row) => row.status === "unknown-label")?.message).toMatch(
      /^Line 2, spans\.0, label: "gossip" is not a label of Sourcing/,
    );

    const refused = await rejection(
      run(owner.id, replica.id, broken, "mixed.jsonl", { dryRun: "false" }),
    );
    expect(refused.code).toBe("INVALID_INPUT");
    expect(refused.message).toMatch(/^Nothing was imported: 1 row has a problem/);
    expect(refused.details?.report).toMatchObject({ applied: false, counts: { created: 0 } });
    expect(await countAnnotations(replica.id)).toBe(0);
    expect(
      await getDb().auditEvent.count({
        where: { workspaceId: replica.id, action: "annotation.import" },
      }),
    ).toBe(0);

    const partial = await run(owner.id, replica.id, broken, "mixed.jsonl", {
      dryRun: "false",
      mode: "row-level",
    });
    expect(partial.counts).toMatchObject({ created: 3, problems: 1 });
    expect(partial.rows.map((row) => row.status).sort()).toEqual([
      "created",
      "created",
      "created",
      "unknown-label",
    ]);
    expect(await countAnnotations(replica.id)).toBe(3);
  });

  it("[imports] re-anchors onto an edited copy of the article and says so", async () => {
    const owner = await makeUser("Edited owner");
    const replica = await freshWorkspace(owner.id, [
      `Update: corrected.\n\n${firstText}`,
      secondText,
    ]);
    const report = await run(owner.id, replica.id, jsonlExport, "export.jsonl", {
      dryRun: "false",
    });
    expect(report.counts).toMatchObject({ created: 4, problems: 0 });
    const moved = report.rows.filter((row) => row.reanchored !== null);
    expect(moved).toHaveLength(3);
    expect(moved.find((row) => row.quote === "news")?.start).toBe(
      7 + Array.from("Update: corrected.\n\n").length,
    );
  });
});

describe("POST /api/v1/workspaces/:id/annotation-imports", () => {
  const url = (workspaceId: string) =>
    `http://localhost/api/v1/workspaces/${workspaceId}/annotation-imports`;

  async function post(
    secret: string,
    workspaceId: string,
    fields: Record<string, string>,
    file: string | null = jsonlExport,
    headers: Record<string, string> = {},
  ) {
    const form = new FormData();
    if (file !== null) {
      form.set("file", new File([file], "export.jsonl"));
    }
    for (const [key, value] of Object.entries(fields)) {
      form.set(key, value);
    }
    return annotationImportsRoute.POST(
      new Request(url(workspaceId), {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, ...headers },
        body: form,
      }),
      { params: Promise.resolve({ workspaceId }) },
    );
  }

  async function token(userId: string, scope: "READ" | "READ_WRITE", workspaceId: string) {
    return (
      await createApiToken({
        userId,
        input: createApiTokenSchema.parse({ name: "imports", workspaceId, scope }),
      })
    ).secret;
  }

  it("[imports] answers a dry run with the report, and refuses read tokens, other workspaces and bad options", async () => {
    const writeToken = await token(ctx.editor.id, "READ_WRITE", ctx.workspace.id);
    const readToken = await token(ctx.editor.id, "READ", ctx.workspace.id);

    const ok = await post(writeToken, ctx.workspace.id, {});
    expect(ok.status).toBe(200);
    const report = annotationImportReportSchema.parse(await ok.json());
    expect(report).toMatchObject({ dryRun: true, format: "jsonl", counts: { duplicate: 4 } });

    expect((await post(readToken, ctx.workspace.id, {})).status).toBe(403);
    // A token for workspace A on workspace B: not found, like any workspace one is not in.
    expect((await post(writeToken, ctx.otherWorkspace.id, {})).status).toBe(404);

    const badMode = await post(writeToken, ctx.workspace.id, { mode: "sometimes" });
    expect(badMode.status).toBe(422);
    expect(errorResponseSchema.parse(await badMode.json()).error.message).toMatch(/mode must be/);

    const noFile = await post(writeToken, ctx.workspace.id, {}, null);
    expect(noFile.status).toBe(422);
  });

  it("[imports] refuses a 2 GB upload from its declared size, before reading it", async () => {
    const writeToken = await token(ctx.owner.id, "READ_WRITE", ctx.workspace.id);
    const response = await post(writeToken, ctx.workspace.id, {}, "{}", {
      "content-length": String(2 * 1024 ** 3),
    });
    expect(response.status).toBe(413);
    expect(errorResponseSchema.parse(await response.json()).error.message).toMatch(
      /This annotation file is too large: the limit is 50 MB/,
    );
  });
});
