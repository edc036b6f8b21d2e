import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { deleteAnnotation } from "@/lib/server/annotation/delete-annotation";
import { listAnnotations } from "@/lib/server/annotation/list-annotations";
import { restoreAnnotation } from "@/lib/server/annotation/restore-annotation";
import { updateAnnotation } from "@/lib/server/annotation/update-annotation";
import { makeDocument } from "@/tests/factories";

import { addOwnHighlightsToKey, addToAnswerKey, copyToAnswerKey } from "./change-answer-key";
import {
  classText,
  highlight,
  makeAssignment,
  makeClass,
  type TestClass,
} from "./class-test-support";
import { getAssignment } from "./get-assignment";
import { getAssignmentResults } from "./get-assignment-results";
import { getClassView } from "./get-class-view";
import { getGradebook } from "./get-gradebook";
import { listAssignments } from "./list-assignments";
import { reopenAssignment } from "./reopen-assignment";
import { setAssignmentMode } from "./set-assignment-mode";
import { submitAssignment } from "./submit-assignment";

let ctx: TestClass;
let assignmentId: string;

async function authorsSeenBy(userId: string, documentId = ctx.document.id) {
  const annotations = await listAnnotations({ userId, documentId });
  return annotations.map((annotation) => annotation.author);
}

beforeAll(async () => {
  ctx = await makeClass();
  ({ id: assignmentId } = await makeAssignment(ctx, { mode: "BLIND" }));
  await highlight(ctx.ana.id, ctx.document.id, "reckless", [
    ctx.labels["framing:Loaded_Language"]!,
  ]);
  await highlight(ctx.ben.id, ctx.document.id, "critics say", [
    ctx.labels["sourcing:vague_attribution"]!,
  ]);
  await highlight(ctx.owner.id, ctx.document.id, "reckless", [
    ctx.labels["framing:Loaded_Language"]!,
  ]);
});

describe("a blind assignment", () => {
  it("shows each student only their own highlights through the page/API data", async () => {
    expect((await authorsSeenBy(ctx.ana.id)).map((author) => author.id)).toEqual([ctx.ana.id]);
    expect((await authorsSeenBy(ctx.ben.id)).map((author) => author.id)).toEqual([ctx.ben.id]);
    // The display name chosen for Ana is what she sees for herself too.
    expect((await authorsSeenBy(ctx.ana.id))[0]?.name).toBe("Ana L.");
  });

  it("shows instructors every highlight with names", async () => {
    const authors = await authorsSeenBy(ctx.editor.id);
    expect(authors.map((author) => author.id).sort()).toEqual(
      [ctx.ana.id, ctx.ben.id, ctx.owner.id].sort(),
    );
  });

  it("tells students their progress and instructors the roster", async () => {
    const mine = await getAssignment({ userId: ctx.ana.id, assignmentId });
    expect(mine.progress).toEqual({ documentsDone: 1, highlights: 1 });
    expect(mine.roster).toBeNull();

    const list = await listAssignments({ userId: ctx.ana.id, workspaceId: ctx.workspace.id });
    expect(list.assignments[0]).toMatchObject({
      id: assignmentId,
      documentsDone: 1,
      highlights: 1,
      submittedAt: null,
    });

    const teacher = await getAssignment({ userId: ctx.owner.id, assignmentId });
    expect(teacher.roster?.find((row) => row.userId === ctx.ben.id)).toMatchObject({
      highlights: 1,
      submittedAt: null,
    });
  });

  it("freezes a student's highlights after hand-in, with a clear message, until reopened", async () => {
    const ownHighlight = await highlight(ctx.ana.id, ctx.document.id, "devastate");
    await submitAssignment({ userId: ctx.ana.id, assignmentId });
    const message =
      /You handed in “Week 1: budget coverage” on .* Ask your instructor to reopen it/;

    await expect(highlight(ctx.ana.id, ctx.document.id, "families")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(message),
    });
    await expect(
      updateAnnotation({
        userId: ctx.ana.id,
        annotationId: ownHighlight.id,
        input: { revision: ownHighlight.revision, comment: "changed" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(message) });
    await expect(
      deleteAnnotation({ userId: ctx.ana.id, annotationId: ownHighlight.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const row = await getDb().annotation.findUniqueOrThrow({ where: { id: ownHighlight.id } });
    expect(row).toMatchObject({ comment: "", deletedAt: null });

    // Handing in twice is refused; Ben, who has not handed in, still annotates.
    await expect(submitAssignment({ userId: ctx.ana.id, assignmentId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await highlight(ctx.ben.id, ctx.document.id, "Officials insist");

    await reopenAssignment({ userId: ctx.editor.id, assignmentId, studentId: ctx.ana.id });
    await deleteAnnotation({ userId: ctx.ana.id, annotationId: ownHighlight.id });
    await submitAssignment({ userId: ctx.ana.id, assignmentId });
    await expect(
      restoreAnnotation({ userId: ctx.ana.id, annotationId: ownHighlight.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("shows a student who handed in their classmates, anonymised, but not the instructor's key material", async () => {
    const authors = await authorsSeenBy(ctx.ana.id);
    const ids = authors.map((author) => author.id);

    expect(ids).toContain(ctx.ana.id);
    expect(ids).not.toContain(ctx.ben.id);
    expect(ids).not.toContain(ctx.owner.id);
    const classmate = authors.find((author) => author.id !== ctx.ana.id);
    expect(classmate?.name).toMatch(/^Student \d+$/);
    const everything = JSON.stringify(
      await listAnnotations({ userId: ctx.ana.id, documentId: ctx.document.id }),
    );
    expect(everything).not.toContain("Ben Student");
    // Ben has not handed in: still only his own.
    expect(new Set((await authorsSeenBy(ctx.ben.id)).map((author) => author.id))).toEqual(
      new Set([ctx.ben.id]),
    );
  });

  it("refuses hand-ins from instructors and viewers, and reopening a hand-in that does not exist", async () => {
    await expect(submitAssignment({ userId: ctx.editor.id, assignmentId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(submitAssignment({ userId: ctx.viewer.id, assignmentId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      reopenAssignment({ userId: ctx.editor.id, assignmentId, studentId: ctx.ben.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      reopenAssignment({ userId: ctx.ana.id, assignmentId, studentId: ctx.ana.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("a document in several assignments", () => {
  it("is blind for a student if any of them is blind and not handed in", async () => {
    const document = await makeDocument(
      ctx.owner.id,
      ctx.workspace.id,
      classText,
      "Shared article",
    );
    await makeAssignment(ctx, { title: "Open practice", mode: "OPEN", documentIds: [document.id] });
    await highlight(ctx.ana.id, document.id, "reckless");
    await highlight(ctx.ben.id, document.id, "critics say");
    expect((await authorsSeenBy(ctx.ana.id, document.id)).length).toBe(2);

    await makeAssignment(ctx, { title: "Blind test", mode: "BLIND", documentIds: [document.id] });
    expect((await authorsSeenBy(ctx.ana.id, document.id)).map((author) => author.id)).toEqual([
      ctx.ana.id,
    ]);
  });
});

describe("answer key, reveal and scores", () => {
  it("keeps results from students until the key is released", async () => {
    const result = await getAssignmentResults({ userId: ctx.ana.id, assignmentId });
    expect(result.released).toBe(false);
    await expect(
      getAssignmentResults({ userId: ctx.ana.id, assignmentId, studentId: ctx.ben.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("builds a key from the instructor's own highlights and a copied student highlight", async () => {
    const added = await addOwnHighlightsToKey({
      userId: ctx.owner.id,
      assignmentId,
      documentId: ctx.document.id,
    });
    expect(added.added).toBe(1);
    const bens = await getDb().annotation.findFirstOrThrow({
      where: { authorId: ctx.ben.id, documentId: ctx.document.id, exact: "critics say" },
    });
    await expect(
      addToAnswerKey({ userId: ctx.owner.id, assignmentId, annotationId: bens.id }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const copy = await copyToAnswerKey({
      userId: ctx.owner.id,
      assignmentId,
      annotationId: bens.id,
    });
    const copied = await getDb().annotation.findUniqueOrThrow({
      where: { id: copy.id },
      include: { labels: true },
    });
    expect(copied).toMatchObject({ authorId: ctx.owner.id, exact: "critics say" });
    expect(copied.labels.map((label) => label.labelId)).toEqual([
      ctx.labels["sourcing:vague_attribution"],
    ]);

    await expect(
      copyToAnswerKey({ userId: ctx.ana.id, assignmentId, annotationId: bens.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("reveals anonymised: every student sees everyone, classmates as Student N", async () => {
    await setAssignmentMode({
      userId: ctx.editor.id,
      assignmentId,
      mode: "REVEALED",
      revealNames: false,
    });

    const authors = await authorsSeenBy(ctx.ben.id);
    expect(authors.map((author) => author.id)).toContain(ctx.owner.id);
    const ana = authors.filter((author) => author.name.startsWith("Student"));
    expect(ana.length).toBeGreaterThan(0);
    expect(JSON.stringify(authors)).not.toContain(ctx.ana.id);

    await setAssignmentMode({
      userId: ctx.editor.id,
      assignmentId,
      mode: "REVEALED",
      revealNames: true,
    });
    expect((await authorsSeenBy(ctx.ben.id)).map((author) => author.name)).toContain("Ana L.");
  });

  it("scores each student against the key once released", async () => {
    const ana = await getAssignmentResults({ userId: ctx.ana.id, assignmentId });
    if (!ana.released) {
      throw new Error("expected released results");
    }
    const comparison = ana.documents[0]!.comparison;
    // Key: "reckless" (owner) and "critics say" (copy). Ana: "reckless" only.
    expect(comparison.keyCount).toBe(2);
    expect(comparison.studentCount).toBe(1);
    expect(comparison.pairs).toHaveLength(1);
    expect(comparison.exact).toMatchObject({ precision: 1, recall: 0.5 });
    expect(comparison.labelAgreement.identical).toBe(1);

    const teacherView = await getAssignmentResults({
      userId: ctx.owner.id,
      assignmentId,
      studentId: ctx.ben.id,
    });
    expect(
      teacherView.released && teacherView.documents[0]!.comparison.extraStudentIds,
    ).toHaveLength(1);

    const gradebook = await getGradebook({ userId: ctx.editor.id, assignmentId });
    const anaRow = gradebook.rows.find((row) => row.student.userId === ctx.ana.id);
    expect(anaRow?.student.submittedAt).not.toBeNull();
    expect(anaRow?.totals.exact.recall).toBe(0.5);
    await expect(getGradebook({ userId: ctx.ana.id, assignmentId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("shows instructors where the class marked and how much it agreed", async () => {
    const view = await getClassView({
      userId: ctx.owner.id,
      assignmentId,
      documentId: ctx.document.id,
    });

    expect(view.classSize).toBe(2);
    expect(view.passages.map((passage) => passage.quote).sort()).toEqual(
      ["Officials insist", "critics say", "reckless"].sort(),
    );
    // The instructor's highlights are not part of the class picture.
    expect(view.passages.every((passage) => !passage.studentIds.includes(ctx.owner.id))).toBe(true);
    await expect(
      getClassView({ userId: ctx.ana.id, assignmentId, documentId: ctx.document.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("an instructor of another class", () => {
  it("cannot read or change this class's assignments", async () => {
    const stranger = ctx.outsider.id;

    await expect(getAssignment({ userId: stranger, assignmentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      setAssignmentMode({ userId: stranger, assignmentId, mode: "BLIND" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      reopenAssignment({ userId: stranger, assignmentId, studentId: ctx.ana.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getGradebook({ userId: stranger, assignmentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      getClassView({ userId: stranger, assignmentId, documentId: ctx.document.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      addOwnHighlightsToKey({ userId: stranger, assignmentId, documentId: ctx.document.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      listAnnotations({ userId: stranger, documentId: ctx.document.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const stored = await getDb().assignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(stored.mode).toBe("REVEALED");
  });

  it("cannot put this class's documents into their own assignment", async () => {
    await expect(
      makeAssignment(
        { ...ctx, workspace: ctx.otherWorkspace },
        { documentIds: [ctx.document.id] },
        ctx.outsider.id,
      ),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/not in this workspace/),
    });
  });
});
