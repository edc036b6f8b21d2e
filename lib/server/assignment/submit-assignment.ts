import "server-only";

import { isSubmitted } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden } from "@/lib/errors/app-error";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { formatUtc } from "./assert-highlights-editable";
import { findAssignment } from "./find-assignment";

type SubmitAssignmentOptions = { userId: string; assignmentId: string; now?: Date };

// A student hands in: their highlights on the assignment's documents freeze, and in blind
// mode they now see their classmates'. A reopened hand-in can be handed in again.
export async function submitAssignment({
  userId,
  assignmentId,
  now = new Date(),
}: SubmitAssignmentOptions) {
  const assignment = await findAssignment({
    userId,
    assignmentId,
    permission: "annotate",
    forbiddenMessage: "Viewers cannot hand in assignments.",
  });
  if (assignment.role !== "ANNOTATOR") {
    throw forbidden("Instructors do not hand in assignments; students do.");
  }

  return getDb().$transaction(async (tx) => {
    const existing = await tx.assignmentSubmission.findUnique({
      where: { assignmentId_userId: { assignmentId, userId } },
      select: { userId: true, submittedAt: true, reopenedAt: true },
    });
    if (existing && isSubmitted(existing)) {
      throw new AppError(
        "CONFLICT",
        `You already handed in “${assignment.title}” on ${formatUtc(existing.submittedAt)}.`,
      );
    }

    const submission = await tx.assignmentSubmission.upsert({
      where: { assignmentId_userId: { assignmentId, userId } },
      create: { assignmentId, userId, submittedAt: now },
      update: { submittedAt: now },
      select: { submittedAt: true, reopenedAt: true },
    });

    await recordAuditEvent({
      tx,
      workspaceId: assignment.workspaceId,
      actorId: userId,
      action: existing ? "assignment.resubmit" : "assignment.submit",
      entityType: "workspace",
      entityId: assignment.workspaceId,
      after: {
        assignmentId,
        submittedAt: now.toISOString(),
        late: assignment.dueAt !== null && now > assignment.dueAt,
      },
    });
    await publishLiveEvent({
      tx,
      workspaceId: assignment.workspaceId,
      documentId: null,
      kind: "class.changed",
      payload: { reason: "submitted", assignmentId },
    });

    return submission;
  });
}
