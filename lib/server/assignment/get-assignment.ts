import "server-only";

import { can } from "@/lib/auth/roles";
import { isKeyReleased, isSubmitted } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";

import { findAssignment } from "./find-assignment";

type GetAssignmentOptions = { userId: string; assignmentId: string; now?: Date };

export type RosterRow = {
  userId: string;
  name: string;
  email: string;
  highlights: number;
  documentsDone: number;
  submittedAt: Date | null;
  reopenedAt: Date | null;
  isLate: boolean;
};

// One assignment: its documents with the viewer's own progress, their hand-in, whether
// the key is out; instructors also get the roster (every student's progress and hand-in).
export async function getAssignment({
  userId,
  assignmentId,
  now = new Date(),
}: GetAssignmentOptions) {
  const assignment = await findAssignment({ userId, assignmentId, permission: "readWorkspace" });
  const isInstructor = can(assignment.role, "teachClass");
  const db = getDb();
  const documentIds = assignment.documents.map((document) => document.id);

  const [counts, submissions, keyCount, codebook] = await Promise.all([
    db.annotation.groupBy({
      by: ["documentId", "authorId"],
      where: {
        documentId: { in: documentIds },
        deletedAt: null,
        ...(isInstructor ? {} : { authorId: userId }),
      },
      _count: { _all: true },
    }),
    db.assignmentSubmission.findMany({
      where: { assignmentId, ...(isInstructor ? {} : { userId }) },
      select: { userId: true, submittedAt: true, reopenedAt: true },
    }),
    db.answerKeyAnnotation.count({ where: { assignmentId, annotation: { deletedAt: null } } }),
    assignment.codebookId
      ? db.codebook.findUnique({
          where: { id: assignment.codebookId },
          select: { name: true, version: true },
        })
      : null,
  ]);

  const countOf = (authorId: string, documentId: string) =>
    counts.find((row) => row.authorId === authorId && row.documentId === documentId)?._count._all ??
    0;
  const mine = submissions.find((submission) => submission.userId === userId) ?? null;

  const documents = assignment.documents.map((document) => ({
    ...document,
    ownHighlights: countOf(userId, document.id),
  }));

  let roster: RosterRow[] | null = null;
  if (isInstructor) {
    const students = await db.membership.findMany({
      where: { workspaceId: assignment.workspaceId, role: "ANNOTATOR" },
      orderBy: { createdAt: "asc" },
      select: { userId: true, displayName: true, user: { select: { name: true, email: true } } },
    });
    roster = students.map((student) => {
      const perDocument = documentIds.map((documentId) => countOf(student.userId, documentId));
      const submission = submissions.find((item) => item.userId === student.userId);
      const submitted = submission && isSubmitted(submission) ? submission : null;
      return {
        userId: student.userId,
        name: student.displayName?.trim() || student.user.name,
        email: student.user.email,
        highlights: perDocument.reduce((sum, count) => sum + count, 0),
        documentsDone: perDocument.filter((count) => count > 0).length,
        submittedAt: submitted?.submittedAt ?? null,
        reopenedAt: submission && !submitted ? submission.reopenedAt : null,
        isLate: Boolean(submitted && assignment.dueAt && submitted.submittedAt > assignment.dueAt),
      };
    });
  }

  return {
    ...assignment,
    isInstructor,
    isStudent: assignment.role === "ANNOTATOR",
    codebook,
    documents,
    progress: {
      documentsDone: documents.filter((document) => document.ownHighlights > 0).length,
      highlights: documents.reduce((sum, document) => sum + document.ownHighlights, 0),
    },
    submission:
      mine && isSubmitted(mine)
        ? { submittedAt: mine.submittedAt, reopenedAt: null }
        : mine
          ? { submittedAt: null, reopenedAt: mine.reopenedAt }
          : null,
    isKeyReleased: isKeyReleased({ ...assignment, submissions: [] }, now),
    keyCount,
    roster,
  };
}

export type AssignmentDetail = Awaited<ReturnType<typeof getAssignment>>;
