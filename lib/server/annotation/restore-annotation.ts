import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";

import { assertHighlightsEditable } from "../assignment/assert-highlights-editable";
import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { annotationViewSelect, toAnnotationView, type AnnotationView } from "./annotation-view";

type RestoreAnnotationOptions = { userId: string; annotationId: string };

// Undo of a delete, by the highlight's author or a lead (editor or owner). A highlight
// that is not deleted (already restored) is a conflict, not a silent success, so two
// tabs cannot both believe they restored it; the check is in the UPDATE itself.
export async function restoreAnnotation({
  userId,
  annotationId,
}: RestoreAnnotationOptions): Promise<AnnotationView> {
  return getDb().$transaction(async (tx) => {
    const annotation = await tx.annotation.findFirst({
      where: { id: annotationId, document: { workspace: { members: { some: { userId } } } } },
      select: {
        authorId: true,
        deletedAt: true,
        document: {
          select: {
            workspaceId: true,
            workspace: { select: { members: { where: { userId }, select: { role: true } } } },
          },
        },
      },
    });
    const role = annotation?.document.workspace.members[0]?.role;

    if (!annotation || !role) {
      throw notFound("This highlight");
    }

    const isAuthor = annotation.authorId === userId && can(role, "annotate");
    if (!isAuthor && !can(role, "manageReview")) {
      throw forbidden("Only the author of a highlight, or an editor, can restore it.");
    }

    const { count } = await tx.annotation.updateMany({
      where: { id: annotationId, deletedAt: { not: null } },
      data: { deletedAt: null, revision: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        "This highlight is not deleted (someone may have restored it already); there is nothing to restore.",
      );
    }

    const restored = await tx.annotation.findUniqueOrThrow({
      where: { id: annotationId },
      select: annotationViewSelect,
    });
    const view = toAnnotationView(restored);
    // Classes (issue 5): no changes after handing in an assignment, until it is reopened.
    await assertHighlightsEditable({ tx, userId, documentId: view.documentId });

    await recordAuditEvent({
      tx,
      workspaceId: annotation.document.workspaceId,
      actorId: userId,
      action: "annotation.restore",
      entityType: "annotation",
      entityId: annotationId,
      before: { deletedAt: annotation.deletedAt?.toISOString() ?? null },
      after: view,
    });

    // Classes (issue 5): readers of the document get it back live (filtered per reader).
    await publishLiveEvent({
      tx,
      workspaceId: annotation.document.workspaceId,
      documentId: view.documentId,
      kind: "annotation.created",
      payload: { annotation: view },
    });
    return view;
  });
}
