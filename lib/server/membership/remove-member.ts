import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import type { RemoveMemberInput } from "@/lib/validations/membership";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";
import { requireMembership } from "../workspace/require-membership";

import { countOwners, lockWorkspaceMembers } from "./lock-workspace-members";

type RemoveMemberOptions = { userId: string; input: RemoveMemberInput };

// Removing yourself is leaving, which anyone may do except the last owner. Removing someone
// else takes an instructor, and removing an owner takes an owner. Highlights and hand-ins
// stay (they belong to the class's record); open live streams of the removed person close.
export async function removeMember({ userId, input }: RemoveMemberOptions) {
  const isLeaving = input.userId === userId;
  const actor = await requireMembership({
    userId,
    workspaceId: input.workspaceId,
    permission: "readWorkspace",
  });

  if (!isLeaving && !can(actor.role, "teachClass")) {
    throw forbidden("Only instructors can remove members.");
  }

  await getDb().$transaction(async (tx) => {
    await lockWorkspaceMembers(tx, input.workspaceId);
    const target = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      select: { role: true, displayName: true, user: { select: { name: true } } },
    });

    if (!target) {
      throw notFound("This member");
    }
    if (!isLeaving && target.role === "OWNER" && actor.role !== "OWNER") {
      throw forbidden("Only an owner can remove an owner.");
    }
    if (target.role === "OWNER" && (await countOwners(tx, input.workspaceId)) <= 1) {
      throw new AppError(
        "CONFLICT",
        isLeaving
          ? "You are the last owner of this workspace, so you cannot leave it. Make someone else an owner first."
          : `${target.user.name} is the last owner of this workspace.`,
      );
    }

    await tx.membership.delete({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
    });

    await recordAuditEvent({
      tx,
      workspaceId: input.workspaceId,
      actorId: userId,
      action: isLeaving ? "workspace.leave" : "workspace.member.remove",
      entityType: "workspace",
      entityId: input.workspaceId,
      before: { userId: input.userId, role: target.role, displayName: target.displayName },
    });
    await publishLiveEvent({
      tx,
      workspaceId: input.workspaceId,
      documentId: null,
      kind: "class.changed",
      payload: { reason: "member-removed" },
    });
  });

  return { left: isLeaving };
}
