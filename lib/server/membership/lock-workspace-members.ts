import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

// Membership changes in one workspace run one at a time (row lock on the workspace until
// commit), so two owners demoting each other at once cannot leave it without an owner.
export async function lockWorkspaceMembers(tx: Prisma.TransactionClient, workspaceId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
}

export async function countOwners(tx: Prisma.TransactionClient, workspaceId: string) {
  return tx.membership.count({ where: { workspaceId, role: "OWNER" } });
}
