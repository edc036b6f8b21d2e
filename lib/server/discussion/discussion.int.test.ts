import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import {
  highlight,
  makeAssignment,
  makeClass,
  type TestClass,
} from "@/lib/server/assignment/class-test-support";
import { submitAssignment } from "@/lib/server/assignment/submit-assignment";
import { createCommentSchema, updateCommentSchema } from "@/lib/validations/discussion";

import { createComment } from "./create-comment";
import { listComments } from "./list-comments";
import { listThreads } from "./list-threads";
import { markThreadRead } from "./mark-thread-read";
import { setReaction } from "./set-reaction";
import { updateComment } from "./update-comment";

let ctx: TestClass;
let anaHighlightId: string;
let benHighlightId: string;

function reply(body: string, extra: { parentId?: string; mentions?: string[] } = {}) {
  return createCommentSchema.parse({ body, ...extra });
}

beforeAll(async () => {
  ctx = await makeClass();
  anaHighlightId = (await highlight(ctx.ana.id, ctx.document.id, "reckless")).id;
  benHighlightId = (await highlight(ctx.ben.id, ctx.document.id, "critics say")).id;
});

describe("threads on an open document", () => {
  it("takes replies, replies to replies and mentions, and notifies the mentioned", async () => {
    const first = await createComment({
      userId: ctx.ben.id,
      annotationId: anaHighlightId,
      input: reply("Is “reckless” loaded here? @Ms Owner", { mentions: [ctx.owner.id] }),
    });
    expect(first).toMatchObject({ body: "Is “reckless” loaded here? @Ms Owner", parentId: null });
    const answer = await createComment({
      userId: ctx.owner.id,
      annotationId: anaHighlightId,
      input: reply("Yes: it judges, it does not describe.", { parentId: first.id }),
    });
    expect(answer.parentId).toBe(first.id);

    const notification = await getDb().notification.findFirst({
      where: { userId: ctx.owner.id, kind: "mention" },
    });
    expect(notification?.message).toMatch(/mentioned you/);
    expect(notification?.link).toContain(`thread=${anaHighlightId}`);

    const comments = await listComments({ userId: ctx.ana.id, annotationId: anaHighlightId });
    expect(comments.map((comment) => comment.body)).toHaveLength(2);
    expect(comments[0]?.mentionNames).toEqual(["Owner"]);
  });

  it("refuses empty replies, strangers as mentions, and replies to another thread", async () => {
    expect(createCommentSchema.safeParse({ body: "   " }).success).toBe(false);
    await expect(
      createComment({
        userId: ctx.ben.id,
        annotationId: anaHighlightId,
        input: reply("Hello", { mentions: [ctx.outsider.id] }),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "You can only mention members of this class.",
    });

    const other = await createComment({
      userId: ctx.ana.id,
      annotationId: benHighlightId,
      input: reply("Which critics?"),
    });
    await expect(
      createComment({
        userId: ctx.ben.id,
        annotationId: anaHighlightId,
        input: reply("x", { parentId: other.id }),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("counts unread replies from others until the thread is opened", async () => {
    const before = await listThreads({ userId: ctx.ana.id, documentId: ctx.document.id });
    const thread = before.threads.find((item) => item.annotationId === anaHighlightId);
    expect(thread).toMatchObject({ comments: 2, unread: 2 });

    await markThreadRead({ userId: ctx.ana.id, annotationId: anaHighlightId });
    const after = await listThreads({ userId: ctx.ana.id, documentId: ctx.document.id });
    expect(after.threads.find((item) => item.annotationId === anaHighlightId)?.unread).toBe(0);
    // Ben wrote one of the two and the owner answered after: one unread for him.
    const ben = await listThreads({ userId: ctx.ben.id, documentId: ctx.document.id });
    expect(ben.threads.find((item) => item.annotationId === anaHighlightId)?.unread).toBe(1);
    expect(ben.mentionable.map((member) => member.name)).toContain("Ana L.");
  });

  it("lets instructors pin and hide replies; students see a hidden reply without its text", async () => {
    const rude = await createComment({
      userId: ctx.ben.id,
      annotationId: benHighlightId,
      input: reply("rude words"),
    });
    await updateComment({
      userId: ctx.editor.id,
      commentId: rude.id,
      input: updateCommentSchema.parse({ isHidden: true }),
    });
    const pinned = await updateComment({
      userId: ctx.owner.id,
      commentId: rude.id,
      input: updateCommentSchema.parse({ isPinned: true }),
    });
    expect(pinned).toMatchObject({ isHidden: true, isPinned: true, body: "rude words" });

    const asStudent = await listComments({ userId: ctx.ana.id, annotationId: benHighlightId });
    expect(asStudent.find((comment) => comment.id === rude.id)).toMatchObject({
      isHidden: true,
      body: "",
    });
    await expect(
      updateComment({ userId: ctx.ana.id, commentId: rude.id, input: { isPinned: false } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateComment({ userId: ctx.outsider.id, commentId: rude.id, input: { isPinned: false } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("records one agree/disagree per person, never on one's own highlight", async () => {
    await setReaction({
      userId: ctx.ben.id,
      annotationId: anaHighlightId,
      input: { kind: "AGREE" },
    });
    const changed = await setReaction({
      userId: ctx.ben.id,
      annotationId: anaHighlightId,
      input: { kind: "DISAGREE" },
    });
    expect(changed).toEqual({ agree: 0, disagree: 1, mine: "DISAGREE" });
    await setReaction({
      userId: ctx.owner.id,
      annotationId: anaHighlightId,
      input: { kind: "AGREE" },
    });

    await expect(
      setReaction({ userId: ctx.ana.id, annotationId: anaHighlightId, input: { kind: "AGREE" } }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/your own highlight/),
    });
    await expect(
      setReaction({
        userId: ctx.viewer.id,
        annotationId: anaHighlightId,
        input: { kind: "AGREE" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const threads = await listThreads({ userId: ctx.ben.id, documentId: ctx.document.id });
    expect(threads.threads.find((item) => item.annotationId === anaHighlightId)).toMatchObject({
      agree: 1,
      disagree: 1,
      mine: "DISAGREE",
    });
  });
});

describe("threads under a blind assignment", () => {
  it("hide a classmate's highlight, its thread and its reactions from a student who has not handed in", async () => {
    const { id: assignmentId } = await makeAssignment(ctx, { mode: "BLIND" });

    await expect(
      listComments({ userId: ctx.ana.id, annotationId: benHighlightId }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      createComment({ userId: ctx.ana.id, annotationId: benHighlightId, input: reply("peek") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setReaction({ userId: ctx.ana.id, annotationId: benHighlightId, input: { kind: "AGREE" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const threads = await listThreads({ userId: ctx.ana.id, documentId: ctx.document.id });
    expect(threads.threads.map((thread) => thread.annotationId)).toEqual([anaHighlightId]);

    // The instructor cannot pull Ana into Ben's thread while she works blind.
    await expect(
      createComment({
        userId: ctx.owner.id,
        annotationId: benHighlightId,
        input: reply("@Ana L. look", { mentions: [ctx.ana.id] }),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/Ana L\. cannot see this highlight/),
    });

    await submitAssignment({ userId: ctx.ana.id, assignmentId });
    const comments = await listComments({ userId: ctx.ana.id, annotationId: benHighlightId });
    expect(comments.length).toBeGreaterThan(0);
    // Anonymised: Ben appears as "Student N".
    expect(comments.find((comment) => comment.author.name.startsWith("Student"))).toBeDefined();
  });
});
