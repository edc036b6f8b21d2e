import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { submissionStatusNames, type SubmissionAction } from "@/lib/review/submission-transitions";

import { listEditorIds } from "./list-editor-ids";
import { notifyMembers } from "./notify-members";
import { quoteTitle, submissionPath } from "./submission-paths";

function excerpt(message: string): string {
  return message.length > 140 ? `${message.slice(0, 139)}…` : message;
}

type NotifySubmissionStepOptions = {
  tx: Prisma.TransactionClient;
  action: SubmissionAction;
  actorId: string;
  document: {
    id: string;
    workspaceId: string;
    title: string;
    createdById: string;
    reviewerId: string | null;
  };
  message: string;
};

// Who hears of each step: editors of new work, the contributor of decisions about
// their work, the reviewer of a resubmission.
export async function notifySubmissionStep({
  tx,
  action,
  actorId,
  document,
  message,
}: NotifySubmissionStepOptions) {
  const title = quoteTitle(document.title);
  const said = message ? `: “${excerpt(message)}”` : ".";
  const base = {
    tx,
    workspaceId: document.workspaceId,
    actorId,
    link: submissionPath(document.workspaceId, document.id),
  };

  switch (action) {
    case "submit":
      await notifyMembers({
        ...base,
        userIds: await listEditorIds(tx, document.workspaceId),
        kind: "submission.submitted",
        message: `${title} was submitted for review${said}`,
      });
      return;
    case "startReview":
      await notifyMembers({
        ...base,
        userIds: [document.createdById],
        kind: "submission.in_review",
        message: `Your submission ${title} is ${submissionStatusNames.IN_REVIEW}.`,
      });
      return;
    case "requestChanges":
      await notifyMembers({
        ...base,
        userIds: [document.createdById],
        kind: "submission.changes_requested",
        message: `Changes requested on ${title}${said}`,
      });
      return;
    case "resubmit":
      await notifyMembers({
        ...base,
        userIds: document.reviewerId
          ? [document.reviewerId]
          : await listEditorIds(tx, document.workspaceId),
        kind: "submission.resubmitted",
        message: `${title} was resubmitted${said}`,
      });
      return;
    case "approve":
      await notifyMembers({
        ...base,
        userIds: [document.createdById, document.reviewerId],
        kind: "submission.approved",
        message: `${title} was approved${said}`,
      });
      return;
    case "reject":
      await notifyMembers({
        ...base,
        userIds: [document.createdById, document.reviewerId],
        kind: "submission.rejected",
        message: `${title} was rejected${said}`,
      });
      return;
  }
}
