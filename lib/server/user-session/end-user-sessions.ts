import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { recordAuditEvent } from "../audit/record-audit-event";

type EndUserSessionOptions = { userId: string; sessionId: string };

// Ends one of the caller's own sessions; that browser is signed out on its next request.
// Someone else's session id answers "not found", like one that does not exist.
export async function endUserSession({ userId, sessionId }: EndUserSessionOptions) {
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });

    if (count === 0) {
      throw notFound("This session");
    }

    await recordAuditEvent({
      tx,
      workspaceId: null,
      actorId: userId,
      action: "user.session.end",
      entityType: "user",
      entityId: userId,
      after: { sessionId },
    });
  });
}

type EndOtherSessionsOptions = { userId: string; currentSessionId: string };

// Signs the caller out everywhere but here. Returns how many sessions were ended.
export async function endOtherSessions({
  userId,
  currentSessionId,
}: EndOtherSessionsOptions): Promise<number> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { userId, revokedAt: null, id: { not: currentSessionId } },
      data: { revokedAt: new Date() },
    });

    await recordAuditEvent({
      tx,
      workspaceId: null,
      actorId: userId,
      action: "user.session.end-others",
      entityType: "user",
      entityId: userId,
      after: { ended: count, kept: currentSessionId },
    });

    return count;
  });
}

// Sign-out: idempotent, and quiet about sessions that are already gone.
export async function revokeUserSession(sessionId: string): Promise<void> {
  await getDb().userSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}
