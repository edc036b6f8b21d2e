import "server-only";

import { getDb } from "@/lib/db/client";
import type { SubmissionStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { checkTransition } from "@/lib/review/submission-transitions";
import type { TransitionSubmissionData } from "@/lib/validations/submission";

import { recordAuditEvent } from "../audit/record-audit-event";

import { loadSubmissionForUpdate } from "./load-submission-for-update";
import { notifySubmissionStep } from "./notify-submission-step";
import { transitionError } from "./transition-error";

type TransitionSubmissionOptions = { userId: string; input: TransitionSubmissionData };

export type TransitionResult = { id: string; workspaceId: string; status: SubmissionStatus };

// One step of the review flow (submit, start review, request changes, resubmit without a
// new text, approve, reject), checked against the transition table. The status the step
// was checked against is part of the UPDATE, so two people acting at once cannot both
// move it; the step, its event, the audit entry and the notifications are one transaction.
export async function transitionSubmission({
  userId,
  input,
}: TransitionSubmissionOptions): Promise<TransitionResult> {
  return getDb().$transaction(async (tx) => {
    const { document, actor } = await loadSubmissionForUpdate({
      tx,
      userId,
      documentId: input.documentId,
    });
    const from = document.submissionStatus;

    const check = checkTransition({
      action: input.action,
      from,
      actor,
      allowSelfApproval: document.workspace.allowSelfApproval,
      message: input.message,
    });
    if (!check.ok) {
      throw transitionError(check);
    }

    // An editor who starts reviewing an unassigned submission becomes its reviewer.
    const reviewerId =
      input.action === "startReview" && !document.reviewerId ? userId : document.reviewerId;

    const { count } = await tx.document.updateMany({
      where: { id: document.id, submissionStatus: from, reviewerId: document.reviewerId },
      data: { submissionStatus: check.to, reviewerId },
    });
    if (count === 0) {
      throw new AppError(
        "CONFLICT",
        "Someone else moved this submission on while you were looking at it. Reload to see where it stands.",
      );
    }

    await tx.submissionEvent.create({
      data: {
        documentId: document.id,
        actorId: userId,
        fromStatus: from,
        toStatus: check.to,
        message: input.message,
      },
    });

    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: `submission.${input.action}`,
      entityType: "document",
      entityId: document.id,
      before: { submissionStatus: from, reviewerId: document.reviewerId },
      after: { submissionStatus: check.to, reviewerId, message: input.message },
    });

    await notifySubmissionStep({
      tx,
      action: input.action,
      actorId: userId,
      document: { ...document, reviewerId },
      message: input.message,
    });

    return { id: document.id, workspaceId: document.workspaceId, status: check.to };
  });
}
