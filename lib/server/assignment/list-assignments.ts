import "server-only";

import { can } from "@/lib/auth/roles";
import { isSubmitted } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

type ListAssignmentsOptions = { userId: string; workspaceId: string };

export type AssignmentSummary = {
  id: string;
  title: string;
  mode: "OPEN" | "BLIND" | "REVEALED";
  dueAt: Date | null;
  documentCount: number;
  // Students: their own progress. Instructors: hand-ins out of students.
  documentsDone: number;
  highlights: number;
  submittedAt: Date | null;
  submittedCount: number;
  studentCount: number;
};

// A workspace's assignments, newest first: for a student with their own progress
// (documents with at least one of their highlights, highlights made, handed in or not),
// for instructors with how many students handed in.
export async function listAssignments({ userId, workspaceId }: ListAssignmentsOptions) {
  const membership = await requireMembership({ userId, workspaceId, permission: "readWorkspace" });
  const isInstructor = can(membership.role, "teachClass");
  const db = getDb();

  const [assignments, studentCount] = await Promise.all([
    db.assignment.findMany({
      where: { workspaceId },
      orderBy: [{ createdAt: "desc" }],
      select: {
        id: true,
        title: true,
        mode: true,
        dueAt: true,
        documents: { select: { documentId: true } },
        submissions: { select: { userId: true, submittedAt: true, reopenedAt: true } },
      },
    }),
    db.membership.count({ where: { workspaceId, role: "ANNOTATOR" } }),
  ]);

  const documentIds = [
    ...new Set(assignments.flatMap((item) => item.documents.map((d) => d.documentId))),
  ];
  const own = await db.annotation.groupBy({
    by: ["documentId"],
    where: { documentId: { in: documentIds }, authorId: userId, deletedAt: null },
    _count: { _all: true },
  });
  const ownByDocument = new Map(own.map((row) => [row.documentId, row._count._all]));

  const summaries: AssignmentSummary[] = assignments.map((assignment) => {
    const counts = assignment.documents.map((link) => ownByDocument.get(link.documentId) ?? 0);
    const mine = assignment.submissions.find((submission) => submission.userId === userId);
    return {
      id: assignment.id,
      title: assignment.title,
      mode: assignment.mode,
      dueAt: assignment.dueAt,
      documentCount: assignment.documents.length,
      documentsDone: counts.filter((count) => count > 0).length,
      highlights: counts.reduce((sum, count) => sum + count, 0),
      submittedAt: mine && isSubmitted(mine) ? mine.submittedAt : null,
      submittedCount: assignment.submissions.filter((submission) => isSubmitted(submission)).length,
      studentCount,
    };
  });

  return {
    workspace: membership.workspace,
    role: membership.role,
    isInstructor,
    assignments: summaries,
  };
}
