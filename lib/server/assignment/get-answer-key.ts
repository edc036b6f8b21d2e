import "server-only";

import { isInstructorRole } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";

import { findAssignment } from "./find-assignment";
import { loadLabelNames } from "./load-label-names";

type GetAnswerKeyOptions = { userId: string; assignmentId: string };

export type KeyCandidate = {
  id: string;
  start: number;
  end: number;
  exact: string;
  labelIds: string[];
  authorId: string;
  authorName: string;
  isInstructor: boolean;
  isInKey: boolean;
  isOwn: boolean;
};

// The answer-key workbench (instructors): per document, the key, the instructors' own
// highlights that could join it, and students' highlights that can be copied into it.
export async function getAnswerKey({ userId, assignmentId }: GetAnswerKeyOptions) {
  const assignment = await findAssignment({ userId, assignmentId, permission: "teachClass" });
  const db = getDb();
  const documentIds = assignment.documents.map((document) => document.id);

  const [annotations, key, members] = await Promise.all([
    db.annotation.findMany({
      where: { documentId: { in: documentIds }, deletedAt: null, anchorStatus: "ANCHORED" },
      orderBy: [{ start: "asc" }, { end: "desc" }],
      select: {
        id: true,
        documentId: true,
        start: true,
        end: true,
        exact: true,
        authorId: true,
        author: { select: { name: true } },
        labels: { select: { labelId: true } },
      },
    }),
    db.answerKeyAnnotation.findMany({ where: { assignmentId }, select: { annotationId: true } }),
    db.membership.findMany({
      where: { workspaceId: assignment.workspaceId },
      select: { userId: true, role: true, displayName: true },
    }),
  ]);

  const inKey = new Set(key.map((entry) => entry.annotationId));
  const memberById = new Map(members.map((member) => [member.userId, member]));
  const labels = await loadLabelNames(
    annotations.flatMap((item) => item.labels.map((l) => l.labelId)),
  );

  const documents = assignment.documents.map((document) => {
    const candidates: KeyCandidate[] = annotations
      .filter((annotation) => annotation.documentId === document.id)
      .map((annotation) => {
        const member = memberById.get(annotation.authorId);
        return {
          id: annotation.id,
          start: annotation.start,
          end: annotation.end,
          exact: annotation.exact,
          labelIds: annotation.labels.map((label) => label.labelId),
          authorId: annotation.authorId,
          authorName: member?.displayName?.trim() || annotation.author.name,
          isInstructor: isInstructorRole(member?.role),
          isInKey: inKey.has(annotation.id),
          isOwn: annotation.authorId === userId,
        };
      });
    return {
      ...document,
      key: candidates.filter((candidate) => candidate.isInKey),
      instructorHighlights: candidates.filter((c) => c.isInstructor && !c.isInKey),
      studentHighlights: candidates.filter((c) => !c.isInstructor),
    };
  });

  return { assignment, documents, labels };
}
