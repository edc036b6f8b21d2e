import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { describeQuote } from "@/lib/anchoring/quote-context";
import { newsroomReviewPreset } from "@/lib/codebooks/presets/newsroom-review";
import { getDb } from "@/lib/db/client";
import { formatMeasure } from "@/lib/insight/format-measure";
import { readFixture } from "@/lib/insight/testing/fixture-documents";
import { createCodebookFromPreset } from "@/lib/server/codebook/create-codebook-from-preset";
import { getLabelIds, makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { getDocumentAgreement } from "./get-document-agreement";
import { getDocumentProfile } from "./get-document-profile";
import { getProjectAgreement } from "./get-project-agreement";
import { getReliabilityMatrix } from "./get-reliability-matrix";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let labels: Record<string, string>;
let wireText: string;
let blogText: string;

async function annotate(options: {
  documentId: string;
  authorId: string;
  text: string;
  phrase: string;
  labelIds: string[];
  createdAt?: Date;
  anchorStatus?: "ANCHORED" | "ORPHANED";
  deleted?: boolean;
}) {
  const at = options.text.indexOf(options.phrase);
  if (at < 0) {
    throw new Error(`"${options.phrase}" is not in the text`);
  }
  const start = Array.from(options.text.slice(0, at)).length;
  const end = start + Array.from(options.phrase).length;
  const quote = describeQuote(options.text, start, end);
  await getDb().annotation.create({
    data: {
      documentId: options.documentId,
      authorId: options.authorId,
      documentVersion: 1,
      start,
      end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      anchorStatus: options.anchorStatus ?? "ANCHORED",
      deletedAt: options.deleted ? new Date() : null,
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      labels: { create: options.labelIds.map((labelId) => ({ labelId })) },
    },
  });
}

async function makeWire(title = "Wire report") {
  return makeDocument(ctx.owner.id, ctx.workspace.id, wireText, title);
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  labels = await getLabelIds(ctx.workspace.id);
  wireText = readFixture("paris-summit-wire");
  blogText = readFixture("paris-summit-blog");
});

describe("document agreement", () => {
  it("is for editors and owners; annotators and viewers are refused, outsiders see nothing", async () => {
    const document = await makeWire();

    await expect(
      getDocumentAgreement({ userId: ctx.editor.id, documentId: document.id }),
    ).resolves.toMatchObject({
      status: "ok",
    });
    await expect(
      getDocumentAgreement({ userId: ctx.owner.id, documentId: document.id }),
    ).resolves.toMatchObject({
      status: "ok",
    });
    await expect(
      getDocumentAgreement({ userId: ctx.annotator.id, documentId: document.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/editors and owners/),
    });
    await expect(
      getDocumentAgreement({ userId: ctx.viewer.id, documentId: document.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      getDocumentAgreement({ userId: ctx.outsider.id, documentId: document.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("measures three annotators' highlights, leaving out orphaned and deleted ones", async () => {
    const document = await makeWire();
    const loaded = labels["framing:Loaded_Language"]!;
    const nameCalling = labels["framing:Name_Calling-Labeling"]!;
    const base = { documentId: document.id, text: wireText, phrase: "assertive foreign policy" };
    await annotate({ ...base, authorId: ctx.owner.id, labelIds: [loaded] });
    await annotate({ ...base, authorId: ctx.editor.id, labelIds: [loaded] });
    await annotate({ ...base, authorId: ctx.annotator.id, labelIds: [nameCalling] });
    await annotate({
      ...base,
      authorId: ctx.viewer.id,
      labelIds: [loaded],
      anchorStatus: "ORPHANED",
    });
    await annotate({
      ...base,
      authorId: ctx.editor.id,
      labelIds: [nameCalling],
      phrase: "deadliest conflict",
      deleted: true,
    });

    const result = await getDocumentAgreement({ userId: ctx.editor.id, documentId: document.id });
    if (result.status !== "ok") {
      throw new Error(result.message);
    }

    expect(result.data.annotators.map((annotator) => annotator.name).sort()).toEqual([
      "Annotator",
      "Editor",
      "Owner",
    ]);
    expect(result.data.spans).toHaveLength(3);
    const framing = result.view.dimensions.find((entry) => entry.dimension.key === "framing")!;
    expect(framing.agreement.annotators).toBe(3);
    expect(framing.agreement.overall.tokens.krippendorffAlpha).toMatchObject({
      defined: true,
      n: { annotators: 3 },
    });
    expect(framing.confusion.topConfusions[0]).toMatchObject({ count: 2 });
    expect(result.elapsedMs).toBeLessThan(5_000);
  });

  it("one annotator: the measures say they need at least two", async () => {
    const document = await makeWire();
    await annotate({
      documentId: document.id,
      authorId: ctx.annotator.id,
      text: wireText,
      phrase: "assertive foreign policy",
      labelIds: [labels["framing:Loaded_Language"]!],
    });

    const result = await getDocumentAgreement({ userId: ctx.owner.id, documentId: document.id });
    if (result.status !== "ok") {
      throw new Error(result.message);
    }
    const framing = result.view.dimensions.find((entry) => entry.dimension.key === "framing")!;
    expect(formatMeasure(framing.agreement.overall.tokens.krippendorffAlpha)).toBe(
      "undefined: needs at least two annotators",
    );
    expect(formatMeasure(framing.agreement.overall.spanF1.labelled.overlap)).toBe(
      "undefined: needs at least two annotators",
    );
  });

  it("200 annotators: a clear message within the time budget, and the profile still works", async () => {
    const document = await makeWire("Crowded");
    const people = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        getDb().user.create({
          data: {
            email: `crowd-${index}-${document.id}@example.org`,
            name: `Person ${index}`,
            passwordHash: "x",
          },
          select: { id: true },
        }),
      ),
    );
    await getDb().membership.createMany({
      data: people.map((person) => ({
        userId: person.id,
        workspaceId: ctx.workspace.id,
        role: "ANNOTATOR" as const,
      })),
    });
    const quote = describeQuote(wireText, 0, 7);
    await getDb().annotation.createMany({
      data: people.map((person) => ({
        documentId: document.id,
        authorId: person.id,
        documentVersion: 1,
        start: 0,
        end: 7,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
      })),
    });

    const startedAt = performance.now();
    const result = await getDocumentAgreement({ userId: ctx.editor.id, documentId: document.id });
    expect(performance.now() - startedAt).toBeLessThan(5_000);
    expect(result).toMatchObject({
      status: "too-many-annotators",
      annotators: 200,
      message: expect.stringMatching(
        /^This document has 200 annotators; agreement is computed here for at most 100/,
      ),
    });

    const profile = await getDocumentProfile({ userId: ctx.viewer.id, documentId: document.id });
    expect(profile.profile.basis.annotators).toBe(200);

    const project = await getProjectAgreement({
      userId: ctx.editor.id,
      project: { kind: "workspace", id: ctx.workspace.id },
    });
    expect(project.status).toBe("ok");
    if (project.status === "ok") {
      expect(project.agreement.excluded).toEqual([
        {
          documentId: document.id,
          title: "Crowded",
          reason: "200 annotators, more than the 100 compared here",
        },
      ]);
    }
  });

  it("stops with a message when computing runs past the budget", async () => {
    const document = await makeWire();
    const result = await getDocumentAgreement({
      userId: ctx.editor.id,
      documentId: document.id,
      budgetMs: 0,
    });

    expect(result).toMatchObject({
      status: "timeout",
      message: expect.stringMatching(/was stopped/),
    });
  });

  it("labels from two codebook versions are measured per version, with a note", async () => {
    const { workspace, owner, editor } = await makeWorkspaceWithRoles();
    const document = await makeDocument(owner.id, workspace.id, wireText, "Two versions");
    const v1 = await getLabelIds(workspace.id);
    const v2 = await getDb().$transaction((tx) =>
      createCodebookFromPreset({
        tx,
        workspaceId: workspace.id,
        preset: newsroomReviewPreset,
        isDefault: true,
        version: 2,
      }),
    );
    const v2Loaded = await getDb().label.findFirstOrThrow({
      where: { key: "Loaded_Language", dimension: { codebookId: v2.id } },
      select: { id: true },
    });
    const base = { documentId: document.id, text: wireText, phrase: "assertive foreign policy" };
    await annotate({ ...base, authorId: owner.id, labelIds: [v1["framing:Loaded_Language"]!] });
    await annotate({ ...base, authorId: editor.id, labelIds: [v2Loaded.id] });

    const result = await getDocumentAgreement({ userId: owner.id, documentId: document.id });
    if (result.status !== "ok") {
      throw new Error(result.message);
    }
    expect(result.view.codebookNote).toMatch(
      /^Highlights on this document use labels from 2 codebook versions \(Newsroom review v2, Newsroom review v1\)/,
    );
    const framings = result.view.dimensions.filter((entry) => entry.dimension.key === "framing");
    expect(
      framings.map((entry) => [entry.dimension.codebookVersion, entry.annotatorIds.length]),
    ).toEqual([
      [2, 1],
      [1, 1],
    ]);
  });
});

describe("profiles", () => {
  it("are for every member, and outsiders see nothing", async () => {
    const document = await makeWire();
    await annotate({
      documentId: document.id,
      authorId: ctx.annotator.id,
      text: wireText,
      phrase: "French President Emmanuel Macron announced",
      labelIds: [labels["sourcing:named_person"]!],
    });

    const profile = await getDocumentProfile({ userId: ctx.viewer.id, documentId: document.id });
    expect(profile.profile.sourcingMix![0]).toMatchObject({
      group: "named",
      highlights: 1,
      share: 1,
    });
    expect(profile.profile.basis.note).toMatch(/no agreed \(gold\) set yet/);
    await expect(
      getDocumentProfile({ userId: ctx.annotator.id, documentId: document.id }),
    ).resolves.toBeTruthy();
    await expect(
      getDocumentProfile({ userId: ctx.outsider.id, documentId: document.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("reliability matrix and project agreement", () => {
  it("downloads units × annotators for a document, and for a collection with NA", async () => {
    const { workspace, owner, editor, annotator, viewer, outsider } =
      await makeWorkspaceWithRoles();
    const ids = await getLabelIds(workspace.id);
    const wire = await makeDocument(owner.id, workspace.id, wireText, "Wire");
    const blog = await makeDocument(owner.id, workspace.id, blogText, "Blog");
    const loaded = ids["framing:Loaded_Language"]!;
    await annotate({
      documentId: wire.id,
      authorId: owner.id,
      text: wireText,
      phrase: "assertive foreign policy",
      labelIds: [loaded],
    });
    await annotate({
      documentId: wire.id,
      authorId: editor.id,
      text: wireText,
      phrase: "assertive foreign",
      labelIds: [loaded],
    });
    await annotate({
      documentId: blog.id,
      authorId: annotator.id,
      text: blogText,
      phrase: "high-stakes diplomatic huddle",
      labelIds: [loaded],
    });
    const framing = await getDb().dimension.findFirstOrThrow({
      where: { key: "framing", codebook: { workspaceId: workspace.id } },
      select: { id: true },
    });

    const single = await getReliabilityMatrix({
      userId: editor.id,
      project: { kind: "document", id: wire.id },
      dimensionId: framing.id,
    });
    const rows = parse(single.csv) as string[][];
    expect(rows[0]).toEqual(["unit", "Editor", "Owner"]);
    expect(rows.find((row) => row[0]!.endsWith(" policy"))!.slice(1)).toEqual([
      "O",
      "Loaded_Language",
    ]);
    expect(single.fileName).toBe("reliability-matrix-wire-framing-technique.csv");

    const collection = await getDb().collection.create({
      data: {
        workspaceId: workspace.id,
        name: "Summit",
        documents: {
          create: [
            { documentId: wire.id, position: 0 },
            { documentId: blog.id, position: 1 },
          ],
        },
      },
    });
    const pooled = await getReliabilityMatrix({
      userId: owner.id,
      project: { kind: "collection", id: collection.id },
      dimensionId: framing.id,
    });
    const pooledRows = parse(pooled.csv) as string[][];
    expect(pooledRows[0]).toEqual(["unit", "Annotator", "Editor", "Owner"]);
    expect(pooledRows[1]).toEqual(["d1 0-7 Western", "NA", "O", "O"]);
    expect(pooledRows.at(-1)).toEqual([
      expect.stringMatching(/^d2 \d+-\d+ Post$/),
      "O",
      "NA",
      "NA",
    ]);

    await expect(
      getReliabilityMatrix({
        userId: annotator.id,
        project: { kind: "document", id: wire.id },
        dimensionId: framing.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      getReliabilityMatrix({
        userId: outsider.id,
        project: { kind: "collection", id: collection.id },
        dimensionId: framing.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      getReliabilityMatrix({
        userId: owner.id,
        project: { kind: "document", id: wire.id },
        dimensionId: "nosuchdimension",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Nobody annotated both documents: pooled α has nothing to pair across the blog.
    const project = await getProjectAgreement({
      userId: owner.id,
      project: { kind: "collection", id: collection.id },
    });
    if (project.status !== "ok") {
      throw new Error(project.message);
    }
    const pooledFraming = project.agreement.dimensions.find(
      (entry) => entry.dimension.key === "framing",
    )!;
    expect(pooledFraming.documents.map((row) => [row.outlet, row.annotators])).toEqual([
      ["Wire", 2],
      ["Blog", 1],
    ]);
    expect(formatMeasure(pooledFraming.documents[1]!.tokenAlpha)).toBe(
      "undefined: needs at least two annotators",
    );
    expect(pooledFraming.pooledAlpha.defined).toBe(true);
    expect(project.agreement.trend).toHaveLength(1);
    expect(project.documents.map((document) => document.title)).toEqual(["Wire", "Blog"]);

    await expect(
      getProjectAgreement({ userId: viewer.id, project: { kind: "workspace", id: workspace.id } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      getProjectAgreement({
        userId: outsider.id,
        project: { kind: "workspace", id: workspace.id },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("annotators with no overlap across documents: pooled α is undefined with a reason", async () => {
    const { workspace, owner, editor } = await makeWorkspaceWithRoles();
    const ids = await getLabelIds(workspace.id);
    const wire = await makeDocument(owner.id, workspace.id, wireText, "Wire");
    const blog = await makeDocument(owner.id, workspace.id, blogText, "Blog");
    const loaded = ids["framing:Loaded_Language"]!;
    await annotate({
      documentId: wire.id,
      authorId: owner.id,
      text: wireText,
      phrase: "assertive foreign policy",
      labelIds: [loaded],
    });
    await annotate({
      documentId: blog.id,
      authorId: editor.id,
      text: blogText,
      phrase: "high-stakes diplomatic huddle",
      labelIds: [loaded],
    });

    const project = await getProjectAgreement({
      userId: owner.id,
      project: { kind: "workspace", id: workspace.id },
    });
    if (project.status !== "ok") {
      throw new Error(project.message);
    }
    const framing = project.agreement.dimensions.find(
      (entry) => entry.dimension.key === "framing",
    )!;
    expect(formatMeasure(framing.pooledAlpha)).toBe(
      "undefined: no passage was coded by two or more annotators",
    );
  });

  it("a workspace past 200 documents: a message to make a collection instead", async () => {
    const { workspace, owner } = await makeWorkspaceWithRoles();
    await getDb().document.createMany({
      data: Array.from({ length: 201 }, (_, index) => ({
        workspaceId: workspace.id,
        createdById: owner.id,
        title: `Article ${index}`,
        text: "Short text.",
        textHash: "0".repeat(64),
      })),
    });

    await expect(
      getProjectAgreement({ userId: owner.id, project: { kind: "workspace", id: workspace.id } }),
    ).resolves.toMatchObject({
      status: "too-many-documents",
      message: expect.stringMatching(/^This workspace has more than 200 documents/),
    });
  });
});
