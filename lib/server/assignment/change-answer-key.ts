import "server-only";

import { isInstructorRole } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";

import { annotationViewSelect, toAnnotationView } from "../annotation/annotation-view";
import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { findAssignment } from "./find-assignment";

type KeyOptions = { userId: string; assignmentId: string; annotationId: string };
type KeyDocumentOptions = { userId: string; assignmentId: string; documentId: string };

async function findKeyCandidate({ userId, assignmentId, annotationId }: KeyOptions) {
  const assignment = await findAssignment({ userId, assignmentId, permission: "teachClass" });
  const annotation = await getDb().annotation.findFirst({
    where: {
      id: annotationId,
      deletedAt: null,
      document: { assignments: { some: { assignmentId } } },
    },
    select: {
      id: true,
      documentId: true,
      documentVersion: true,
      anchorStatus: true,
      start: true,
      end: true,
      exact: true,
      prefix: true,
      suffix: true,
      authorId: true,
      labels: { select: { labelId: true } },
      document: { select: { version: true } },
    },
  });
  if (!annotation) {
    throw notFound("This highlight");
  }
  const author = await getDb().membership.findUnique({
    where: {
      workspaceId_userId: { workspaceId: assignment.workspaceId, userId: annotation.authorId },
    },
    select: { role: true },
  });
  return { assignment, annotation, isByInstructor: isInstructorRole(author?.role) };
}

// Puts an instructor's highlight into the key. Students' highlights are copied instead
// (copyToAnswerKey), so a student editing theirs later cannot change the key.
export async function addToAnswerKey(options: KeyOptions) {
  const { assignment, annotation, isByInstructor } = await findKeyCandidate(options);
  if (!isByInstructor) {
    throw new AppError(
      "INVALID_INPUT",
      "This highlight is a student's: copy it to the key instead, so later edits do not change the key.",
    );
  }

  await getDb().$transaction(async (tx) => {
    await tx.answerKeyAnnotation.upsert({
      where: {
        assignmentId_annotationId: {
          assignmentId: options.assignmentId,
          annotationId: annotation.id,
        },
      },
      create: { assignmentId: options.assignmentId, annotationId: annotation.id },
      update: {},
    });
    await recordAuditEvent({
      tx,
      workspaceId: assignment.workspaceId,
      actorId: options.userId,
      action: "assignment.key.add",
      entityType: "annotation",
      entityId: annotation.id,
      after: { assignmentId: options.assignmentId },
    });
  });
}

export async function removeFromAnswerKey(options: KeyOptions) {
  const assignment = await findAssignment({
    userId: options.userId,
    assignmentId: options.assignmentId,
    permission: "teachClass",
  });

  await getDb().$transaction(async (tx) => {
    const { count } = await tx.answerKeyAnnotation.deleteMany({
      where: { assignmentId: options.assignmentId, annotationId: options.annotationId },
    });
    if (count === 0) {
      throw notFound("This key highlight");
    }
    await recordAuditEvent({
      tx,
      workspaceId: assignment.workspaceId,
      actorId: options.userId,
      action: "assignment.key.remove",
      entityType: "annotation",
      entityId: options.annotationId,
      before: { assignmentId: options.assignmentId },
    });
  });
}

// "Copy to key": the instructor gets their own copy of a student's highlight (same
// passage, quote and labels) and it joins the key.
export async function copyToAnswerKey(options: KeyOptions) {
  const { assignment, annotation } = await findKeyCandidate(options);
  if (
    annotation.anchorStatus !== "ANCHORED" ||
    annotation.documentVersion !== annotation.document.version
  ) {
    throw new AppError(
      "CONFLICT",
      "This highlight is not placed on the current text; it has to be re-attached before it can be copied.",
    );
  }

  return getDb().$transaction(async (tx) => {
    const copy = await tx.annotation.create({
      data: {
        documentId: annotation.documentId,
        authorId: options.userId,
        documentVersion: annotation.documentVersion,
        start: annotation.start,
        end: annotation.end,
        exact: annotation.exact,
        prefix: annotation.prefix,
        suffix: annotation.suffix,
        labels: { create: annotation.labels.map((label) => ({ labelId: label.labelId })) },
        answerKeys: { create: { assignmentId: options.assignmentId } },
      },
      select: annotationViewSelect,
    });
    const view = toAnnotationView(copy);

    await recordAuditEvent({
      tx,
      workspaceId: assignment.workspaceId,
      actorId: options.userId,
      action: "annotation.create",
      entityType: "annotation",
      entityId: copy.id,
      after: { ...view, copiedFrom: annotation.id, answerKeyOf: options.assignmentId },
    });
    // Instructors reading the document see the copy appear; students do not (key material).
    await publishLiveEvent({
      tx,
      workspaceId: assignment.workspaceId,
      documentId: annotation.documentId,
      kind: "annotation.created",
      payload: { annotation: view },
    });
    return { id: copy.id };
  });
}

// Every highlight the instructor made on one document of the assignment joins the key.
export async function addOwnHighlightsToKey({
  userId,
  assignmentId,
  documentId,
}: KeyDocumentOptions) {
  const assignment = await findAssignment({ userId, assignmentId, permission: "teachClass" });
  if (!assignment.documents.some((document) => document.id === documentId)) {
    throw notFound("This document");
  }

  return getDb().$transaction(async (tx) => {
    const own = await tx.annotation.findMany({
      where: {
        documentId,
        authorId: userId,
        deletedAt: null,
        answerKeys: { none: { assignmentId } },
      },
      select: { id: true },
    });
    if (own.length === 0) {
      throw new AppError(
        "INVALID_INPUT",
        "You have no highlights on this document that are not in the key yet. Highlight it in the reader first.",
      );
    }
    await tx.answerKeyAnnotation.createMany({
      data: own.map((annotation) => ({ assignmentId, annotationId: annotation.id })),
      skipDuplicates: true,
    });
    await recordAuditEvent({
      tx,
      workspaceId: assignment.workspaceId,
      actorId: userId,
      action: "assignment.key.add-own",
      entityType: "document",
      entityId: documentId,
      after: { assignmentId, annotationIds: own.map((annotation) => annotation.id) },
    });
    return { added: own.length };
  });
}
