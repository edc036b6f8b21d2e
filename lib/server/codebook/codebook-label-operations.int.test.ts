import { beforeEach, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { makeWorkspaceWithRoles } from "@/tests/factories";

import { deleteAnnotation } from "../annotation/delete-annotation";

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
import { deleteCodebookLabel } from "./delete-codebook-label";
import { exportCodebook } from "./export-codebook";
import { mergeCodebookLabels } from "./merge-codebook-labels";
import { renameCodebookLabel } from "./rename-codebook-label";
import { splitCodebookLabel } from "./split-codebook-label";
import { updateCodebook } from "./update-codebook";

type Ctx = Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;

let ctx: Ctx;
let v1: Awaited<ReturnType<typeof getDefaultCodebookRow>>;
let labels: Awaited<ReturnType<typeof labelsOf>>;
let documentId: string;

// A fresh workspace per test: each operation publishes a new version.
beforeEach(async () => {
  ctx = await makeWorkspaceWithRoles();
  v1 = await getDefaultCodebookRow(ctx.workspace.id);
  labels = await labelsOf(v1.id);
  documentId = (await makeArticle(ctx.owner.id, ctx.workspace.id)).id;
});

function target() {
  return { codebookId: v1.id, expectedUpdatedAt: v1.updatedAt.toISOString() };
}

async function tag(phrase: string, ...paths: string[]) {
  return (
    await highlight(
      ctx.annotator.id,
      documentId,
      phrase,
      paths.map((path) => idOf(labels, path)),
    )
  ).id;
}

describe("renaming a label", () => {
  it("changes its name in a new published version; its highlights follow; audited", async () => {
    const id = await tag("reckless scheme", "framing:Loaded_Language");

    const result = await renameCodebookLabel({
      userId: ctx.editor.id,
      input: {
        ...target(),
        labelId: idOf(labels, "framing:Loaded_Language"),
        name: "Emotive wording",
        key: "Loaded_Language",
      },
    });

    expect(result).toMatchObject({ version: 2, migration: { annotationCount: 1 } });
    expect(await labelKeysOf([id])).toEqual([["framing:Loaded_Language@v2"]]);
    expect((await labelsOf(result.id)).get("framing:Loaded_Language")?.name).toBe(
      "Emotive wording",
    );
    expect((await getDefaultCodebookRow(ctx.workspace.id)).id).toBe(result.id);
    const [event] = await auditEvents(ctx.workspace.id, "codebook.label.rename");
    expect(event).toMatchObject({
      actorId: ctx.editor.id,
      entityId: result.id,
      before: { codebookId: v1.id, version: 1 },
      after: {
        version: 2,
        from: { key: "Loaded_Language", name: "Loaded language" },
        to: { key: "Loaded_Language", name: "Emotive wording" },
        migration: { annotationCount: 1 },
      },
    });
  });

  it("changes its key with the mapping old key → new key, and refuses a key that is taken", async () => {
    const id = await tag("Critics say", "sourcing:vague_attribution");

    await expect(
      renameCodebookLabel({
        userId: ctx.editor.id,
        input: {
          ...target(),
          labelId: idOf(labels, "sourcing:vague_attribution"),
          name: "Weasel words",
          key: "no_source",
        },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("“Sourcing” already has a label with the key “no_source”"),
    });

    const result = await renameCodebookLabel({
      userId: ctx.editor.id,
      input: {
        ...target(),
        labelId: idOf(labels, "sourcing:vague_attribution"),
        name: "Weasel words",
        key: "weasel_words",
      },
    });
    expect(await labelKeysOf([id])).toEqual([["sourcing:weasel_words@v2"]]);
    const [event] = await auditEvents(ctx.workspace.id, "codebook.label.rename");
    expect(event?.after).toMatchObject({
      migration: {
        labels: [
          {
            from: { key: "vague_attribution" },
            to: { key: "weasel_words" },
            count: 1,
            annotationIds: [id],
          },
        ],
      },
    });
    expect(result.version).toBe(2);
  });
});

describe("merging labels", () => {
  it("rewrites the highlights of A and B to C, once per highlight, deleted ones included", async () => {
    const both = await tag(
      "out-of-touch bureaucrats",
      "framing:Loaded_Language",
      "framing:Name_Calling-Labeling",
    );
    const onlyA = await tag("reckless scheme", "framing:Loaded_Language", "stance:critical");
    const onlyC = await tag("Can we really trust", "framing:Doubt");
    const deleted = await tag("Critics say", "framing:Name_Calling-Labeling");
    await deleteAnnotation({ userId: ctx.annotator.id, annotationId: deleted });

    const result = await mergeCodebookLabels({
      userId: ctx.editor.id,
      input: {
        ...target(),
        sourceLabelIds: [
          idOf(labels, "framing:Loaded_Language"),
          idOf(labels, "framing:Name_Calling-Labeling"),
        ],
        target: { labelId: idOf(labels, "framing:Doubt") },
      },
    });

    expect(await labelKeysOf([both, onlyA, onlyC, deleted])).toEqual([
      ["framing:Doubt@v2"],
      ["framing:Doubt@v2", "stance:critical@v2"],
      ["framing:Doubt@v2"],
      ["framing:Doubt@v2"],
    ]);
    const v2 = await labelsOf(result.id);
    expect(v2.has("framing:Loaded_Language")).toBe(false);
    expect(v2.has("framing:Name_Calling-Labeling")).toBe(false);
    // Nothing points at version 1 any more.
    expect(
      await getDb().annotationLabel.count({
        where: { label: { dimension: { codebookId: v1.id } } },
      }),
    ).toBe(0);

    const [event] = await auditEvents(ctx.workspace.id, "codebook.label.merge");
    expect(event?.after).toMatchObject({
      sources: [{ key: "Loaded_Language" }, { key: "Name_Calling-Labeling" }],
      target: { key: "Doubt", isNew: false },
      migration: { annotationCount: 4 },
    });
  });

  it("merges into a new label that takes the first label's place and shortcut", async () => {
    const id = await tag("reckless scheme", "framing:Exaggeration-Minimisation");

    const result = await mergeCodebookLabels({
      userId: ctx.editor.id,
      input: {
        ...target(),
        sourceLabelIds: [
          idOf(labels, "framing:Exaggeration-Minimisation"),
          idOf(labels, "framing:Loaded_Language"),
        ],
        target: { key: "Emotive", name: "Emotive language" },
      },
    });

    expect(await labelKeysOf([id])).toEqual([["framing:Emotive@v2"]]);
    const framing = (
      await exportCodebook({ userId: ctx.viewer.id, codebookId: result.id })
    ).file.dimensions.find((dimension) => dimension.key === "framing");
    expect(framing?.labels.map((label) => [label.key, label.shortcut])).toEqual([
      ["Emotive", "1"],
      ["Name_Calling-Labeling", "2"],
      ["Appeal_to_Fear-Prejudice", "4"],
      ["Whataboutism", "5"],
      ["False_Dilemma-No_Choice", "6"],
      ["Doubt", "7"],
    ]);
  });

  it("refuses labels of different dimensions, and nothing changes", async () => {
    await tag("reckless scheme", "framing:Loaded_Language");
    const before = await countRows(ctx.workspace.id);

    await expect(
      mergeCodebookLabels({
        userId: ctx.editor.id,
        input: {
          ...target(),
          sourceLabelIds: [
            idOf(labels, "framing:Loaded_Language"),
            idOf(labels, "stance:critical"),
          ],
          target: { labelId: idOf(labels, "framing:Doubt") },
        },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message:
        "Merge labels of one dimension: “Loaded language” is in “Framing technique”, “Critical” in “Stance”.",
    });
    expect(await countRows(ctx.workspace.id)).toEqual(before);
  });
});

describe("splitting a label", () => {
  it("refuses a mapping that leaves highlights unassigned, naming how many and which label; nothing changes", async () => {
    const first = await tag("reckless scheme", "framing:Loaded_Language");
    const second = await tag("out-of-touch bureaucrats", "framing:Loaded_Language");
    const third = await tag("Critics say", "framing:Loaded_Language", "sourcing:vague_attribution");
    const before = await countRows(ctx.workspace.id);

    await expect(
      splitCodebookLabel({
        userId: ctx.editor.id,
        input: {
          ...target(),
          labelId: idOf(labels, "framing:Loaded_Language"),
          into: [
            { key: "Loaded_Adjective", name: "Loaded adjective" },
            { key: "Loaded_Noun", name: "Loaded noun" },
          ],
          assignments: { [first]: "Loaded_Adjective" },
        },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message:
        "The mapping leaves 2 of 3 highlights with “Loaded language” unassigned: give each of them one of “Loaded adjective”, “Loaded noun”. Nothing was changed.",
    });

    expect(await countRows(ctx.workspace.id)).toEqual(before);
    expect(await labelKeysOf([first, second, third])).toEqual([
      ["framing:Loaded_Language@v1"],
      ["framing:Loaded_Language@v1"],
      ["framing:Loaded_Language@v1", "sourcing:vague_attribution@v1"],
    ]);
    expect(await auditEvents(ctx.workspace.id, "codebook.label.split")).toEqual([]);
  });

  it("assigns every highlight of A to B or C as the mapping says, and audits which went where", async () => {
    const first = await tag("reckless scheme", "framing:Loaded_Language");
    const second = await tag("out-of-touch bureaucrats", "framing:Loaded_Language");

    const result = await splitCodebookLabel({
      userId: ctx.editor.id,
      input: {
        ...target(),
        labelId: idOf(labels, "framing:Loaded_Language"),
        into: [
          { key: "Loaded_Adjective", name: "Loaded adjective" },
          { key: "Loaded_Noun", name: "Loaded noun" },
        ],
        assignments: { [first]: "Loaded_Adjective", [second]: "Loaded_Noun" },
      },
    });

    expect(await labelKeysOf([first, second])).toEqual([
      ["framing:Loaded_Adjective@v2"],
      ["framing:Loaded_Noun@v2"],
    ]);
    const v2 = await labelsOf(result.id);
    expect(v2.has("framing:Loaded_Language")).toBe(false);
    const [event] = await auditEvents(ctx.workspace.id, "codebook.label.split");
    expect(event?.after).toMatchObject({
      migration: {
        annotationCount: 2,
        labels: expect.arrayContaining([
          expect.objectContaining({
            to: expect.objectContaining({ key: "Loaded_Adjective" }),
            annotationIds: [first],
          }),
          expect.objectContaining({
            to: expect.objectContaining({ key: "Loaded_Noun" }),
            annotationIds: [second],
          }),
        ]),
      },
    });
  });
});

describe("deleting a label", () => {
  it("is refused while the label is on highlights, unless they move elsewhere", async () => {
    const id = await tag("Critics say", "sourcing:vague_attribution");
    const before = await countRows(ctx.workspace.id);

    await expect(
      deleteCodebookLabel({
        userId: ctx.editor.id,
        input: { ...target(), labelId: idOf(labels, "sourcing:vague_attribution") },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message:
        "“Vague attribution” is on 1 highlight: choose a label to move them to before deleting it. Nothing was changed.",
    });
    await expect(
      deleteCodebookLabel({
        userId: ctx.editor.id,
        input: {
          ...target(),
          labelId: idOf(labels, "sourcing:vague_attribution"),
          moveToLabelId: idOf(labels, "stance:critical"),
        },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Move the highlights to another label of “Sourcing”.",
    });
    expect(await countRows(ctx.workspace.id)).toEqual(before);

    const result = await deleteCodebookLabel({
      userId: ctx.editor.id,
      input: {
        ...target(),
        labelId: idOf(labels, "sourcing:vague_attribution"),
        moveToLabelId: idOf(labels, "sourcing:anonymous_source"),
      },
    });
    expect(await labelKeysOf([id])).toEqual([["sourcing:anonymous_source@v2"]]);
    expect((await labelsOf(result.id)).has("sourcing:vague_attribution")).toBe(false);
    const [event] = await auditEvents(ctx.workspace.id, "codebook.label.delete");
    expect(event?.after).toMatchObject({
      label: { key: "vague_attribution" },
      movedTo: { key: "anonymous_source" },
      annotationCount: 1,
    });
  });

  it("deletes an unused label without a mapping", async () => {
    const result = await deleteCodebookLabel({
      userId: ctx.editor.id,
      input: { ...target(), labelId: idOf(labels, "stance:mixed") },
    });
    expect((await labelsOf(result.id)).has("stance:mixed")).toBe(false);
    expect(result.migration.annotationCount).toBe(0);
  });
});

describe("label operations and versions", () => {
  it("waits for a pending draft, and refuses a stale copy", async () => {
    const file = (await exportCodebook({ userId: ctx.editor.id, codebookId: v1.id })).file;
    const draft = await updateCodebook({
      userId: ctx.editor.id,
      input: { ...target(), codebook: { ...file, description: "Changed" } },
    });

    await expect(
      deleteCodebookLabel({
        userId: ctx.editor.id,
        input: { ...target(), labelId: idOf(labels, "stance:mixed") },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(
        "Version 2 of “Newsroom review” is a draft with unpublished edits",
      ),
    });
    await expect(
      deleteCodebookLabel({
        userId: ctx.editor.id,
        input: {
          codebookId: draft.id,
          expectedUpdatedAt: draft.updatedAt,
          labelId: idOf(await labelsOf(draft.id), "stance:mixed"),
        },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses the second of two editors' operations from the same copy", async () => {
    await renameCodebookLabel({
      userId: ctx.editor.id,
      input: { ...target(), labelId: idOf(labels, "stance:mixed"), name: "Both", key: "mixed" },
    });

    await expect(
      deleteCodebookLabel({
        userId: ctx.owner.id,
        input: { ...target(), labelId: idOf(labels, "stance:mixed") },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(
        /^Version 2 \(published\) of “Newsroom review” was created at .+, after you opened version 1\./,
      ),
    });
  });
});
