import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { recordAuditEvent } from "../audit/record-audit-event";

import { findCollectionForMember } from "./find-collection-for-member";

// Takes a document out of the collection; the document itself stays in the workspace.
export async function removeCollectionDocument({
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
    const { count } = await tx.collectionDocument.deleteMany({
      where: { collectionId, documentId },
    });
    if (count === 0) {
      throw notFound("This document in the collection");
    }
    await recordAuditEvent({
      tx,
      workspaceId: collection.workspaceId,
      actorId: userId,
      action: "collection.remove-document",
      entityType: "document",
      entityId: documentId,
      before: { collectionId, collectionName: collection.name },
    });
    return { collectionId, documentId };
  });
}
