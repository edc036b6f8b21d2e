import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { recordAuditEvent } from "../audit/record-audit-event";

import { annotationViewSelect, toAnnotationView, type AnnotationView } from "./annotation-view";
import { findOwnAnnotation } from "./find-own-annotation";

type RestoreAnnotationOptions = { userId: string; annotationId: string };

// Undo of a delete. A highlight that is not deleted (already restored) is a conflict,
// not a silent success, so two tabs cannot both believe they restored it.
export async function restoreAnnotation({
  userId,
  annotationId,
}: RestoreAnnotationOptions): Promise<AnnotationView> {
  return getDb().$transaction(async (tx) => {
    const live = await tx.annotation.findFirst({
      where: { id: annotationId, deletedAt: null, authorId: userId },
      select: { id: true },
    });
    if (live) {
      throw new AppError("CONFLICT", "This highlight is not deleted; there is nothing to restore.");
    }

    const { workspaceId } = await findOwnAnnotation({ tx, userId, annotationId, deleted: true });
    const restored = await tx.annotation.update({
      where: { id: annotationId },
      data: { deletedAt: null },
      select: annotationViewSelect,
    });
    const view = toAnnotationView(restored);

    await recordAuditEvent({
      tx,
      workspaceId,
      actorId: userId,
      action: "annotation.restore",
      entityType: "annotation",
      entityId: annotationId,
      after: view,
    });
    return view;
  });
}
