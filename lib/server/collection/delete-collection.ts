import "server-only";

import { getDb } from "@/lib/db/client";

import { recordAuditEvent } from "../audit/record-audit-event";

import { findCollectionForMember } from "./find-collection-for-member";

// Removes the grouping only; the documents and their highlights stay.
export async function deleteCollection({
  userId,
  collectionId,
}: {
  userId: string;
  collectionId: string;
}) {
  return getDb().$transaction(async (tx) => {
    const collection = await findCollectionForMember({
      tx,
      userId,
      collectionId,
      permission: "editDocument",
    });
    await tx.collection.delete({ where: { id: collection.id } });
    await recordAuditEvent({
      tx,
      workspaceId: collection.workspaceId,
      actorId: userId,
      action: "collection.delete",
      entityType: "workspace",
      entityId: collection.workspaceId,
      before: { collectionId: collection.id, name: collection.name },
    });
    return { id: collection.id, workspaceId: collection.workspaceId };
  });
}
