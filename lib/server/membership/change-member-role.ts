import "server-only";

import { roleNames } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import type { ChangeMemberRoleInput } from "@/lib/validations/membership";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";
import { requireMembership } from "../workspace/require-membership";

import { countOwners, lockWorkspaceMembers } from "./lock-workspace-members";

type ChangeMemberRoleOptions = { userId: string; input: ChangeMemberRoleInput };

// Instructors (editors and owners) change roles; only owners make or unmake owners, and the
// last owner keeps the role, so a workspace always has someone who can manage it.
export async function changeMemberRole({ userId, input }: ChangeMemberRoleOptions) {
  const actor = await requireMembership({
    userId,
    workspaceId: input.workspaceId,
    permission: "teachClass",
  });

  return getDb().$transaction(async (tx) => {
    await lockWorkspaceMembers(tx, input.workspaceId);
    const target = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      select: { role: true, user: { select: { name: true } } },
    });

    if (!target) {
      throw notFound("This member");
    }
    if ((target.role === "OWNER" || input.role === "OWNER") && actor.role !== "OWNER") {
      throw forbidden("Only an owner can make someone an owner or change an owner's role.");
    }
    if (target.role === input.role) {
      return { role: target.role, changed: false };
    }
    if (target.role === "OWNER" && (await countOwners(tx, input.workspaceId)) <= 1) {
      throw new AppError(
        "CONFLICT",
        `${target.user.name} is the last owner of this workspace. Make someone else an owner first.`,
      );
    }

    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      data: { role: input.role },
    });

    await recordAuditEvent({
      tx,
      workspaceId: input.workspaceId,
      actorId: userId,
      action: "workspace.member.role",
      entityType: "workspace",
      entityId: input.workspaceId,
      before: { userId: input.userId, role: target.role },
      after: { userId: input.userId, role: input.role },
    });
    await publishLiveEvent({
      tx,
      workspaceId: input.workspaceId,
      documentId: null,
      kind: "class.changed",
      payload: { reason: "member-role" },
    });

    return { role: input.role, changed: true, roleName: roleNames[input.role] };
  });
}
