import "server-only";

import { can } from "@/lib/auth/roles";
import { isKeyReleased } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { compareWithKey, sumComparisons, type KeyComparison } from "@/lib/scoring/compare-with-key";

import { findAssignment } from "./find-assignment";
import { loadLabelNames } from "./load-label-names";

type GetAssignmentResultsOptions = {
  userId: string;
  assignmentId: string;
  // Instructors look at one student's results; students always see their own.
  studentId?: string;
  now?: Date;
};

export type ResultHighlight = {
  id: string;
  start: number;
  end: number;
  exact: string;
  labelIds: string[];
};

export type DocumentResult = {
  id: string;
  title: string;
  comparison: KeyComparison;
  student: Map<string, ResultHighlight>;
  key: Map<string, ResultHighlight>;
};

// How a student's highlights compare with the answer key. Students see it once the key is
// released (due date passed, or revealed); until then they are told when it will be.
export async function getAssignmentResults({
  userId,
  assignmentId,
  studentId,
  now = new Date(),
}: GetAssignmentResultsOptions) {
  const assignment = await findAssignment({ userId, assignmentId, permission: "readWorkspace" });
  const isInstructor = can(assignment.role, "teachClass");

  if (!isInstructor && studentId && studentId !== userId) {
    throw forbidden("You can see your own results, not a classmate's.");
  }
  if (isInstructor && !studentId) {
    throw new AppError("INVALID_INPUT", "Choose a student to see their results.");
  }
  const targetId = isInstructor ? studentId! : userId;

  const student = await getDb().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: assignment.workspaceId, userId: targetId } },
    select: { displayName: true, user: { select: { name: true } } },
  });
  if (!student) {
    throw notFound("This student");
  }
  const studentName = student.displayName?.trim() || student.user.name;

  const released = isKeyReleased({ ...assignment, submissions: [] }, now);
  if (!isInstructor && !released) {
    return { assignment, isInstructor, studentName, released: false as const };
  }

  const documentIds = assignment.documents.map((document) => document.id);
  const [own, key] = await Promise.all([
    getDb().annotation.findMany({
      where: {
        documentId: { in: documentIds },
        authorId: targetId,
        deletedAt: null,
        answerKeys: { none: { assignmentId } },
      },
      orderBy: { start: "asc" },
      select: {
        id: true,
        documentId: true,
        start: true,
        end: true,
        exact: true,
        labels: { select: { labelId: true } },
      },
    }),
    getDb().annotation.findMany({
      where: { deletedAt: null, answerKeys: { some: { assignmentId } } },
      orderBy: { start: "asc" },
      select: {
        id: true,
        documentId: true,
        start: true,
        end: true,
        exact: true,
        labels: { select: { labelId: true } },
      },
    }),
  ]);

  const toHighlight = (row: (typeof own)[number]): ResultHighlight => ({
    id: row.id,
    start: row.start,
    end: row.end,
    exact: row.exact,
    labelIds: row.labels.map((label) => label.labelId),
  });

  const documents: DocumentResult[] = assignment.documents.map((document) => {
    const studentHighlights = own.filter((row) => row.documentId === document.id).map(toHighlight);
    const keyHighlights = key.filter((row) => row.documentId === document.id).map(toHighlight);
    return {
      id: document.id,
      title: document.title,
      comparison: compareWithKey(studentHighlights, keyHighlights),
      student: new Map(studentHighlights.map((item) => [item.id, item])),
      key: new Map(keyHighlights.map((item) => [item.id, item])),
    };
  });

  const labels = await loadLabelNames(
    [...own, ...key].flatMap((row) => row.labels.map((l) => l.labelId)),
  );

  return {
    assignment,
    isInstructor,
    studentName,
    released: true as const,
    documents,
    totals: sumComparisons(documents.map((document) => document.comparison)),
    keyCount: key.length,
    labels,
  };
}
