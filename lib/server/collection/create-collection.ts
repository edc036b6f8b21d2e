import "server-only";

import { getDb } from "@/lib/db/client";
import type { CreateCollectionData } from "@/lib/validations/collection";

import { recordAuditEvent } from "../audit/record-audit-event";
import { requireMembership } from "../workspace/require-membership";

// Editors and owners group documents as coverage of one event.
export async function createCollection({
  userId,
  workspaceId,
  input,
}: {
  userId: string;
  workspaceId: string;
  input: CreateCollectionData;
}) {
  await requireMembership({ userId, workspaceId, permission: "editDocument" });

  return getDb().$transaction(async (tx) => {
    const collection = await tx.collection.create({
      data: { workspaceId, name: input.name, description: input.description },
      select: { id: true, name: true, description: true, workspaceId: true },
    });
    // The audit log has no "collection" entity type yet: the event hangs on the workspace.
    await recordAuditEvent({
      tx,
      workspaceId,
      actorId: userId,
      action: "collection.create",
      entityType: "workspace",
      entityId: workspaceId,
      after: { collectionId: collection.id, name: collection.name },
    });
    return collection;
  });
}
