import "server-only";

import { can, hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";
import { isTerminalStatus, submissionStatusNames } from "@/lib/review/submission-transitions";
import type { AssignReviewerData } from "@/lib/validations/submission";

import { recordAuditEvent } from "../audit/record-audit-event";

import { loadSubmissionForUpdate } from "./load-submission-for-update";
import { notifyMembers } from "./notify-members";
import { quoteTitle, submissionPath } from "./submission-paths";

type AssignReviewerOptions = { userId: string; input: AssignReviewerData };

// Editors assign (or reassign) a reviewer: a member who can annotate, not the contributor.
// A submission waiting for review (submitted or resubmitted) goes into review with it.
export async function assignReviewer({ userId, input }: AssignReviewerOptions) {
  return getDb().$transaction(async (tx) => {
    const { document, role } = await loadSubmissionForUpdate({
      tx,
      userId,
      documentId: input.documentId,
    });

    if (!can(role, "manageReview")) {
      throw forbidden("Only editors can assign reviewers.");
    }

    const from = document.submissionStatus;
    if (from === null || from === "DRAFT" || isTerminalStatus(from)) {
      throw new AppError(
        "CONFLICT",
        `This submission is ${submissionStatusNames[from ?? "DRAFT"]}: reviewers are assigned once it is submitted and until it is approved or rejected.`,
      );
    }

    const reviewer = await tx.membership.findUnique({
      where: {
        workspaceId_userId: { workspaceId: document.workspaceId, userId: input.reviewerId },
      },
      select: { role: true, user: { select: { name: true } } },
    });
    if (!reviewer || !hasRole(reviewer.role, "ANNOTATOR")) {
      const message = "Choose a member of this workspace who can annotate (annotator or above).";
      throw new AppError("INVALID_INPUT", message, { reviewerId: [message] });
    }
    if (input.reviewerId === document.createdById) {
      const message = "The contributor cannot review their own submission. Choose someone else.";
      throw new AppError("INVALID_INPUT", message, { reviewerId: [message] });
    }

    const to = from === "SUBMITTED" || from === "RESUBMITTED" ? "IN_REVIEW" : from;
    const { count } = await tx.document.updateMany({
      where: { id: document.id, submissionStatus: from, reviewerId: document.reviewerId },
      data: { reviewerId: input.reviewerId, submissionStatus: to },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        "Someone else changed this submission while you were assigning it. Reload to see where it stands.",
      );
    }

    const message = `Reviewer: ${reviewer.user.name}.`;
    await tx.submissionEvent.create({
      data: { documentId: document.id, actorId: userId, fromStatus: from, toStatus: to, message },
    });
    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: "submission.assign",
      entityType: "document",
      entityId: document.id,
      before: { submissionStatus: from, reviewerId: document.reviewerId },
      after: { submissionStatus: to, reviewerId: input.reviewerId },
    });

    const link = submissionPath(document.workspaceId, document.id);
    await notifyMembers({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      userIds: [input.reviewerId],
      kind: "submission.assigned",
      message: `You were asked to review ${quoteTitle(document.title)}.`,
      link,
    });
    if (to !== from) {
      await notifyMembers({
        tx,
        workspaceId: document.workspaceId,
        actorId: userId,
        userIds: [document.createdById],
        kind: "submission.in_review",
        message: `Your submission ${quoteTitle(document.title)} is in review (reviewer: ${reviewer.user.name}).`,
        link,
      });
    }

    return { id: document.id, workspaceId: document.workspaceId, status: to };
  });
}
