import "server-only";

import { canSeeAuthor, decideViewerPolicy, memberName } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import type { CreateCommentData } from "@/lib/validations/discussion";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { commentRecordSelect, toCommentRecord, viewCommentFor } from "./comment-view";
import { findVisibleAnnotation } from "./find-visible-annotation";

type CreateCommentOptions = { userId: string; annotationId: string; input: CreateCommentData };

// A reply in a highlight's thread. Mentioned people must be members who can see the
// highlight (a classmate still working blind cannot be pulled into the thread); each gets
// an in-app notification.
export async function createComment({ userId, annotationId, input }: CreateCommentOptions) {
  const { annotation, context, policy, role } = await findVisibleAnnotation({
    userId,
    annotationId,
  });
  if (role === "VIEWER") {
    throw forbidden("Viewers can read discussions but not reply.");
  }

  const mentions = [...new Set(input.mentions)].filter((id) => id !== userId);
  for (const mentionedId of mentions) {
    const member = context.members.get(mentionedId);
    if (!member) {
      throw new AppError("INVALID_INPUT", "You can only mention members of this class.", {
        mentions: ["You can only mention members of this class."],
      });
    }
    const theirs = decideViewerPolicy(context, mentionedId, new Date());
    if (!canSeeAuthor(theirs, annotation.authorId)) {
      const message = `${memberName(member, "This member")} cannot see this highlight yet (their assignment is blind until they hand it in), so they cannot be mentioned here.`;
      throw new AppError("INVALID_INPUT", message, { mentions: [message] });
    }
  }

  return getDb().$transaction(async (tx) => {
    if (input.parentId) {
      const parent = await tx.comment.findFirst({
        where: { id: input.parentId, annotationId },
        select: { id: true },
      });
      if (!parent) {
        const message = "The reply you answered is not in this thread any more.";
        throw new AppError("INVALID_INPUT", message, { parentId: [message] });
      }
    }

    const row = await tx.comment.create({
      data: {
        annotationId,
        authorId: userId,
        parentId: input.parentId ?? null,
        body: input.body,
        mentions,
      },
      select: commentRecordSelect,
    });
    const record = toCommentRecord(row);
    const now = new Date();
    await tx.threadRead.upsert({
      where: { annotationId_userId: { annotationId, userId } },
      create: { annotationId, userId, lastReadAt: now },
      update: { lastReadAt: now },
    });

    if (mentions.length > 0) {
      const authorName = memberName(context.members.get(userId), "Someone");
      const quote =
        annotation.exact.length > 60 ? `${annotation.exact.slice(0, 60)}…` : annotation.exact;
      await tx.notification.createMany({
        data: mentions.map((mentionedId) => ({
          userId: mentionedId,
          workspaceId: annotation.workspaceId,
          kind: "mention",
          message: `${authorName} mentioned you in the discussion of “${quote}”.`,
          link: `/workspaces/${annotation.workspaceId}/documents/${annotation.documentId}?thread=${annotationId}`,
        })),
      });
    }

    await recordAuditEvent({
      tx,
      workspaceId: annotation.workspaceId,
      actorId: userId,
      action: "comment.create",
      entityType: "annotation",
      entityId: annotationId,
      after: { commentId: record.id, parentId: record.parentId, mentions },
    });
    await publishLiveEvent({
      tx,
      workspaceId: annotation.workspaceId,
      documentId: annotation.documentId,
      kind: "comment.created",
      payload: { annotationId, annotationAuthorId: annotation.authorId, comment: record },
    });

    return viewCommentFor(policy, record);
  });
}
