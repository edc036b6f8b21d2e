import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { createAnnotationSchema, updateAnnotationSchema } from "@/lib/validations/annotation";
import { createDocumentSchema, updateDocumentSchema } from "@/lib/validations/document";
import { makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { createAnnotation } from "../annotation/create-annotation";
import { listAnnotations } from "../annotation/list-annotations";
import { updateAnnotation } from "../annotation/update-annotation";

import { createDocument } from "./create-document";
import { updateDocument } from "./update-document";

const original = [
  "The minister 🔹 hailed a historic victory, critics say.",
  "",
  "Opponents called the plan a reckless gamble with public money.",
  "",
  "A third paragraph will be deleted entirely by the editor.",
].join("\n");

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
});

function codePointsBefore(text: string, phrase: string) {
  return Array.from(text.slice(0, text.indexOf(phrase))).length;
}

async function highlight(documentId: string, text: string, phrase: string) {
  const start = codePointsBefore(text, phrase);
  return createAnnotation({
    userId: ctx.annotator.id,
    documentId,
    input: createAnnotationSchema.parse({
      start,
      end: start + Array.from(phrase).length,
      exact: phrase,
    }),
  });
}

function edit(text: string, version: number, title = "Edited") {
  return updateDocumentSchema.parse({ title, text, version });
}

describe("editing a document re-anchors its highlights", () => {
  it("keeps, moves and orphans highlights, records the revision and audits every outcome", async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, original);
    const unchanged = await highlight(document.id, original, "hailed");
    const moved = await highlight(document.id, original, "reckless gamble");
    const fuzzy = await highlight(document.id, original, "a historic victory, critics say");
    const orphan = await highlight(document.id, original, "A third paragraph will be deleted");

    const revised = original
      .replace("Opponents called", "Opposition leaders in parliament called")
      .replace("historic victory, critics", "historic victory, some critics")
      .replace("\n\nA third paragraph will be deleted entirely by the editor.", "");

    const result = await updateDocument({
      userId: ctx.editor.id,
      documentId: document.id,
      input: edit(revised, 1),
    });
    expect(result.version).toBe(2);
    expect(result.reanchored).toEqual({ unchanged: 1, moved: 1, fuzzy: 1, orphaned: 1 });

    const listed = new Map(
      (await listAnnotations({ userId: ctx.viewer.id, documentId: document.id })).map((item) => [
        item.id,
        item,
      ]),
    );
    const slice = (start: number, end: number) => Array.from(revised).slice(start, end).join("");

    const keptRow = listed.get(unchanged.id);
    expect(keptRow).toMatchObject({
      start: unchanged.start,
      anchorStatus: "ANCHORED",
      documentVersion: 2,
    });

    const movedRow = listed.get(moved.id);
    expect(movedRow?.anchorStatus).toBe("ANCHORED");
    expect(slice(movedRow?.start ?? 0, movedRow?.end ?? 0)).toBe("reckless gamble");
    expect(movedRow?.start).toBeGreaterThan(moved.start);

    const fuzzyRow = listed.get(fuzzy.id);
    expect(fuzzyRow?.anchorStatus).toBe("ANCHORED");
    expect(fuzzyRow?.exact).toBe(slice(fuzzyRow?.start ?? 0, fuzzyRow?.end ?? 0));
    expect(fuzzyRow?.exact).toContain("some critics");

    // The orphan keeps its old quote for a person to re-attach or delete.
    expect(listed.get(orphan.id)).toMatchObject({
      anchorStatus: "ORPHANED",
      exact: "A third paragraph will be deleted",
    });

    const revisions = await getDb().documentRevision.findMany({
      where: { documentId: document.id },
      orderBy: { version: "asc" },
      select: { version: true, text: true },
    });
    expect(revisions.map((revision) => revision.version)).toEqual([1, 2]);
    expect(revisions[1]?.text).toBe(revised);

    const audits = await getDb().auditEvent.findMany({
      where: {
        action: { startsWith: "annotation.reanchor" },
        entityId: { in: [unchanged.id, moved.id, fuzzy.id, orphan.id] },
      },
      select: { action: true, entityId: true },
    });
    expect(new Map(audits.map((event) => [event.entityId, event.action]))).toEqual(
      new Map([
        [unchanged.id, "annotation.reanchor.unchanged"],
        [moved.id, "annotation.reanchor.moved"],
        [fuzzy.id, "annotation.reanchor.fuzzy"],
        [orphan.id, "annotation.reanchor.orphaned"],
      ]),
    );

    // Its author re-attaches the orphan to a new selection.
    const phrase = "Opposition leaders";
    const start = codePointsBefore(revised, phrase);
    const reattached = await updateAnnotation({
      userId: ctx.annotator.id,
      annotationId: orphan.id,
      input: updateAnnotationSchema.parse({
        revision: (await getDb().annotation.findUniqueOrThrow({ where: { id: orphan.id } }))
          .revision,
        span: { start, end: start + phrase.length, exact: phrase, documentVersion: 2 },
      }),
    });
    expect(reattached).toMatchObject({
      anchorStatus: "ANCHORED",
      exact: phrase,
      documentVersion: 2,
    });
  });

  it("refuses a save made on an older version and writes nothing", async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, original);
    await updateDocument({
      userId: ctx.owner.id,
      documentId: document.id,
      input: edit(`${original} First.`, 1),
    });

    await expect(
      updateDocument({
        userId: ctx.editor.id,
        documentId: document.id,
        input: edit(`${original} Second.`, 1),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const stored = await getDb().document.findUniqueOrThrow({ where: { id: document.id } });
    expect(stored).toMatchObject({ version: 2, text: `${original} First.` });
    expect(await getDb().documentRevision.count({ where: { documentId: document.id } })).toBe(2);
  });

  it("lets editors and a document's own contributor edit; refuses others", async () => {
    const editorsDocument = await makeDocument(ctx.owner.id, ctx.workspace.id, original);

    await expect(
      updateDocument({
        userId: ctx.viewer.id,
        documentId: editorsDocument.id,
        input: edit(original, 1),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateDocument({
        userId: ctx.annotator.id,
        documentId: editorsDocument.id,
        input: edit(original, 1),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateDocument({
        userId: ctx.outsider.id,
        documentId: editorsDocument.id,
        input: edit(original, 1),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    // A title-only change keeps the version: offsets stay valid.
    const renamed = await updateDocument({
      userId: ctx.editor.id,
      documentId: editorsDocument.id,
      input: edit(original, 1, "New title"),
    });
    expect(renamed.version).toBe(1);

    await getDb().membership.update({
      where: { workspaceId_userId: { workspaceId: ctx.workspace.id, userId: ctx.annotator.id } },
      data: { role: "EDITOR" },
    });
    const draft = await createDocument({
      userId: ctx.annotator.id,
      workspaceId: ctx.workspace.id,
      input: createDocumentSchema.parse({ title: "My draft", text: original, kind: "SUBMISSION" }),
    });
    await getDb().membership.update({
      where: { workspaceId_userId: { workspaceId: ctx.workspace.id, userId: ctx.annotator.id } },
      data: { role: "ANNOTATOR" },
    });
    const own = await updateDocument({
      userId: ctx.annotator.id,
      documentId: draft.id,
      input: edit(`${original}\n\nRevised.`, 1),
    });
    expect(own.version).toBe(2);
  });
});
