import { beforeAll, describe, expect, it } from "vitest";

import { makeWorkspaceWithRoles } from "@/tests/factories";

import { countRows, getDefaultCodebookRow, idOf, labelsOf } from "./codebook-test-support";
import { createCodebook } from "./create-codebook";
import { deleteCodebookLabel } from "./delete-codebook-label";
import { discardCodebookDraft } from "./discard-codebook-draft";
import { exportCodebook } from "./export-codebook";
import { getCodebook } from "./get-codebook";
import { getCodebookPublishPlan } from "./get-codebook-publish-plan";
import { importCodebook } from "./import-codebook";
import { listCodebooks } from "./list-codebooks";
import { listLabelAnnotations } from "./list-label-annotations";
import { mergeCodebookLabels } from "./merge-codebook-labels";
import { publishCodebook } from "./publish-codebook";
import { renameCodebookLabel } from "./rename-codebook-label";
import { setDefaultCodebook } from "./set-default-codebook";
import { splitCodebookLabel } from "./split-codebook-label";
import { updateCodebook } from "./update-codebook";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let codebookId: string;
let expectedUpdatedAt: string;
let labelId: string;
let otherLabelId: string;
let file: unknown;

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  const row = await getDefaultCodebookRow(ctx.workspace.id);
  codebookId = row.id;
  expectedUpdatedAt = row.updatedAt.toISOString();
  const labels = await labelsOf(row.id);
  labelId = idOf(labels, "stance:mixed");
  otherLabelId = idOf(labels, "stance:neutral");
  file = (await exportCodebook({ userId: ctx.owner.id, codebookId })).file;
});

function writes(userId: string) {
  const version = { codebookId, expectedUpdatedAt };
  // Read when a test runs (the table of names below is built before beforeAll).
  const workspaceId = ctx?.workspace.id ?? "";
  return {
    create: () =>
      createCodebook({ userId, input: { workspaceId, presetKey: "fact-check-scales" } }),
    import: () => importCodebook({ userId, input: { workspaceId, json: JSON.stringify(file) } }),
    update: () => updateCodebook({ userId, input: { ...version, codebook: file } }),
    publish: () => publishCodebook({ userId, input: { ...version, moves: {} } }),
    discard: () => discardCodebookDraft({ userId, input: version }),
    setDefault: () => setDefaultCodebook({ userId, codebookId }),
    rename: () =>
      renameCodebookLabel({ userId, input: { ...version, labelId, name: "X", key: "mixed" } }),
    merge: () =>
      mergeCodebookLabels({
        userId,
        input: { ...version, sourceLabelIds: [labelId], target: { labelId: otherLabelId } },
      }),
    split: () =>
      splitCodebookLabel({
        userId,
        input: {
          ...version,
          labelId,
          into: [
            { key: "a", name: "A" },
            { key: "b", name: "B" },
          ],
          assignments: {},
        },
      }),
    delete: () => deleteCodebookLabel({ userId, input: { ...version, labelId } }),
  };
}

function reads(userId: string) {
  return {
    list: () => listCodebooks({ userId, workspaceId: ctx.workspace.id }),
    get: () => getCodebook({ userId, codebookId }),
    export: () => exportCodebook({ userId, codebookId }),
    publishPlan: () => getCodebookPublishPlan({ userId, codebookId }),
  };
}

const writeNames = Object.keys(writes("")) as (keyof ReturnType<typeof writes>)[];
const readNames = Object.keys(reads("")) as (keyof ReturnType<typeof reads>)[];

describe("codebook permissions", () => {
  it.each(writeNames)(
    "%s: viewers and annotators are FORBIDDEN; nothing is written",
    async (name) => {
      const before = await countRows(ctx.workspace.id);
      for (const userId of [ctx.viewer.id, ctx.annotator.id]) {
        await expect(writes(userId)[name]()).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
      expect(await countRows(ctx.workspace.id)).toEqual(before);
    },
  );

  it.each(writeNames)("%s: outsiders get NOT_FOUND", async (name) => {
    const before = await countRows(ctx.workspace.id);
    await expect(writes(ctx.outsider.id)[name]()).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await countRows(ctx.workspace.id)).toEqual(before);
  });

  it.each(readNames)("%s: members may read; outsiders get NOT_FOUND", async (name) => {
    await expect(reads(ctx.viewer.id)[name]()).resolves.toBeDefined();
    await expect(reads(ctx.outsider.id)[name]()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("listing a label's highlights is for editors: it names every member's quotes", async () => {
    for (const userId of [ctx.viewer.id, ctx.annotator.id]) {
      await expect(listLabelAnnotations({ userId, codebookId, labelId })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(
      listLabelAnnotations({ userId: ctx.outsider.id, codebookId, labelId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      listLabelAnnotations({ userId: ctx.editor.id, codebookId, labelId }),
    ).resolves.toBeDefined();
  });

  it("an editor may write (setting the default, which changes no version)", async () => {
    await expect(setDefaultCodebook({ userId: ctx.editor.id, codebookId })).resolves.toMatchObject({
      id: codebookId,
    });
  });
});
