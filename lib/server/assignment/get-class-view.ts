import "server-only";

import { buildHeatSegments, findClassPassages } from "@/lib/classes/class-passages";
import { isInstructorRole } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { findAssignment } from "./find-assignment";
import { loadLabelNames } from "./load-label-names";

type GetClassViewOptions = { userId: string; assignmentId: string; documentId: string };

// Where the class marked one article and how much it agreed (instructors only): a heat
// map of the text and the passages, hottest disagreement first (lib/classes/class-passages.ts).
export async function getClassView({ userId, assignmentId, documentId }: GetClassViewOptions) {
  const assignment = await findAssignment({ userId, assignmentId, permission: "teachClass" });
  if (!assignment.documents.some((document) => document.id === documentId)) {
    throw notFound("This document");
  }

  const db = getDb();
  const [document, annotations, members] = await Promise.all([
    db.document.findUniqueOrThrow({
      where: { id: documentId },
      select: { id: true, title: true, text: true },
    }),
    db.annotation.findMany({
      where: { documentId, deletedAt: null, anchorStatus: "ANCHORED" },
      select: { authorId: true, start: true, end: true, labels: { select: { labelId: true } } },
    }),
    db.membership.findMany({
      where: { workspaceId: assignment.workspaceId },
      select: { userId: true, role: true, displayName: true, user: { select: { name: true } } },
    }),
  ]);

  const memberById = new Map(members.map((member) => [member.userId, member]));
  // The class is the students; instructors' highlights (the key material) are left out.
  const highlights = annotations
    .filter((annotation) => !isInstructorRole(memberById.get(annotation.authorId)?.role))
    .map((annotation) => ({
      authorId: annotation.authorId,
      start: annotation.start,
      end: annotation.end,
      labelIds: annotation.labels.map((label) => label.labelId),
    }));
  const classSize = new Set(highlights.map((highlight) => highlight.authorId)).size;
  const codePoints = Array.from(document.text);
  const passages = findClassPassages(highlights, classSize).map((passage) => ({
    ...passage,
    quote: codePoints.slice(passage.start, passage.end).join(""),
    studentNames: passage.studentIds.map((id) => {
      const member = memberById.get(id);
      return member?.displayName?.trim() || member?.user.name || "Former member";
    }),
  }));
  const segments = buildHeatSegments(codePoints.length, highlights).map((segment) => ({
    ...segment,
    text: codePoints.slice(segment.start, segment.end).join(""),
  }));
  const labels = await loadLabelNames(highlights.flatMap((highlight) => highlight.labelIds));

  return { assignment, document, classSize, passages, segments, labels };
}
