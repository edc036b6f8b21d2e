import "server-only";

import { can, type Permission } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { forbidden, notFound } from "@/lib/errors/app-error";

type Tx = Prisma.TransactionClient;

// The collection with the caller's role, in one query: outsiders get "not found", members
// without `permission` get "forbidden".
export async function findCollectionForMember({
  tx,
  userId,
  collectionId,
  permission,
}: {
  tx: Tx;
  userId: string;
  collectionId: string;
  permission: Permission;
}) {
  const collection = await tx.collection.findFirst({
    where: { id: collectionId, workspace: { members: { some: { userId } } } },
    select: {
      id: true,
      name: true,
      workspaceId: true,
      workspace: { select: { members: { where: { userId }, select: { role: true } } } },
    },
  });
  const role = collection?.workspace.members[0]?.role;

  if (!collection || !role) {
    throw notFound("This collection");
  }
  if (!can(role, permission)) {
    throw forbidden("Only editors and owners can change collections.");
  }

  return { id: collection.id, name: collection.name, workspaceId: collection.workspaceId, role };
}
