import "server-only";

import { getDb } from "@/lib/db/client";

import { assertHighlightsEditable } from "../assignment/assert-highlights-editable";
import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { toAnnotationView } from "./annotation-view";
import { findOwnAnnotation } from "./find-own-annotation";

type DeleteAnnotationOptions = { userId: string; annotationId: string };

// Soft delete: the row stays for history and restore; every read filters deletedAt.
export async function deleteAnnotation({ userId, annotationId }: DeleteAnnotationOptions) {
  await getDb().$transaction(async (tx) => {
    const { row, workspaceId } = await findOwnAnnotation({ tx, userId, annotationId });
    // Classes (issue 5): no changes after handing in an assignment, until it is reopened.
    await assertHighlightsEditable({ tx, userId, documentId: row.documentId });

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

    // Classes (issue 5): readers of the document see it go live (filtered per reader).
    await publishLiveEvent({
      tx,
      workspaceId,
      documentId: row.documentId,
      kind: "annotation.deleted",
      payload: { annotationId, authorId: row.author.id },
    });
  });
}
