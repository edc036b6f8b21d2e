import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors/app-error";
import type { SetDisplayNameInput } from "@/lib/validations/membership";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";
import { requireMembership } from "../workspace/require-membership";

type SetDisplayNameOptions = { userId: string; input: SetDisplayNameInput };

// The name classmates see in this workspace (empty: the account name). Anyone sets their
// own; instructors set anyone's, for example first names only.
export async function setDisplayName({ userId, input }: SetDisplayNameOptions) {
  const actor = await requireMembership({
    userId,
    workspaceId: input.workspaceId,
    permission: "readWorkspace",
  });

  if (input.userId !== userId && !can(actor.role, "teachClass")) {
    throw forbidden("Only instructors can change other members' display names.");
  }

  return getDb().$transaction(async (tx) => {
    const target = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      select: { displayName: true },
    });
    if (!target) {
      throw notFound("This member");
    }

    const displayName = input.displayName || null;
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } },
      data: { displayName },
    });

    await recordAuditEvent({
      tx,
      workspaceId: input.workspaceId,
      actorId: userId,
      action: "workspace.member.display-name",
      entityType: "workspace",
      entityId: input.workspaceId,
      before: { userId: input.userId, displayName: target.displayName },
      after: { userId: input.userId, displayName },
    });
    await publishLiveEvent({
      tx,
      workspaceId: input.workspaceId,
      documentId: null,
      kind: "class.changed",
      payload: { reason: "display-name" },
    });

    return { displayName };
  });
}
