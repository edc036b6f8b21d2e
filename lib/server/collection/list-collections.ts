import "server-only";

import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

// Every member may see the workspace's collections.
export async function listCollections({
  userId,
  workspaceId,
}: {
  userId: string;
  workspaceId: string;
}) {
  const membership = await requireMembership({ userId, workspaceId, permission: "readWorkspace" });
  const collections = await getDb().collection.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      description: true,
      createdAt: true,
      _count: { select: { documents: true } },
    },
  });

  return {
    role: membership.role,
    workspace: membership.workspace,
    collections: collections.map(({ _count, createdAt, ...collection }) => ({
      ...collection,
      createdAt: createdAt.toISOString(),
      documentCount: _count.documents,
    })),
  };
}
