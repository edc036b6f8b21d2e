import { beforeAll, describe, expect, it } from "vitest";

import { codebookPresets } from "@/lib/codebooks/presets";
import { toCodebookDocument } from "@/lib/codebooks/validate-codebook";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsToProblems } from "@/lib/validations/codebook";
import { makeWorkspaceWithRoles } from "@/tests/factories";

import { createWorkspace } from "../workspace/create-workspace";

import { auditEvents, countRows, getDefaultCodebookRow } from "./codebook-test-support";
import { createCodebook } from "./create-codebook";
import { exportCodebook } from "./export-codebook";
import { importCodebook } from "./import-codebook";
import { listCodebooks } from "./list-codebooks";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
});

type Json = Record<string, unknown>;

function label(key: string, extra: Json = {}): Json {
  return { key, name: key.toUpperCase(), description: "", ...extra };
}

function codebook(labels: Json[], dimensionExtra: Json = {}, extra: Json = {}): Json {
  return {
    schemaVersion: 1,
    key: "class-scheme",
    name: "Class scheme",
    dimensions: [{ key: "tone", name: "Tone", color: "#0072B2", labels, ...dimensionExtra }],
    ...extra,
  };
}

// Imports and returns the problems it was refused with (location → message).
async function refusedWith(json: string) {
  const before = await countRows(ctx.workspace.id);
  const error = await importCodebook({
    userId: ctx.editor.id,
    input: { workspaceId: ctx.workspace.id, json },
  }).catch((caught: unknown) => caught);

  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  expect(appError.code).toBe("INVALID_INPUT");
  expect(appError.message).toMatch(/nothing was imported/);
  // Refused means nothing at all was written.
  expect(await countRows(ctx.workspace.id)).toEqual(before);
  return fieldErrorsToProblems(appError.fieldErrors ?? {});
}

describe("importing a codebook refuses bad input, names every problem and writes nothing", () => {
  it.each([
    {
      case: "duplicate label keys",
      json: codebook([label("calm"), label("calm")]),
      expected: [
        {
          location: "dimensions[0].labels[1].key",
          message: 'The key "calm" is already used by labels[0] in this dimension.',
        },
      ],
    },
    {
      case: "duplicate dimension keys",
      json: {
        ...codebook([label("calm")]),
        dimensions: [
          { key: "tone", name: "Tone", color: "#0072B2", labels: [label("calm")] },
          { key: "tone", name: "Tone again", color: "#D55E00", labels: [label("angry")] },
        ],
      },
      expected: [
        {
          location: "dimensions[1].key",
          message: 'The key "tone" is already used by dimensions[0].',
        },
      ],
    },
    {
      case: "missing names",
      json: codebook([{ key: "calm" }, label("angry", { name: "   " })]),
      expected: [
        { location: "dimensions[0].labels[0].name", message: "Give the label a name." },
        { location: "dimensions[0].labels[1].name", message: "Give the label a name." },
      ],
    },
    {
      case: "a cycle in parents",
      json: codebook([
        label("calm", { parent: "angry" }),
        label("angry", { parent: "calm" }),
        label("other"),
      ]),
      expected: [
        {
          location: "dimensions[0].labels[0].parent",
          message: 'The parents form a cycle: "calm" → "angry" → "calm".',
        },
        {
          location: "dimensions[0].labels[1].parent",
          message: 'The parents form a cycle: "angry" → "calm" → "angry".',
        },
      ],
    },
    {
      case: "an unknown field type",
      json: codebook([label("calm")], { fieldType: "slider" }),
      expected: [
        {
          location: "dimensions[0].fieldType",
          message: "Unknown field type; use one of: labels, ordinal, text, target, link.",
        },
      ],
    },
    {
      case: "a shortcut used twice",
      json: codebook([label("calm", { shortcut: "c" }), label("angry", { shortcut: "C" })]),
      expected: [
        {
          location: "dimensions[0].labels[1].shortcut",
          message: 'The shortcut "C" is already used by labels[0] in this dimension.',
        },
      ],
    },
    {
      case: "guidelines that are not text",
      json: codebook([label("calm")], {}, { guidelines: ["not", "markdown"] }),
      expected: [{ location: "guidelines", message: "guidelines is Markdown text." }],
    },
  ])("refuses $case", async ({ json, expected }) => {
    expect(await refusedWith(JSON.stringify(json))).toEqual(expected);
  });

  it("refuses text that is not JSON, saying why", async () => {
    const problems = await refusedWith('{"schemaVersion": 1, "key": "x",}');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.location).toBe("");
    expect(problems[0]?.message).toMatch(/^This is not valid JSON: /);
  });

  it("refuses a field given twice in one object (JSON.parse would keep only the last)", async () => {
    const json = JSON.stringify(codebook([label("calm")])).replace(
      '"key":"calm"',
      '"key":"calm","key":"angry"',
    );
    expect(await refusedWith(json)).toEqual([
      {
        location: "dimensions[0].labels[0].key",
        message: 'The field "key" appears more than once in this object; give it once.',
      },
    ]);
  });

  it("reports every problem of one file at once, in document order", async () => {
    const json = JSON.stringify({
      schemaVersion: 1,
      key: "class-scheme",
      name: "",
      dimensions: [
        {
          key: "tone",
          name: "Tone",
          color: "#0072B2",
          fieldType: "slider",
          labels: [
            label("calm", { shortcut: "1", parent: "angry" }),
            label("angry", { shortcut: "1", parent: "calm" }),
            label("calm"),
            { key: "nameless" },
          ],
        },
      ],
    });

    const problems = await refusedWith(json);
    expect(problems.map((entry) => entry.location)).toEqual([
      "dimensions[0].fieldType",
      "dimensions[0].labels[0].parent",
      "dimensions[0].labels[1].parent",
      "dimensions[0].labels[1].shortcut",
      "dimensions[0].labels[2].key",
      "dimensions[0].labels[3].name",
      "name",
    ]);
    expect(problems.map((entry) => entry.message)).toContain(
      'The key "calm" is already used by labels[0] in this dimension.',
    );
  });
});

describe("importing and exporting good codebooks", () => {
  it("imports a new key as a published version 1 that is not the default, and audits it", async () => {
    const result = await importCodebook({
      userId: ctx.editor.id,
      input: {
        workspaceId: ctx.workspace.id,
        json: JSON.stringify(
          codebook([label("calm"), label("angry")], {}, { guidelines: "# Read me\n\nCarefully." }),
        ),
      },
    });

    expect(result).toMatchObject({ version: 1, status: "PUBLISHED" });
    const row = await getDb().codebook.findUniqueOrThrow({
      where: { id: result.id },
      select: { key: true, isDefault: true, guidelines: true },
    });
    expect(row).toEqual({
      key: "class-scheme",
      isDefault: false,
      guidelines: "# Read me\n\nCarefully.",
    });
    expect((await getDefaultCodebookRow(ctx.workspace.id)).key).toBe("newsroom-review");
    expect(await auditEvents(ctx.workspace.id, "codebook.import")).toContainEqual(
      expect.objectContaining({ actorId: ctx.editor.id, entityId: result.id }),
    );
  });

  it("imports a key the workspace has as its next version, a draft; a second import waits for it", async () => {
    const next = await importCodebook({
      userId: ctx.editor.id,
      input: {
        workspaceId: ctx.workspace.id,
        json: JSON.stringify(codebook([label("calm"), label("angry"), label("wry")])),
      },
    });
    expect(next).toMatchObject({ version: 2, status: "DRAFT" });

    const before = await countRows(ctx.workspace.id);
    await expect(
      importCodebook({
        userId: ctx.editor.id,
        input: { workspaceId: ctx.workspace.id, json: JSON.stringify(codebook([label("x")])) },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(
        "Version 2 of “Class scheme” (key “class-scheme”) is already a draft",
      ),
    });
    expect(await countRows(ctx.workspace.id)).toEqual(before);

    const { codebooks } = await listCodebooks({
      userId: ctx.viewer.id,
      workspaceId: ctx.workspace.id,
    });
    const listed = codebooks.find((entry) => entry.key === "class-scheme");
    expect(listed?.versions.map((entry) => [entry.version, entry.status])).toEqual([
      [2, "DRAFT"],
      [1, "PUBLISHED"],
    ]);
    expect(codebooks[0]).toMatchObject({ key: "newsroom-review", isDefault: true });
  });

  it("exports every preset as a file that imports again unchanged", async () => {
    const target = await createWorkspace({
      userId: ctx.owner.id,
      input: { name: "Round trip", kind: "RESEARCH" },
    });

    for (const presetKey of Object.keys(codebookPresets)) {
      const created = await createCodebook({
        userId: ctx.editor.id,
        input: { workspaceId: ctx.workspace.id, presetKey },
      });
      const exported = await exportCodebook({ userId: ctx.viewer.id, codebookId: created.id });
      expect(exported.file.schemaVersion).toBe(1);
      expect(exported.fileName).toMatch(/-v1\.json$/);

      const { guidelines, ...document } = exported.file;
      expect(guidelines).toBe("");
      // The export is the preset itself as the documented codebook document; stored
      // labels always carry their colour (the dimension's when the preset gives none).
      const preset = toCodebookDocument(codebookPresets[presetKey as keyof typeof codebookPresets]);
      expect(document).toEqual({
        ...preset,
        key: created.key,
        name: created.name,
        dimensions: preset.dimensions.map((dimension) => ({
          scope: "span",
          fieldType: "labels",
          ...dimension,
          labels: dimension.labels.map((entry) => ({ color: dimension.color, ...entry })),
        })),
      });

      const reimported = await importCodebook({
        userId: ctx.owner.id,
        input: { workspaceId: target.id, json: JSON.stringify(exported.file, null, 2) },
      });
      const again = await exportCodebook({ userId: ctx.owner.id, codebookId: reimported.id });
      expect(again.file).toEqual(exported.file);
    }
  });

  it("creates a preset twice under a new key and name", async () => {
    const first = await createCodebook({
      userId: ctx.editor.id,
      input: { workspaceId: ctx.workspace.id, presetKey: "media-frames-corpus" },
    });
    const rows = await getDb().codebook.findMany({
      where: { workspaceId: ctx.workspace.id, key: { startsWith: "media-frames-corpus" } },
      orderBy: { createdAt: "asc" },
      select: { id: true, key: true, name: true },
    });
    // The round-trip test above created the first one; this is the second.
    expect(rows.map((row) => row.key)).toEqual(["media-frames-corpus", "media-frames-corpus-2"]);
    expect(rows[1]).toMatchObject({ id: first.id, name: "Media Frames Corpus (2)" });

    await expect(
      createCodebook({
        userId: ctx.editor.id,
        input: { workspaceId: ctx.workspace.id, presetKey: "no-such-preset" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});

describe("a new workspace starts from the chosen preset", () => {
  it("uses the chosen preset as the default codebook, Newsroom review when none is chosen", async () => {
    const chosen = await createWorkspace({
      userId: ctx.owner.id,
      input: { name: "Fact checks", kind: "NEWSROOM", codebookPreset: "fact-check-scales" },
    });
    const plain = await createWorkspace({
      userId: ctx.owner.id,
      input: { name: "Plain", kind: "NEWSROOM" },
    });

    expect((await getDefaultCodebookRow(chosen.id)).key).toBe("fact-check-scales");
    expect((await getDefaultCodebookRow(plain.id)).key).toBe("newsroom-review");

    const before = await getDb().workspace.count();
    await expect(
      createWorkspace({
        userId: ctx.owner.id,
        input: { name: "Broken", kind: "CLASS", codebookPreset: "nope" },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { codebookPreset: ["Choose one of the codebooks listed."] },
    });
    expect(await getDb().workspace.count()).toBe(before);
  });
});
