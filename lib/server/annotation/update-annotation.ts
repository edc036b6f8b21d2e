import "server-only";

import { getDb } from "@/lib/db/client";
import type { UpdateAnnotationData } from "@/lib/validations/annotation";

import { recordAuditEvent } from "../audit/record-audit-event";

import { annotationViewSelect, toAnnotationView } from "./annotation-view";
import { checkLabels } from "./check-labels";
import { findOwnAnnotation } from "./find-own-annotation";

type UpdateAnnotationOptions = {
  userId: string;
  annotationId: string;
  input: UpdateAnnotationData;
};

export async function updateAnnotation({ userId, annotationId, input }: UpdateAnnotationOptions) {
  return getDb().$transaction(async (tx) => {
    const { row, workspaceId } = await findOwnAnnotation({ tx, userId, annotationId });
    const before = toAnnotationView(row);

    const labelIds =
      input.labelIds === undefined
        ? undefined
        : await checkLabels({ tx, workspaceId, labelIds: input.labelIds });

    const updated = await tx.annotation.update({
      where: { id: annotationId },
      data: {
        ...(input.comment === undefined ? {} : { comment: input.comment.trim() }),
        ...(input.confidence === undefined ? {} : { confidence: input.confidence }),
        ...(labelIds === undefined
          ? {}
          : { labels: { deleteMany: {}, create: labelIds.map((labelId) => ({ labelId })) } }),
      },
      select: annotationViewSelect,
    });

    const after = toAnnotationView(updated);

    await recordAuditEvent({
      tx,
      workspaceId,
      actorId: userId,
      action: "annotation.update",
      entityType: "annotation",
      entityId: annotationId,
      before,
      after,
    });

    return after;
  });
}
