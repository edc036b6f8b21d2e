import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { EditGoldAnnotationData } from "@/lib/validations/review";

import { recordAuditEvent } from "../audit/record-audit-event";

import { createGoldAnnotation } from "./create-gold-annotation";
import { loadAnnotationForReview } from "./load-annotation-for-review";

type EditGoldAnnotationOptions = { userId: string; input: EditGoldAnnotationData };

// A lead edits a proposal's span or labels for the gold set. The annotator's highlight is
// never changed (agreement statistics read it): it is marked "edited" with the reason,
// and the edited version becomes a gold highlight of the lead's. One transaction.
export async function editGoldAnnotation({ userId, input }: EditGoldAnnotationOptions) {
  return getDb().$transaction(async (tx) => {
    const { view, review, document } = await loadAnnotationForReview({
      tx,
      userId,
      annotationId: input.annotationId,
      revision: input.revision,
    });

    const gold = await createGoldAnnotation({
      tx,
      userId,
      workspaceId: document.workspaceId,
      document,
      span: { start: input.start, end: input.end, exact: input.exact },
      labelIds: input.labelIds,
      comment: view.comment,
      reviewState: "EDITED",
      reason: input.reason || `Edited from ${view.author.name}'s highlight.`,
    });

    const after = {
      reviewState: "EDITED" as const,
      isGold: false,
      reviewedById: userId,
      reviewReason: input.reason || null,
      goldAnnotationId: gold.id,
    };
    const { count } = await tx.annotation.updateMany({
      where: { id: input.annotationId, revision: input.revision, deletedAt: null },
      data: {
        reviewState: after.reviewState,
        isGold: false,
        reviewedById: userId,
        reviewReason: after.reviewReason,
        reviewedAt: new Date(),
        revision: { increment: 1 },
      },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        "This highlight changed while you were editing it. Nothing was saved: reload and edit again.",
      );
    }

    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: "annotation.review.edit",
      entityType: "annotation",
      entityId: input.annotationId,
      before: review,
      after,
    });
    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: "annotation.create",
      entityType: "annotation",
      entityId: gold.id,
      after: {
        ...gold,
        labelIds: input.labelIds,
        reviewState: "EDITED",
        isGold: true,
        editedFrom: input.annotationId,
      },
    });

    return { original: { id: view.id, revision: input.revision + 1 }, gold };
  });
}
