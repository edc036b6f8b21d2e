import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { createAnnotationSchema, type CreateAnnotationData } from "@/lib/validations/annotation";
import { getLabelIds, makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { createAnnotation } from "./create-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { listAnnotations } from "./list-annotations";
import { restoreAnnotation } from "./restore-annotation";
import { updateAnnotation } from "./update-annotation";

// "news" starts at code point 7 but UTF-16 offset 8 because of the emoji.
const text = "Fake 👍 news, critics say, spread fast.\n\nA second paragraph repeats: critics say.";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let documentId: string;
let labels: Record<string, string>;

function input(
  values: Partial<CreateAnnotationData> & Pick<CreateAnnotationData, "start" | "end" | "exact">,
): CreateAnnotationData {
  return createAnnotationSchema.parse(values);
}

async function annotationCount() {
  return getDb().annotation.count({ where: { documentId } });
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  documentId = (await makeDocument(ctx.owner.id, ctx.workspace.id, text)).id;
  labels = await getLabelIds(ctx.workspace.id);
});

describe("creating highlights", () => {
  it("stores code-point offsets with the quote, its context and labels, and audits it", async () => {
    const annotation = await createAnnotation({
      userId: ctx.annotator.id,
      documentId,
      input: input({
        start: 7,
        end: 11,
        exact: "news",
        labelIds: [labels["framing:Loaded_Language"] as string],
        comment: " Emotive ",
      }),
    });

    expect(annotation).toMatchObject({
      start: 7,
      end: 11,
      exact: "news",
      prefix: "Fake 👍 ",
      comment: "Emotive",
      documentVersion: 1,
    });
    expect(annotation.suffix.startsWith(", critics say")).toBe(true);
    expect([...text].slice(annotation.start, annotation.end).join("")).toBe("news");

    const audit = await getDb().auditEvent.findFirst({
      where: { entityId: annotation.id, action: "annotation.create" },
    });
    expect(audit?.actorId).toBe(ctx.annotator.id);
    expect(audit?.workspaceId).toBe(ctx.workspace.id);
  });

  it.each(["owner", "editor", "annotator"] as const)("lets the %s annotate", async (role) => {
    const annotation = await createAnnotation({
      userId: ctx[role].id,
      documentId,
      input: input({ start: 0, end: 4, exact: "Fake" }),
    });

    expect(annotation.author.id).toBe(ctx[role].id);
  });

  it("refuses a viewer with 403 semantics and writes nothing", async () => {
    const before = await annotationCount();

    await expect(
      createAnnotation({
        userId: ctx.viewer.id,
        documentId,
        input: input({ start: 0, end: 4, exact: "Fake" }),
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await annotationCount()).toBe(before);
  });

  it("answers an outsider 'not found' for another workspace's document", async () => {
    await expect(
      createAnnotation({
        userId: ctx.outsider.id,
        documentId,
        input: input({ start: 0, end: 4, exact: "Fake" }),
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(listAnnotations({ userId: ctx.outsider.id, documentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it.each([
    ["offsets past the end", { start: 70, end: 500, exact: "x" }, /end of the text/i],
    [
      "a quote that does not match the offsets",
      { start: 7, end: 11, exact: "NEWS" },
      /does not match/i,
    ],
    ["a whitespace-only span", { start: 38, end: 40, exact: "\n\n" }, /only/i],
  ])("refuses %s with a clear message and writes nothing", async (_name, values, message) => {
    const before = await annotationCount();

    await expect(
      createAnnotation({ userId: ctx.annotator.id, documentId, input: input(values) }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(message),
    });
    expect(await annotationCount()).toBe(before);
  });

  it("refuses labels from another workspace's codebook", async () => {
    const foreign = await getLabelIds(ctx.otherWorkspace.id);
    const before = await annotationCount();

    await expect(
      createAnnotation({
        userId: ctx.annotator.id,
        documentId,
        input: input({
          start: 0,
          end: 4,
          exact: "Fake",
          labelIds: [foreign["stance:critical"] as string],
        }),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/Unknown label/),
    });
    expect(await annotationCount()).toBe(before);
  });

  it("refuses two labels on a single-choice dimension but allows several on a multi-choice one", async () => {
    await expect(
      createAnnotation({
        userId: ctx.annotator.id,
        documentId,
        input: input({
          start: 0,
          end: 4,
          exact: "Fake",
          labelIds: [labels["stance:critical"] as string, labels["stance:supportive"] as string],
        }),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Stance takes one label per highlight.",
    });

    const annotation = await createAnnotation({
      userId: ctx.annotator.id,
      documentId,
      input: input({
        start: 0,
        end: 4,
        exact: "Fake",
        labelIds: [labels["framing:Loaded_Language"] as string, labels["framing:Doubt"] as string],
      }),
    });
    expect(annotation.labelIds).toHaveLength(2);
  });

  it("refuses a save made against an older version of the document", async () => {
    await expect(
      createAnnotation({
        userId: ctx.annotator.id,
        documentId,
        input: input({ start: 0, end: 4, exact: "Fake", documentVersion: 2 }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("validates malformed payloads at the schema boundary", () => {
    expect(createAnnotationSchema.safeParse({ start: -1, end: 2, exact: "a" }).success).toBe(false);
    expect(createAnnotationSchema.safeParse({ start: 5, end: 5, exact: "a" }).success).toBe(false);
    expect(createAnnotationSchema.safeParse({ start: 1.5, end: 2, exact: "a" }).success).toBe(
      false,
    );
    expect(
      createAnnotationSchema.safeParse({ start: 0, end: 2, exact: "ab", extra: true }).success,
    ).toBe(false);
    expect(
      createAnnotationSchema.safeParse({ start: 0, end: 2, exact: "ab", confidence: 7 }).success,
    ).toBe(false);
  });
});

describe("editing and deleting highlights", () => {
  it("lets the author edit labels, comment and confidence, and records before and after", async () => {
    const created = await createAnnotation({
      userId: ctx.annotator.id,
      documentId,
      input: input({ start: 13, end: 24, exact: "critics say" }),
    });

    const updated = await updateAnnotation({
      userId: ctx.annotator.id,
      annotationId: created.id,
      input: {
        revision: created.revision,
        labelIds: [labels["sourcing:vague_attribution"] as string],
        comment: "Which critics?",
        confidence: 3,
      },
    });

    expect(updated).toMatchObject({
      comment: "Which critics?",
      confidence: 3,
      labelIds: [labels["sourcing:vague_attribution"]],
    });
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { entityId: created.id, action: "annotation.update" },
    });
    expect(audit.before).toMatchObject({ comment: "" });
    expect(audit.after).toMatchObject({ comment: "Which critics?" });
  });

  it("refuses edits and deletes by other members (forbidden) and outsiders (not found)", async () => {
    const created = await createAnnotation({
      userId: ctx.annotator.id,
      documentId,
      input: input({ start: 0, end: 4, exact: "Fake" }),
    });

    for (const role of ["owner", "editor", "viewer"] as const) {
      await expect(
        updateAnnotation({
          userId: ctx[role].id,
          annotationId: created.id,
          input: { revision: 1, comment: "mine now" },
        }),
      ).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(
        deleteAnnotation({ userId: ctx[role].id, annotationId: created.id }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }

    await expect(
      updateAnnotation({
        userId: ctx.outsider.id,
        annotationId: created.id,
        input: { revision: 1, comment: "x" },
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      deleteAnnotation({ userId: ctx.outsider.id, annotationId: created.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const row = await getDb().annotation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.comment).toBe("");
    expect(row.deletedAt).toBeNull();
  });

  it("soft-deletes the author's highlight: gone from the list, kept for history", async () => {
    const created = await createAnnotation({
      userId: ctx.annotator.id,
      documentId,
      input: input({ start: 0, end: 4, exact: "Fake" }),
    });

    await deleteAnnotation({ userId: ctx.annotator.id, annotationId: created.id });

    const listed = await listAnnotations({ userId: ctx.viewer.id, documentId });
    expect(listed.map((annotation) => annotation.id)).not.toContain(created.id);
    const row = await getDb().annotation.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.deletedAt).not.toBeNull();
    await expect(
      deleteAnnotation({ userId: ctx.annotator.id, annotationId: created.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("restores a deleted highlight for its author (not other annotators), once, with an audit event", async () => {
    const created = await createAnnotation({
      userId: ctx.annotator.id,
      documentId,
      input: input({
        start: 5,
        end: 6,
        exact: "👍",
        labelIds: [labels["stance:critical"] as string],
      }),
    });
    await deleteAnnotation({ userId: ctx.annotator.id, annotationId: created.id });

    await expect(
      restoreAnnotation({ userId: ctx.viewer.id, annotationId: created.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      restoreAnnotation({ userId: ctx.outsider.id, annotationId: created.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const restored = await restoreAnnotation({
      userId: ctx.annotator.id,
      annotationId: created.id,
    });
    expect(restored).toMatchObject({
      id: created.id,
      start: 5,
      end: 6,
      labelIds: [labels["stance:critical"]],
    });
    const listed = await listAnnotations({ userId: ctx.viewer.id, documentId });
    expect(listed.map((annotation) => annotation.id)).toContain(created.id);

    await expect(
      restoreAnnotation({ userId: ctx.annotator.id, annotationId: created.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const audits = await getDb().auditEvent.findMany({
      where: { entityId: created.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(audits.map((event) => event.action)).toEqual([
      "annotation.create",
      "annotation.delete",
      "annotation.restore",
    ]);
  });

  it("shows every member the workspace's highlights in reading order", async () => {
    const listed = await listAnnotations({ userId: ctx.viewer.id, documentId });

    expect(listed.length).toBeGreaterThan(0);
    const starts = listed.map((annotation) => annotation.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
