import "server-only";

import { getDb } from "@/lib/db/client";
import type { AssignmentMode } from "@/lib/db/generated/enums";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { findAssignment } from "./find-assignment";

type SetAssignmentModeOptions = {
  userId: string;
  assignmentId: string;
  mode: AssignmentMode;
  // For REVEALED: show classmates' names, or "Student N".
  revealNames?: boolean;
};

// Reveal opens every highlight to the class (and releases the answer key); hiding again
// returns to blind. Readers' live streams are told at once.
export async function setAssignmentMode({
  userId,
  assignmentId,
  mode,
  revealNames = false,
}: SetAssignmentModeOptions) {
  const assignment = await findAssignment({ userId, assignmentId, permission: "teachClass" });

  return getDb().$transaction(async (tx) => {
    const updated = await tx.assignment.update({
      where: { id: assignmentId },
      data: {
        mode,
        revealNames: mode === "REVEALED" ? revealNames : assignment.revealNames,
        revealedAt: mode === "REVEALED" ? new Date() : null,
      },
      select: { mode: true, revealNames: true, revealedAt: true },
    });

    await recordAuditEvent({
      tx,
      workspaceId: assignment.workspaceId,
      actorId: userId,
      action: mode === "REVEALED" ? "assignment.reveal" : "assignment.mode",
      entityType: "workspace",
      entityId: assignment.workspaceId,
      before: { assignmentId, mode: assignment.mode, revealNames: assignment.revealNames },
      after: { assignmentId, mode: updated.mode, revealNames: updated.revealNames },
    });
    await publishLiveEvent({
      tx,
      workspaceId: assignment.workspaceId,
      documentId: null,
      kind: "class.changed",
      payload: { reason: "mode", assignmentId },
    });

    return updated;
  });
}
