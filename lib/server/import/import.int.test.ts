import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { createDocumentSchema } from "@/lib/validations/document";
import { makeWorkspaceWithRoles } from "@/tests/factories";

import { createDocument } from "../document/create-document";

import { createDocumentsBatch } from "./create-documents-batch";
import { createImportDraft } from "./create-import-draft";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;

const page = `<html><head><meta property="og:title" content="Pledge made"><meta property="og:site_name" content="Valley Wire"></head>
<body><article><p>Leaders agreed on Tuesday to send observers, officials said.</p><p>Critics say it is not enough.</p></article></body></html>`;

function htmlFile(content = page) {
  return {
    kind: "file" as const,
    fileName: "story.html",
    bytes: new TextEncoder().encode(content),
  };
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
});

describe("importing articles", () => {
  it("reads an HTML file into an editable draft and keeps the original on the saved document", async () => {
    const preview = await createImportDraft({
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
      source: htmlFile(),
    });
    expect(preview.article).toMatchObject({ title: "Pledge made", outlet: "Valley Wire" });
    expect(preview.article.text).toContain("Critics say it is not enough.");

    const document = await createDocument({
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
      input: createDocumentSchema.parse({
        title: "Pledge made (edited)",
        text: preview.article.text,
      }),
      importId: preview.importId,
    });
    const stored = await getDb().document.findUniqueOrThrow({
      where: { id: document.id },
      select: { originalContent: true, originalType: true },
    });
    expect(stored).toEqual({ originalContent: page, originalType: "text/html" });
    expect(await getDb().importDraft.count({ where: { id: preview.importId } })).toBe(0);

    // A draft is used once, and only by the person who made it.
    await expect(
      createDocument({
        userId: ctx.editor.id,
        workspaceId: ctx.workspace.id,
        input: createDocumentSchema.parse({ title: "Again", text: "x" }),
        importId: preview.importId,
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("refuses viewers and annotators (forbidden), outsiders (not found) and unknown file types", async () => {
    for (const [userId, code] of [
      [ctx.viewer.id, "FORBIDDEN"],
      [ctx.annotator.id, "FORBIDDEN"],
      [ctx.outsider.id, "NOT_FOUND"],
    ] as const) {
      await expect(
        createImportDraft({ userId, workspaceId: ctx.workspace.id, source: htmlFile() }),
      ).rejects.toMatchObject({ code });
    }
    await expect(
      createImportDraft({
        userId: ctx.owner.id,
        workspaceId: ctx.workspace.id,
        source: { kind: "file", fileName: "report.pdf", bytes: new Uint8Array([37, 80, 68, 70]) },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("refuses private addresses for URL imports (no test allow-list is set here)", async () => {
    await expect(
      createImportDraft({
        userId: ctx.owner.id,
        workspaceId: ctx.workspace.id,
        source: { kind: "url", url: "http://127.0.0.1:9/story" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("saves good rows of a batch and reports the bad ones", async () => {
    const before = await getDb().document.count({ where: { workspaceId: ctx.workspace.id } });
    const results = await createDocumentsBatch({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      documents: [
        createDocumentSchema.parse({ title: "One", text: "First text." }),
        // Passes no schema; stands for a row whose text is empty once normalised.
        { ...createDocumentSchema.parse({ title: "Two", text: "x" }), text: "" },
        createDocumentSchema.parse({ title: "Three", text: "Third text." }),
      ],
    });
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    expect(await getDb().document.count({ where: { workspaceId: ctx.workspace.id } })).toBe(
      before + 2,
    );
  });
});
