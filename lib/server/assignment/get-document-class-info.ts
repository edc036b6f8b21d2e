import "server-only";

import { findEditLock, isSubmitted } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";

type GetDocumentClassInfoOptions = { userId: string; documentId: string };

// What the reader shows about the class around a document: its assignments, whether the
// reader's highlights are frozen by a hand-in, and the codebook the assignment asks for.
// The caller has checked that the person may read the document.
export async function getDocumentClassInfo({ userId, documentId }: GetDocumentClassInfoOptions) {
  const links = await getDb().assignmentDocument.findMany({
    where: { documentId },
    orderBy: { assignment: { createdAt: "asc" } },
    select: {
      assignment: {
        select: {
          id: true,
          title: true,
          mode: true,
          revealNames: true,
          revealedAt: true,
          dueAt: true,
          codebookId: true,
          submissions: {
            where: { userId },
            select: { userId: true, submittedAt: true, reopenedAt: true },
          },
        },
      },
    },
  });
  const assignments = links.map((link) => link.assignment);
  const lock = findEditLock(assignments, userId);

  return {
    assignments: assignments.map((assignment) => ({
      id: assignment.id,
      title: assignment.title,
      mode: assignment.mode,
      dueAt: assignment.dueAt,
      isSubmitted: isSubmitted(assignment.submissions[0]),
    })),
    lock: lock ? { title: lock.assignment.title, submittedAt: lock.submittedAt } : null,
    codebookId: assignments.find((assignment) => assignment.codebookId)?.codebookId ?? null,
  };
}
