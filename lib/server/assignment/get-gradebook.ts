import "server-only";

import { buildGradebook, type GradebookStudent } from "@/lib/classes/gradebook";
import { isSubmitted } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";

import { findAssignment } from "./find-assignment";

type GetGradebookOptions = { userId: string; assignmentId: string };

// Every student (annotator role) against the answer key, per document: instructors only.
export async function getGradebook({ userId, assignmentId }: GetGradebookOptions) {
  const assignment = await findAssignment({ userId, assignmentId, permission: "teachClass" });
  const db = getDb();
  const documentIds = assignment.documents.map((document) => document.id);

  const [members, submissions, annotations, key] = await Promise.all([
    db.membership.findMany({
      where: { workspaceId: assignment.workspaceId, role: "ANNOTATOR" },
      orderBy: { createdAt: "asc" },
      select: { userId: true, displayName: true, user: { select: { name: true, email: true } } },
    }),
    db.assignmentSubmission.findMany({
      where: { assignmentId },
      select: { userId: true, submittedAt: true, reopenedAt: true },
    }),
    db.annotation.findMany({
      where: { documentId: { in: documentIds }, deletedAt: null },
      select: {
        id: true,
        documentId: true,
        authorId: true,
        start: true,
        end: true,
        labels: { select: { labelId: true } },
      },
    }),
    db.answerKeyAnnotation.findMany({
      where: { assignmentId, annotation: { deletedAt: null } },
      select: { annotationId: true },
    }),
  ]);

  const students: GradebookStudent[] = members.map((member) => {
    const submission = submissions.find((item) => item.userId === member.userId);
    const submittedAt = submission && isSubmitted(submission) ? submission.submittedAt : null;
    return {
      userId: member.userId,
      name: member.displayName?.trim() || member.user.name,
      email: member.user.email,
      submittedAt,
      isLate: Boolean(submittedAt && assignment.dueAt && submittedAt > assignment.dueAt),
    };
  });

  const rows = buildGradebook({
    documents: assignment.documents,
    students,
    highlights: annotations.map((annotation) => ({
      id: annotation.id,
      documentId: annotation.documentId,
      authorId: annotation.authorId,
      start: annotation.start,
      end: annotation.end,
      labelIds: annotation.labels.map((label) => label.labelId),
    })),
    keyIds: new Set(key.map((entry) => entry.annotationId)),
  });

  return { assignment, rows, keyCount: key.length };
}
