import "server-only";

import { isSubmitted } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { findAssignment } from "./find-assignment";

type ReopenAssignmentOptions = { userId: string; assignmentId: string; studentId: string };

// An instructor reopens one student's hand-in so they can change their highlights again.
export async function reopenAssignment({
  userId,
  assignmentId,
  studentId,
}: ReopenAssignmentOptions) {
  const assignment = await findAssignment({ userId, assignmentId, permission: "teachClass" });

  return getDb().$transaction(async (tx) => {
    const submission = await tx.assignmentSubmission.findUnique({
      where: { assignmentId_userId: { assignmentId, userId: studentId } },
      select: { userId: true, submittedAt: true, reopenedAt: true },
    });
    if (!submission || !isSubmitted(submission)) {
      throw new AppError(
        "CONFLICT",
        "This student has not handed in, so there is nothing to reopen.",
      );
    }

    const now = new Date();
    await tx.assignmentSubmission.update({
      where: { assignmentId_userId: { assignmentId, userId: studentId } },
      data: { reopenedAt: now },
    });

    await recordAuditEvent({
      tx,
      workspaceId: assignment.workspaceId,
      actorId: userId,
      action: "assignment.reopen",
      entityType: "workspace",
      entityId: assignment.workspaceId,
      after: { assignmentId, studentId, reopenedAt: now.toISOString() },
    });
    await publishLiveEvent({
      tx,
      workspaceId: assignment.workspaceId,
      documentId: null,
      kind: "class.changed",
      payload: { reason: "reopened", assignmentId },
    });
  });
}
