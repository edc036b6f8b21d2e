import "server-only";

import { can, type Permission } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors/app-error";

type RequireMembershipOptions = {
  userId: string;
  workspaceId: string;
  permission: Permission;
};

// Outsiders get "not found", never "forbidden": the workspace's existence stays private.
export async function requireMembership({
  userId,
  workspaceId,
  permission,
}: RequireMembershipOptions) {
  const membership = await getDb().membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, workspace: { select: { id: true, name: true, kind: true } } },
  });

  if (!membership) {
    throw notFound("This workspace");
  }

  if (!can(membership.role, permission)) {
    throw forbidden();
  }

  return membership;
}
