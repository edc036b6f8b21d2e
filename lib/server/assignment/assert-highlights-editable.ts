import "server-only";

import { isSubmitted } from "@/lib/classes/visibility";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

type AssertHighlightsEditableOptions = {
  tx: Prisma.TransactionClient;
  userId: string;
  documentId: string;
};

export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// After handing in an assignment a student's highlights on its documents are frozen until
// the instructor reopens it. A document in several assignments is frozen by any hand-in.
export async function assertHighlightsEditable({
  tx,
  userId,
  documentId,
}: AssertHighlightsEditableOptions) {
  const submissions = await tx.assignmentSubmission.findMany({
    where: { userId, assignment: { documents: { some: { documentId } } } },
    select: {
      userId: true,
      submittedAt: true,
      reopenedAt: true,
      assignment: { select: { title: true } },
    },
  });
  const locked = submissions.find((submission) => isSubmitted(submission));

  if (locked) {
    throw new AppError(
      "FORBIDDEN",
      `You handed in “${locked.assignment.title}” on ${formatUtc(locked.submittedAt)}, so your highlights on it can no longer change. Ask your instructor to reopen it.`,
    );
  }
}
