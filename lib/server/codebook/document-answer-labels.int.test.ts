import { beforeEach, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { saveDocumentAnswerSchema } from "@/lib/validations/document-answer";

import { makeClass, type TestClass } from "../assignment/class-test-support";
import { saveDocumentAnswer } from "../document-answer/save-document-answer";

import { deleteCodebookLabel } from "./delete-codebook-label";
import { importCodebook } from "./import-codebook";
import { mergeCodebookLabels } from "./merge-codebook-labels";
import { publishCodebook } from "./publish-codebook";
import { renameCodebookLabel } from "./rename-codebook-label";
import { splitCodebookLabel } from "./split-codebook-label";
import { typedCodebook, useTypedCodebook } from "./typed-codebook-support";

// Whole-document answers reference labels (DocumentAnswerLabel, ON DELETE RESTRICT), so
// every label operation and every publish must move them, in the same transaction.

let ctx: TestClass;
let codebookId: string;
let labels: Record<string, string>;

beforeEach(async () => {
  ctx = await makeClass();
  ({ codebookId, labels } = await useTypedCodebook(ctx, "typed-ops"));
});

async function target() {
  const row = await getDb().codebook.findUniqueOrThrow({
    where: { id: codebookId },
    select: { updatedAt: true },
  });
  return { codebookId, expectedUpdatedAt: row.updatedAt.toISOString() };
}

async function answer(userId: string, dimensionKey: string, labelIds: string[]) {
  const saved = await saveDocumentAnswer({
    userId,
    documentId: ctx.document.id,
    input: saveDocumentAnswerSchema.parse({ dimensionKey, labelIds }),
  });
  return saved?.id ?? "";
}

// "dimension:label@vN" for each label of an answer.
async function answerLabels(answerId: string) {
  const rows = await getDb().documentAnswerLabel.findMany({
    where: { answerId },
    select: {
      label: {
        select: {
          key: true,
          dimension: { select: { key: true, codebook: { select: { version: true } } } },
        },
      },
    },
  });
  return rows
    .map(({ label }) => `${label.dimension.key}:${label.key}@v${label.dimension.codebook.version}`)
    .sort();
}

describe("label operations move whole-document answers", () => {
  it("rename: the answer follows to the new version's label", async () => {
    const id = await answer(ctx.annotator.id, "genre", [labels["genre:opinion"]!]);
    await renameCodebookLabel({
      userId: ctx.editor.id,
      input: {
        ...(await target()),
        labelId: labels["genre:opinion"]!,
        name: "Op-ed",
        key: "op-ed",
      },
    });
    expect(await answerLabels(id)).toEqual(["genre:op-ed@v2"]);
  });

  it("merge: an answer with both merged labels keeps one", async () => {
    const id = await answer(ctx.annotator.id, "frames", [
      labels["frames:Economic"]!,
      labels["frames:Political"]!,
    ]);
    const result = await mergeCodebookLabels({
      userId: ctx.editor.id,
      input: {
        ...(await target()),
        sourceLabelIds: [labels["frames:Economic"]!, labels["frames:Political"]!],
        target: { key: "Policy", name: "Policy" },
      },
    });
    expect(await answerLabels(id)).toEqual(["frames:Policy@v2"]);
    const event = await getDb().auditEvent.findFirstOrThrow({
      where: { entityId: result.id, action: "codebook.label.merge" },
      select: { after: true },
    });
    expect(JSON.stringify(event.after)).toContain(id);
  });

  it("delete: refused while answers carry the label, moved when a destination is given", async () => {
    const id = await answer(ctx.annotator.id, "genre", [labels["genre:opinion"]!]);
    await expect(
      deleteCodebookLabel({
        userId: ctx.editor.id,
        input: { ...(await target()), labelId: labels["genre:opinion"]! },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("“Opinion” is on 1 whole-document answer"),
    });
    expect(await answerLabels(id)).toEqual(["genre:opinion@v1"]);

    await deleteCodebookLabel({
      userId: ctx.editor.id,
      input: {
        ...(await target()),
        labelId: labels["genre:opinion"]!,
        moveToLabelId: labels["genre:reporting"]!,
      },
    });
    expect(await answerLabels(id)).toEqual(["genre:reporting@v2"]);
  });

  it("split: answers go to the first new label", async () => {
    const id = await answer(ctx.annotator.id, "genre", [labels["genre:opinion"]!]);
    await splitCodebookLabel({
      userId: ctx.editor.id,
      input: {
        ...(await target()),
        labelId: labels["genre:opinion"]!,
        into: [
          { key: "column", name: "Column" },
          { key: "editorial", name: "Editorial" },
        ],
        assignments: {},
      },
    });
    expect(await answerLabels(id)).toEqual(["genre:column@v2"]);
  });

  it("publishing a new version moves answers by key, and asks where a removed label's answers go", async () => {
    const id = await answer(ctx.annotator.id, "genre", [labels["genre:opinion"]!]);
    const frames = await answer(ctx.annotator.id, "frames", [labels["frames:Economic"]!]);
    const next = typedCodebook("typed-ops");
    const genre = next.dimensions.find((dimension) => dimension.key === "genre");
    if (genre) {
      genre.labels = [
        { key: "reporting", name: "Reporting" },
        { key: "satire", name: "Satire" },
      ];
    }
    const draft = await importCodebook({
      userId: ctx.owner.id,
      input: { workspaceId: ctx.workspace.id, json: JSON.stringify(next) },
    });
    const draftRow = await getDb().codebook.findUniqueOrThrow({
      where: { id: draft.id },
      select: { updatedAt: true },
    });
    const publishTarget = {
      codebookId: draft.id,
      expectedUpdatedAt: draftRow.updatedAt.toISOString(),
    };

    await expect(
      publishCodebook({ userId: ctx.editor.id, input: { ...publishTarget, moves: {} } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("“Opinion” (Genre, key “opinion”, 1 whole-document answer)"),
    });
    expect(await answerLabels(id)).toEqual(["genre:opinion@v1"]);

    const satire = await getDb().label.findFirstOrThrow({
      where: { key: "satire", dimension: { codebookId: draft.id } },
      select: { id: true },
    });
    await publishCodebook({
      userId: ctx.editor.id,
      input: { ...publishTarget, moves: { [labels["genre:opinion"]!]: satire.id } },
    });
    expect(await answerLabels(id)).toEqual(["genre:satire@v2"]);
    expect(await answerLabels(frames)).toEqual(["frames:Economic@v2"]);
  });
});
