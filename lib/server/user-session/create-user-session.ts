import "server-only";

import { getDb } from "@/lib/db/client";

import { recordAuditEvent } from "../audit/record-audit-event";

import { sessionPolicy } from "./session-policy";

type CreateUserSessionOptions = {
  userId: string;
  userAgent: string | null;
  ipAddress: string | null;
};

// Called on every successful sign-in; the session token carries the returned id.
export async function createUserSession({
  userId,
  userAgent,
  ipAddress,
}: CreateUserSessionOptions): Promise<string> {
  return getDb().$transaction(async (tx) => {
    const session = await tx.userSession.create({
      data: {
        userId,
        userAgent: (userAgent ?? "").slice(0, sessionPolicy.userAgentMax),
        ipAddress: ipAddress ?? "",
      },
      select: { id: true },
    });

    await recordAuditEvent({
      tx,
      workspaceId: null,
      actorId: userId,
      action: "user.session.start",
      entityType: "user",
      entityId: userId,
      after: { sessionId: session.id, ipAddress: ipAddress ?? "" },
    });

    return session.id;
  });
}
