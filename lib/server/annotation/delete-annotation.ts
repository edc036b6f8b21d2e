import "server-only";

import { getDb } from "@/lib/db/client";

import { recordAuditEvent } from "../audit/record-audit-event";

import { toAnnotationView } from "./annotation-view";
import { findOwnAnnotation } from "./find-own-annotation";

type DeleteAnnotationOptions = { userId: string; annotationId: string };

// Soft delete: the row stays for history and restore; every read filters deletedAt.
export async function deleteAnnotation({ userId, annotationId }: DeleteAnnotationOptions) {
  await getDb().$transaction(async (tx) => {
    const { row, workspaceId } = await findOwnAnnotation({ tx, userId, annotationId });

    await tx.annotation.update({ where: { id: annotationId }, data: { deletedAt: new Date() } });

    await recordAuditEvent({
      tx,
      workspaceId,
      actorId: userId,
      action: "annotation.delete",
      entityType: "annotation",
      entityId: annotationId,
      before: toAnnotationView(row),
    });
  });
}
