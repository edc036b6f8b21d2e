import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";

import { recordAuditEvent } from "../audit/record-audit-event";

import { findCollectionForMember } from "./find-collection-for-member";

// A collection can hold only documents of its own workspace; one from elsewhere is "not found".
export async function addCollectionDocument({
  userId,
  collectionId,
  documentId,
}: {
  userId: string;
  collectionId: string;
  documentId: string;
}) {
  return getDb().$transaction(async (tx) => {
    const collection = await findCollectionForMember({
      tx,
      userId,
      collectionId,
      permission: "editDocument",
    });
    const document = await tx.document.findFirst({
      where: { id: documentId, workspaceId: collection.workspaceId },
      select: { id: true, title: true },
    });
    if (!document) {
      throw notFound("This document");
    }

    const existing = await tx.collectionDocument.findUnique({
      where: { collectionId_documentId: { collectionId, documentId } },
      select: { documentId: true },
    });
    if (existing) {
      throw new AppError("CONFLICT", `“${document.title}” is already in this collection.`, {
        documentId: ["This document is already in the collection."],
      });
    }

    const last = await tx.collectionDocument.aggregate({
      where: { collectionId },
      _max: { position: true },
    });
    await tx.collectionDocument.create({
      data: { collectionId, documentId, position: (last._max.position ?? -1) + 1 },
    });
    // The audit log has no "collection" entity type yet: the event hangs on the document.
    await recordAuditEvent({
      tx,
      workspaceId: collection.workspaceId,
      actorId: userId,
      action: "collection.add-document",
      entityType: "document",
      entityId: documentId,
      after: { collectionId, collectionName: collection.name },
    });
    return { collectionId, documentId, title: document.title };
  });
}
