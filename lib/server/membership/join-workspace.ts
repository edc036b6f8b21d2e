import "server-only";

import { getDb } from "@/lib/db/client";
import type { JoinWorkspaceInput } from "@/lib/validations/membership";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { findJoinCode } from "./find-join-code";

type JoinWorkspaceOptions = { userId: string; input: JoinWorkspaceInput; now?: Date };

export type JoinWorkspaceResult = {
  workspaceId: string;
  workspaceName: string;
  alreadyMember: boolean;
};

// A signed-in person joins the class behind a join code as an annotator (student).
// Joining twice changes nothing and says so; a bad code is refused by findJoinCode.
export async function joinWorkspace({
  userId,
  input,
  now = new Date(),
}: JoinWorkspaceOptions): Promise<JoinWorkspaceResult> {
  const target = await findJoinCode(input.code, now);
  const result = { workspaceId: target.workspaceId, workspaceName: target.workspaceName };

  const existing = await getDb().membership.findUnique({
    where: { workspaceId_userId: { workspaceId: target.workspaceId, userId } },
    select: { id: true },
  });
  if (existing) {
    return { ...result, alreadyMember: true };
  }

  try {
    await getDb().$transaction(async (tx) => {
      const membership = await tx.membership.create({
        data: {
          workspaceId: target.workspaceId,
          userId,
          role: "ANNOTATOR",
          displayName: input.displayName || null,
        },
        select: { id: true, role: true, displayName: true },
      });

      await recordAuditEvent({
        tx,
        workspaceId: target.workspaceId,
        actorId: userId,
        action: "workspace.join",
        entityType: "workspace",
        entityId: target.workspaceId,
        after: {
          userId,
          role: membership.role,
          displayName: membership.displayName,
          via: "join-code",
        },
      });

      await publishLiveEvent({
        tx,
        workspaceId: target.workspaceId,
        documentId: null,
        kind: "class.changed",
        payload: { reason: "member-joined" },
      });
    });
  } catch (error) {
    // Two tabs joining at once: the second finds the first's membership.
    if ((error as { code?: unknown }).code === "P2002") {
      return { ...result, alreadyMember: true };
    }
    throw error;
  }

  return { ...result, alreadyMember: false };
}
