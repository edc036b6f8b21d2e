import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors/app-error";
import type { UpdateCommentData } from "@/lib/validations/discussion";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { commentRecordSelect, toCommentRecord, viewCommentFor } from "./comment-view";
import { findVisibleAnnotation } from "./find-visible-annotation";

type UpdateCommentOptions = { userId: string; commentId: string; input: UpdateCommentData };

// Instructors pin a reply (shown first) or hide one (its text is withheld from students;
// instructors can still read it and show it again).
export async function updateComment({ userId, commentId, input }: UpdateCommentOptions) {
  const comment = await getDb().comment.findFirst({
    where: {
      id: commentId,
      annotation: { document: { workspace: { members: { some: { userId } } } } },
    },
    select: { id: true, annotationId: true, isPinned: true, isHidden: true },
  });
  if (!comment) {
    throw notFound("This reply");
  }
  const { annotation, policy, role } = await findVisibleAnnotation({
    userId,
    annotationId: comment.annotationId,
  });
  if (!can(role, "teachClass")) {
    throw forbidden("Only instructors can pin or hide replies.");
  }

  return getDb().$transaction(async (tx) => {
    const row = await tx.comment.update({
      where: { id: commentId },
      data: {
        ...(input.isPinned === undefined ? {} : { isPinned: input.isPinned }),
        ...(input.isHidden === undefined ? {} : { isHidden: input.isHidden }),
      },
      select: commentRecordSelect,
    });
    const record = toCommentRecord(row);

    await recordAuditEvent({
      tx,
      workspaceId: annotation.workspaceId,
      actorId: userId,
      action: "comment.moderate",
      entityType: "annotation",
      entityId: annotation.id,
      before: { commentId, isPinned: comment.isPinned, isHidden: comment.isHidden },
      after: { commentId, isPinned: record.isPinned, isHidden: record.isHidden },
    });
    await publishLiveEvent({
      tx,
      workspaceId: annotation.workspaceId,
      documentId: annotation.documentId,
      kind: "comment.updated",
      payload: {
        annotationId: annotation.id,
        annotationAuthorId: annotation.authorId,
        comment: record,
      },
    });

    return viewCommentFor(policy, record);
  });
}
