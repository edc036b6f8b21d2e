import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseCsv } from "@/lib/export/csv";
import { parseConll } from "@/lib/export/conll";
import { parseJsonl } from "@/lib/export/jsonl";
import { parsePtcTsv } from "@/lib/export/ptc-tsv";
import { parseW3c } from "@/lib/export/w3c";
import { updateDocument } from "@/lib/server/document/update-document";
import { updateDocumentSchema } from "@/lib/validations/document";
import { getLabelIds, makeDocument, makeUser, makeWorkspaceWithRoles } from "@/tests/factories";

import { pseudonymizeAnnotator } from "./pseudonymize-annotator";
import { streamExport } from "./stream-export";
import { summarizeExport } from "./summarize-export";
import { annotate, exportRequest, exportText, testBaseUrl } from "./testing/export-test-support";

// "news" sits after an emoji: code point 7, UTF-16 offset 8.
const firstText =
  "Fake 👍 news, critics say, spread fast.\n\nA second paragraph: critics say it again.";
const secondText = "Officials said the plan would work. Experts believe the plan is flawed.";
const orphanText = "The minister hailed a historic victory for ordinary families.";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let labels: Record<string, string>;
let first: { id: string };
let second: { id: string };
let orphanDocument: { id: string };
let salt: string;

function label(key: string): string {
  const id = labels[key];
  if (!id) {
    throw new Error(`No label ${key}`);
  }
  return id;
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"], message?: RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) {
    expect((error as AppError).message).toMatch(message);
  }
  return error as AppError;
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  labels = await getLabelIds(ctx.workspace.id);
  first = await makeDocument(ctx.owner.id, ctx.workspace.id, firstText, "First");
  second = await makeDocument(ctx.owner.id, ctx.workspace.id, secondText, "Second");
  orphanDocument = await makeDocument(ctx.owner.id, ctx.workspace.id, orphanText, "Orphans");

  // Annotator: one highlight in two dimensions, and a note without labels.
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
    comment: "Who are they?",
  });
  // Editor: an accepted suggestion, and a sourcing label on the second document.
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
  // Owner: a highlight that an edit of the text orphans.
  await annotate({
    userId: ctx.owner.id,
    documentId: orphanDocument.id,
    text: orphanText,
    phrase: "historic victory",
    labelIds: [label("framing:Exaggeration-Minimisation")],
  });
  await updateDocument({
    userId: ctx.owner.id,
    documentId: orphanDocument.id,
    input: updateDocumentSchema.parse({
      title: "Orphans",
      text: "Completely different words now stand here, nothing alike at all.",
      version: 1,
    }),
  });

  const workspace = await getDb().workspace.findUniqueOrThrow({
    where: { id: ctx.workspace.id },
    select: { pseudonymSalt: true },
  });
  salt = workspace.pseudonymSalt;
});

describe("streamExport", () => {
  it("streams every anchored row as JSONL, pseudonymised, with code-point offsets", async () => {
    const { text, fileName, mimeType } = await exportText(
      ctx.editor.id,
      ctx.workspace.id,
      exportRequest("jsonl"),
    );
    const parsed = parseJsonl(text);

    expect(fileName).toMatch(/^Class-9B-\d{4}-\d{2}-\d{2}\.jsonl$/);
    expect(mimeType).toContain("application/jsonl");
    expect(parsed.documents.map((document) => document.title).sort()).toEqual(["First", "Second"]);
    // news ×2 dimensions, the note, the suggestion, the sourcing label.
    expect(parsed.annotations).toHaveLength(5);
    const news = parsed.annotations.filter((row) => row.exact === "news");
    expect(news.map((row) => row.dimension).sort()).toEqual(["framing", "stance"]);
    expect(news[0]).toMatchObject({ start: 7, end: 11, reviewState: "pending" });
    expect(parsed.annotations.find((row) => row.dimension === null)?.comment).toBe("Who are they?");
    expect(parsed.annotations.find((row) => row.exact === "spread fast")?.origin).toBe(
      "suggestion",
    );

    const annotators = new Set(parsed.annotations.map((row) => row.annotator));
    expect([...annotators].sort()).toEqual(
      [
        pseudonymizeAnnotator(salt, ctx.annotator.id),
        pseudonymizeAnnotator(salt, ctx.editor.id),
      ].sort(),
    );
    for (const annotator of annotators) {
      expect(annotator).toMatch(/^annotator-[0-9a-f]{10}$/);
    }
    for (const secret of [ctx.annotator.id, ctx.annotator.email, "Annotator", ctx.editor.id]) {
      expect(text).not.toContain(secret);
    }
  });

  it("filters by dimension, annotator, origin, documents, collection, dates and comments", async () => {
    const rows = async (filters: Parameters<typeof exportRequest>[1]) =>
      parseJsonl(
        (await exportText(ctx.editor.id, ctx.workspace.id, exportRequest("jsonl", filters))).text,
      ).annotations;

    const framing = await rows({ dimensions: ["framing"] });
    expect(framing.map((row) => [row.exact, row.dimension, row.labels])).toEqual([
      ["news", "framing", ["Loaded_Language"]],
    ]);

    const byEditor = await rows({ annotatorIds: [ctx.editor.id] });
    expect(byEditor.map((row) => row.exact).sort()).toEqual(["Experts believe", "spread fast"]);

    const suggestions = await rows({ origins: ["suggestion"] });
    expect(suggestions.map((row) => row.exact)).toEqual(["spread fast"]);

    const onSecond = await rows({ documentIds: [second.id] });
    expect(onSecond.map((row) => row.documentId)).toEqual([second.id]);

    const collection = await getDb().collection.create({
      data: {
        workspaceId: ctx.workspace.id,
        name: "Paris coverage",
        documents: { create: [{ documentId: second.id }] },
      },
      select: { id: true },
    });
    const inCollection = await rows({ collectionId: collection.id });
    expect(inCollection.map((row) => row.exact)).toEqual(["Experts believe"]);

    const today = new Date().toISOString().slice(0, 10);
    expect(await rows({ createdFrom: today, createdTo: today })).toHaveLength(5);
    await expectAppError(
      streamExport({
        userId: ctx.editor.id,
        workspaceId: ctx.workspace.id,
        request: exportRequest("jsonl", { createdFrom: "2001-01-01", createdTo: "2001-12-31" }),
        baseUrl: testBaseUrl,
      }),
      "INVALID_INPUT",
      /^No annotations match these filters: every document of the workspace; .*created 2001-01-01 to 2001-12-31/,
    );

    const withoutComments = await rows({ includeComments: false });
    expect(withoutComments.every((row) => row.comment === "")).toBe(true);

    // Review decisions (made here directly; the review workflow has its own tests): the
    // editor's sourcing highlight is in the gold set, the annotator's "news" was rejected.
    const db = getDb();
    await db.annotation.updateMany({
      where: { documentId: second.id, exact: "Experts believe" },
      data: { isGold: true, reviewState: "ACCEPTED" },
    });
    await db.annotation.updateMany({
      where: { documentId: first.id, exact: "news" },
      data: { reviewState: "REJECTED" },
    });
    try {
      const gold = await rows({ reviewStates: ["gold"] });
      expect(gold.map((row) => [row.exact, row.reviewState])).toEqual([
        ["Experts believe", "gold"],
      ]);
      const rejected = await rows({ reviewStates: ["rejected"] });
      expect(rejected.map((row) => row.reviewState)).toEqual(["rejected", "rejected"]);
      const pending = await rows({ reviewStates: ["pending"] });
      expect(pending.map((row) => row.exact).sort()).toEqual(["critics say", "spread fast"]);
    } finally {
      await db.annotation.updateMany({
        where: { documentId: { in: [first.id, second.id] } },
        data: { isGold: false, reviewState: "PENDING" },
      });
    }
  });

  it("gives the same pseudonym in every export of a workspace and a different one elsewhere", async () => {
    const pseudonym = pseudonymizeAnnotator(salt, ctx.editor.id);
    const again = parseJsonl(
      (await exportText(ctx.owner.id, ctx.workspace.id, exportRequest("jsonl"))).text,
    );
    expect(again.annotations.filter((row) => row.exact === "spread fast")[0]?.annotator).toBe(
      pseudonym,
    );

    // The editor also annotates in a workspace of their own.
    const elsewhere = await (
      await import("@/lib/server/workspace/create-workspace")
    ).createWorkspace({
      userId: ctx.editor.id,
      input: { name: "Editor's own", kind: "RESEARCH" },
    });
    const document = await makeDocument(ctx.editor.id, elsewhere.id, secondText, "Mine");
    const elsewhereLabels = await getLabelIds(elsewhere.id);
    await annotate({
      userId: ctx.editor.id,
      documentId: document.id,
      text: secondText,
      phrase: "Officials said",
      labelIds: [elsewhereLabels["sourcing:named_organization"] as string],
    });
    const other = parseJsonl(
      (await exportText(ctx.editor.id, elsewhere.id, exportRequest("jsonl"))).text,
    );
    expect(other.annotations[0]?.annotator).toMatch(/^annotator-[0-9a-f]{10}$/);
    expect(other.annotations[0]?.annotator).not.toBe(pseudonym);
  });

  it("exports real names only for the owner, and audits the choice", async () => {
    await expectAppError(
      streamExport({
        userId: ctx.editor.id,
        workspaceId: ctx.workspace.id,
        request: exportRequest("csv", {}, true),
        baseUrl: testBaseUrl,
      }),
      "FORBIDDEN",
      /Only the workspace owner/,
    );

    const { text } = await exportText(
      ctx.owner.id,
      ctx.workspace.id,
      exportRequest("csv", {}, true),
    );
    const annotators = new Set(parseCsv(text).map((row) => row.annotator));
    expect([...annotators].sort()).toEqual([ctx.annotator.name, ctx.editor.name].sort());

    const audit = await getDb().auditEvent.findFirst({
      where: { workspaceId: ctx.workspace.id, action: "export.download", actorId: ctx.owner.id },
      orderBy: { createdAt: "desc" },
      select: { after: true },
    });
    expect(audit?.after).toMatchObject({ format: "csv", realNames: true });
  });

  it("refuses outsiders as not found and viewers and annotators as forbidden", async () => {
    const attempt = (userId: string) =>
      streamExport({
        userId,
        workspaceId: ctx.workspace.id,
        request: exportRequest("jsonl"),
        baseUrl: testBaseUrl,
      });
    await expectAppError(attempt(ctx.outsider.id), "NOT_FOUND");
    await expectAppError(attempt(ctx.viewer.id), "FORBIDDEN");
    await expectAppError(attempt(ctx.annotator.id), "FORBIDDEN");
    await expectAppError(
      summarizeExport({
        userId: ctx.outsider.id,
        workspaceId: ctx.workspace.id,
        request: exportRequest("jsonl"),
        baseUrl: testBaseUrl,
      }),
      "NOT_FOUND",
    );
  });

  it("leaves orphaned highlights out and counts them", async () => {
    const summary = await summarizeExport({
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
      request: exportRequest("jsonl"),
      baseUrl: testBaseUrl,
    });
    expect(summary).toMatchObject({
      rows: 5,
      annotations: 4,
      documents: 2,
      annotators: 2,
      orphaned: 1,
    });

    const { text } = await exportText(ctx.editor.id, ctx.workspace.id, exportRequest("csv"));
    expect(text).not.toContain("historic victory");

    await expectAppError(
      streamExport({
        userId: ctx.editor.id,
        workspaceId: ctx.workspace.id,
        request: exportRequest("jsonl", { annotatorIds: [ctx.owner.id] }),
        baseUrl: testBaseUrl,
      }),
      "INVALID_INPUT",
      /No annotations match these filters: .*1 chosen annotator.* 1 matching highlight is orphaned/,
    );
  });

  it("writes CSV, W3C, PTC, CoNLL and ClaimReview that their readers accept", async () => {
    const csv = parseCsv(
      (await exportText(ctx.editor.id, ctx.workspace.id, exportRequest("csv"))).text,
    );
    expect(csv).toHaveLength(5);

    const w3cText = (await exportText(ctx.editor.id, ctx.workspace.id, exportRequest("w3c"))).text;
    const collection = JSON.parse(w3cText) as {
      total: number;
      type: string;
      first: { items: unknown[] };
    };
    expect(collection.type).toBe("AnnotationCollection");
    expect(collection.total).toBe(5);
    expect(collection.first.items).toHaveLength(5);
    expect(
      parseW3c(collection, { baseUrl: testBaseUrl })
        .map((row) => row.exact)
        .sort(),
    ).toEqual(csv.map((row) => row.exact).sort());

    const ptc = parsePtcTsv(
      (
        await exportText(
          ctx.editor.id,
          ctx.workspace.id,
          exportRequest("ptc-tsv", { dimensions: ["framing"] }),
        )
      ).text,
    );
    expect(ptc).toEqual([{ articleId: first.id, technique: "Loaded_Language", start: 7, end: 11 }]);

    const conll = parseConll(
      (await exportText(ctx.editor.id, ctx.workspace.id, exportRequest("conll"))).text,
    );
    expect(conll.dimensions).toEqual([
      "stance",
      "sourcing",
      "accuracy",
      "framing",
      "ai_involvement",
    ]);
    expect(conll.documents.map((document) => document.id).sort()).toEqual(
      [first.id, second.id].sort(),
    );

    const reviews = JSON.parse(
      (await exportText(ctx.editor.id, ctx.workspace.id, exportRequest("claim-review"))).text,
    ) as { claimReviewed: string; reviewRating: { alternateName: string; ratingValue?: number } }[];
    expect(reviews).toEqual([
      expect.objectContaining({
        claimReviewed: "spread fast",
        reviewRating: expect.objectContaining({ ratingValue: 2, worstRating: 1, bestRating: 4 }),
      }),
    ]);
  });

  it("answers bad requests with clear 422s", async () => {
    const attempt = (request: ReturnType<typeof exportRequest>) =>
      streamExport({
        userId: ctx.editor.id,
        workspaceId: ctx.workspace.id,
        request,
        baseUrl: testBaseUrl,
      });

    await expectAppError(attempt(exportRequest("parquet")), "INVALID_INPUT", /snapshot only/);
    await expectAppError(
      attempt(exportRequest("jsonl", { dimensions: ["nonsense"] })),
      "INVALID_INPUT",
      /has no dimension “nonsense”/,
    );
    const stranger = await makeUser("Stranger");
    const foreign = await (
      await import("@/lib/server/workspace/create-workspace")
    ).createWorkspace({
      userId: stranger.id,
      input: { name: "Foreign", kind: "NEWSROOM" },
    });
    const foreignCollection = await getDb().collection.create({
      data: { workspaceId: foreign.id, name: "Theirs" },
      select: { id: true },
    });
    await expectAppError(
      attempt(exportRequest("jsonl", { collectionId: foreignCollection.id })),
      "INVALID_INPUT",
      /collection is not in this workspace/,
    );
    await expectAppError(
      attempt(exportRequest("claim-review", { dimensions: ["framing"] })),
      "INVALID_INPUT",
      /ClaimReview exports the “Factual accuracy” dimension/,
    );
  });
});
