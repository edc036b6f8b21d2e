import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import type { CodebookFile } from "@/lib/validations/codebook";
import { makeWorkspaceWithRoles } from "@/tests/factories";

import {
  auditEvents,
  countRows,
  getDefaultCodebookRow,
  highlight,
  idOf,
  labelKeysOf,
  labelsOf,
  makeArticle,
} from "./codebook-test-support";
import { discardCodebookDraft } from "./discard-codebook-draft";
import { exportCodebook } from "./export-codebook";
import { getCodebookPublishPlan } from "./get-codebook-publish-plan";
import { getDefaultCodebook } from "./get-default-codebook";
import { publishCodebook } from "./publish-codebook";
import { updateCodebook } from "./update-codebook";

type Ctx = Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;

async function currentFile(userId: string, codebookId: string): Promise<CodebookFile> {
  return (await exportCodebook({ userId, codebookId })).file;
}

function renameLabel(file: CodebookFile, dimensionKey: string, labelKey: string, name: string) {
  return {
    ...file,
    dimensions: file.dimensions.map((dimension) =>
      dimension.key !== dimensionKey
        ? dimension
        : {
            ...dimension,
            labels: dimension.labels.map((label) =>
              label.key === labelKey ? { ...label, name } : label,
            ),
          },
    ),
  };
}

async function stamp(codebookId: string) {
  const row = await getDb().codebook.findUniqueOrThrow({
    where: { id: codebookId },
    select: { updatedAt: true },
  });
  return row.updatedAt.toISOString();
}

describe("editing a published codebook makes a new version", () => {
  let ctx: Ctx;
  let annotationIds: string[];

  beforeAll(async () => {
    ctx = await makeWorkspaceWithRoles();
    const document = await makeArticle(ctx.owner.id, ctx.workspace.id);
    const v1 = await getDefaultCodebookRow(ctx.workspace.id);
    const labels = await labelsOf(v1.id);
    annotationIds = [
      (
        await highlight(ctx.annotator.id, document.id, "reckless scheme", [
          idOf(labels, "framing:Loaded_Language"),
          idOf(labels, "stance:critical"),
        ])
      ).id,
      (
        await highlight(ctx.annotator.id, document.id, "Critics say", [
          idOf(labels, "sourcing:vague_attribution"),
        ])
      ).id,
    ];
  });

  it("saves the edit as a draft version 2; annotators keep tagging with version 1", async () => {
    const v1 = await getDefaultCodebookRow(ctx.workspace.id);
    const file = renameLabel(
      await currentFile(ctx.editor.id, v1.id),
      "stance",
      "critical",
      "Critical of the target",
    );

    const saved = await updateCodebook({
      userId: ctx.editor.id,
      input: { codebookId: v1.id, expectedUpdatedAt: v1.updatedAt.toISOString(), codebook: file },
    });

    expect(saved).toMatchObject({ version: 2, isNewVersion: true });
    expect(saved.id).not.toBe(v1.id);
    const rows = await getDb().codebook.findMany({
      where: { workspaceId: ctx.workspace.id, key: "newsroom-review" },
      orderBy: { version: "asc" },
      select: { version: true, status: true, isDefault: true },
    });
    expect(rows).toEqual([
      { version: 1, status: "PUBLISHED", isDefault: true },
      { version: 2, status: "DRAFT", isDefault: true },
    ]);

    // Version 1 is untouched and is still what the reader offers.
    expect((await labelsOf(v1.id)).get("stance:critical")?.name).toBe("Critical");
    const reader = await getDefaultCodebook(ctx.workspace.id);
    expect(reader).toMatchObject({ id: v1.id, version: 1 });
    expect(await labelKeysOf(annotationIds)).toEqual([
      ["framing:Loaded_Language@v1", "stance:critical@v1"],
      ["sourcing:vague_attribution@v1"],
    ]);
    expect(await auditEvents(ctx.workspace.id, "codebook.version.create")).toHaveLength(1);
  });

  it("edits the draft in place", async () => {
    const draft = await getDb().codebook.findFirstOrThrow({
      where: { workspaceId: ctx.workspace.id, status: "DRAFT" },
      select: { id: true, updatedAt: true },
    });
    const file = await currentFile(ctx.editor.id, draft.id);
    const saved = await updateCodebook({
      userId: ctx.owner.id,
      input: {
        codebookId: draft.id,
        expectedUpdatedAt: draft.updatedAt.toISOString(),
        codebook: { ...file, guidelines: "Read **every** definition." },
      },
    });

    expect(saved).toMatchObject({ id: draft.id, version: 2, isNewVersion: false });
    expect(saved.updatedAt).not.toBe(draft.updatedAt.toISOString());
    expect((await currentFile(ctx.owner.id, draft.id)).guidelines).toBe(
      "Read **every** definition.",
    );
    expect((await labelsOf(draft.id)).get("stance:critical")?.name).toBe("Critical of the target");
  });

  it("publishing the draft archives version 1 and moves every highlight to version 2's labels", async () => {
    const draft = await getDb().codebook.findFirstOrThrow({
      where: { workspaceId: ctx.workspace.id, status: "DRAFT" },
      select: { id: true, updatedAt: true },
    });

    const published = await publishCodebook({
      userId: ctx.editor.id,
      input: { codebookId: draft.id, expectedUpdatedAt: draft.updatedAt.toISOString(), moves: {} },
    });

    expect(published).toMatchObject({ id: draft.id, version: 2, movedAnnotations: 2 });
    expect(await labelKeysOf(annotationIds)).toEqual([
      ["framing:Loaded_Language@v2", "stance:critical@v2"],
      ["sourcing:vague_attribution@v2"],
    ]);
    const reader = await getDefaultCodebook(ctx.workspace.id);
    expect(reader).toMatchObject({ id: draft.id, version: 2 });
    expect(reader.dimensions.find((dimension) => dimension.key === "stance")?.labels[1]?.name).toBe(
      "Critical of the target",
    );

    const statuses = await getDb().codebook.findMany({
      where: { workspaceId: ctx.workspace.id, key: "newsroom-review" },
      orderBy: { version: "asc" },
      select: { status: true },
    });
    expect(statuses.map((row) => row.status)).toEqual(["ARCHIVED", "PUBLISHED"]);

    const [event] = await auditEvents(ctx.workspace.id, "codebook.publish");
    expect(event).toMatchObject({
      actorId: ctx.editor.id,
      entityId: draft.id,
      before: { version: 1 },
      after: { version: 2, migration: { annotationCount: 2 } },
    });
  });

  it("refuses to publish a draft that drops a label in use, until a mapping gives its highlights a place", async () => {
    const v2 = await getDefaultCodebookRow(ctx.workspace.id);
    const file = await currentFile(ctx.editor.id, v2.id);
    const withoutVague: CodebookFile = {
      ...file,
      dimensions: file.dimensions.map((dimension) => ({
        ...dimension,
        labels: dimension.labels.filter((label) => label.key !== "vague_attribution"),
      })),
    };
    const draft = await updateCodebook({
      userId: ctx.editor.id,
      input: {
        codebookId: v2.id,
        expectedUpdatedAt: v2.updatedAt.toISOString(),
        codebook: withoutVague,
      },
    });

    const plan = await getCodebookPublishPlan({ userId: ctx.editor.id, codebookId: draft.id });
    expect(plan.unplaced).toEqual([
      expect.objectContaining({ key: "vague_attribution", name: "Vague attribution", count: 1 }),
    ]);

    const vague = idOf(await labelsOf(v2.id), "sourcing:vague_attribution");
    const before = await countRows(ctx.workspace.id);
    await expect(
      publishCodebook({
        userId: ctx.editor.id,
        input: { codebookId: draft.id, expectedUpdatedAt: draft.updatedAt, moves: {} },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining(
        "“Vague attribution” (Sourcing, key “vague_attribution”, 1 highlight)",
      ),
      fieldErrors: {
        [`moves.${vague}`]: ["Choose where the 1 highlight with “Vague attribution” go."],
      },
    });
    expect(await countRows(ctx.workspace.id)).toEqual(before);
    expect(await labelKeysOf(annotationIds.slice(1))).toEqual([["sourcing:vague_attribution@v2"]]);

    const anonymous = idOf(await labelsOf(draft.id), "sourcing:anonymous_source");
    const published = await publishCodebook({
      userId: ctx.editor.id,
      input: {
        codebookId: draft.id,
        expectedUpdatedAt: await stamp(draft.id),
        moves: { [vague]: anonymous },
      },
    });
    expect(published.version).toBe(3);
    expect(await labelKeysOf(annotationIds)).toEqual([
      ["framing:Loaded_Language@v3", "stance:critical@v3"],
      ["sourcing:anonymous_source@v3"],
    ]);
  });

  it("refuses to publish when a dimension becomes one-choice but highlights carry several of its labels", async () => {
    const current = await getDefaultCodebookRow(ctx.workspace.id);
    const document = await makeArticle(ctx.owner.id, ctx.workspace.id);
    const labels = await labelsOf(current.id);
    const both = await highlight(ctx.annotator.id, document.id, "out-of-touch bureaucrats", [
      idOf(labels, "framing:Loaded_Language"),
      idOf(labels, "framing:Name_Calling-Labeling"),
    ]);

    const file = await currentFile(ctx.editor.id, current.id);
    const draft = await updateCodebook({
      userId: ctx.editor.id,
      input: {
        codebookId: current.id,
        expectedUpdatedAt: current.updatedAt.toISOString(),
        codebook: {
          ...file,
          dimensions: file.dimensions.map((dimension) =>
            dimension.key === "framing" ? { ...dimension, multiple: false } : dimension,
          ),
        },
      },
    });

    await expect(
      publishCodebook({
        userId: ctx.editor.id,
        input: { codebookId: draft.id, expectedUpdatedAt: draft.updatedAt, moves: {} },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining(
        "“Framing technique” takes one label per highlight in version 4, but 1 highlight would get several",
      ),
    });
    expect(await labelKeysOf([both.id])).toEqual([
      ["framing:Loaded_Language@v3", "framing:Name_Calling-Labeling@v3"],
    ]);

    const discarded = await discardCodebookDraft({
      userId: ctx.editor.id,
      input: { codebookId: draft.id, expectedUpdatedAt: await stamp(draft.id) },
    });
    expect(discarded.nextId).toBe(current.id);
    expect(await getDb().codebook.count({ where: { id: draft.id } })).toBe(0);
  });
});

describe("two editors on the same codebook", () => {
  let ctx: Ctx;

  beforeAll(async () => {
    ctx = await makeWorkspaceWithRoles();
  });

  it("refuses the second save from a published version someone else has already edited, naming the versions", async () => {
    const v1 = await getDefaultCodebookRow(ctx.workspace.id);
    const openedAt = v1.updatedAt.toISOString();
    const file = await currentFile(ctx.editor.id, v1.id);

    await updateCodebook({
      userId: ctx.editor.id,
      input: {
        codebookId: v1.id,
        expectedUpdatedAt: openedAt,
        codebook: renameLabel(file, "stance", "mixed", "Editor's mixed"),
      },
    });

    const before = await countRows(ctx.workspace.id);
    await expect(
      updateCodebook({
        userId: ctx.owner.id,
        input: {
          codebookId: v1.id,
          expectedUpdatedAt: openedAt,
          codebook: renameLabel(file, "stance", "mixed", "Owner's mixed"),
        },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        /^Version 2 \(draft\) of “Newsroom review” was created at .+, after you opened version 1\. Nothing was changed; reload to work on version 2\.$/,
      ),
    });
    expect(await countRows(ctx.workspace.id)).toEqual(before);
  });

  it("refuses the second save of a draft from a stale copy, and keeps the first", async () => {
    const draft = await getDb().codebook.findFirstOrThrow({
      where: { workspaceId: ctx.workspace.id, status: "DRAFT" },
      select: { id: true, updatedAt: true },
    });
    const openedAt = draft.updatedAt.toISOString();
    const file = await currentFile(ctx.editor.id, draft.id);

    await updateCodebook({
      userId: ctx.editor.id,
      input: {
        codebookId: draft.id,
        expectedUpdatedAt: openedAt,
        codebook: renameLabel(file, "stance", "neutral", "Editor's neutral"),
      },
    });
    await expect(
      updateCodebook({
        userId: ctx.owner.id,
        input: {
          codebookId: draft.id,
          expectedUpdatedAt: openedAt,
          codebook: renameLabel(file, "stance", "neutral", "Owner's neutral"),
        },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        /^Someone else saved version 2 \(draft\) of “Newsroom review” at .+ UTC; you started from the copy saved at .+ UTC\./,
      ),
    });
    expect((await labelsOf(draft.id)).get("stance:neutral")?.name).toBe("Editor's neutral");
  });

  it("lets exactly one of two simultaneous saves from the same copy win", async () => {
    const draft = await getDb().codebook.findFirstOrThrow({
      where: { workspaceId: ctx.workspace.id, status: "DRAFT" },
      select: { id: true, updatedAt: true },
    });
    const file = await currentFile(ctx.editor.id, draft.id);
    const save = (userId: string, name: string) =>
      updateCodebook({
        userId,
        input: {
          codebookId: draft.id,
          expectedUpdatedAt: draft.updatedAt.toISOString(),
          codebook: renameLabel(file, "stance", "supportive", name),
        },
      });

    const results = await Promise.allSettled([
      save(ctx.editor.id, "From editor"),
      save(ctx.owner.id, "From owner"),
    ]);
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result) => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.status === "rejected" ? lost[0].reason : null).toMatchObject({
      code: "CONFLICT",
    });
    const name = (await labelsOf(draft.id)).get("stance:supportive")?.name;
    expect(["From editor", "From owner"]).toContain(name);
  });

  it("refuses an edit that changes the codebook's key, and an invalid codebook with every problem", async () => {
    const draft = await getDb().codebook.findFirstOrThrow({
      where: { workspaceId: ctx.workspace.id, status: "DRAFT" },
      select: { id: true, updatedAt: true },
    });
    const file = await currentFile(ctx.editor.id, draft.id);
    const expectedUpdatedAt = draft.updatedAt.toISOString();

    await expect(
      updateCodebook({
        userId: ctx.editor.id,
        input: { codebookId: draft.id, expectedUpdatedAt, codebook: { ...file, key: "other" } },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { key: [expect.any(String)] } });

    const broken = renameLabel(file, "stance", "supportive", "");
    broken.dimensions[0]?.labels.push({ key: "critical", name: "Again", description: "" });
    await expect(
      updateCodebook({
        userId: ctx.editor.id,
        input: { codebookId: draft.id, expectedUpdatedAt, codebook: broken },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "The codebook has 2 problems; nothing was saved.",
      fieldErrors: {
        "dimensions[0].labels[0].name": ["Give the label a name."],
        "dimensions[0].labels[4].key": [
          'The key "critical" is already used by labels[1] in this dimension.',
        ],
      },
    });
    // Both refusals left the draft as it was (and its timestamp, so the editor can retry).
    expect(await stamp(draft.id)).toBe(expectedUpdatedAt);
  });
});
