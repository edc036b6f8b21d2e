import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ReviewDecisionData } from "@/lib/validations/review";

import { recordAuditEvent } from "../audit/record-audit-event";

import { loadAnnotationForReview } from "./load-annotation-for-review";

type DecideAnnotationReviewOptions = { userId: string; input: ReviewDecisionData };

// A lead accepts a proposed highlight into the gold set, or rejects it, with a reason.
// Only this decision changes on the highlight (its revision too, so an edit the author
// made on the old revision is a conflict, and vice versa).
export async function decideAnnotationReview({ userId, input }: DecideAnnotationReviewOptions) {
  return getDb().$transaction(async (tx) => {
    const { view, review, document } = await loadAnnotationForReview({
      tx,
      userId,
      annotationId: input.annotationId,
      revision: input.revision,
    });

    const isAccepted = input.decision === "accept";
    const after = {
      reviewState: isAccepted ? ("ACCEPTED" as const) : ("REJECTED" as const),
      isGold: isAccepted,
      reviewedById: userId,
      reviewReason: input.reason || null,
    };
    const { count } = await tx.annotation.updateMany({
      where: { id: input.annotationId, revision: input.revision, deletedAt: null },
      data: { ...after, reviewedAt: new Date(), revision: { increment: 1 } },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        "This highlight changed while you were deciding. Nothing was decided: reload and decide again.",
      );
    }

    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: `annotation.review.${input.decision}`,
      entityType: "annotation",
      entityId: input.annotationId,
      before: review,
      after,
    });

    return { id: view.id, revision: input.revision + 1, ...after };
  });
}
