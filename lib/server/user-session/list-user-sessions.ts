import "server-only";

import { getDb } from "@/lib/db/client";

import { sessionPolicy } from "./session-policy";

export type UserSessionView = {
  id: string;
  userAgent: string;
  ipAddress: string;
  createdAt: Date;
  lastSeenAt: Date;
  isCurrent: boolean;
};

type ListUserSessionsOptions = { userId: string; currentSessionId: string };

// The caller's own signed-in browsers: not ended, and seen within the session lifetime
// (older ones can no longer be used: their token has expired).
export async function listUserSessions({
  userId,
  currentSessionId,
}: ListUserSessionsOptions): Promise<UserSessionView[]> {
  const rows = await getDb().userSession.findMany({
    where: {
      userId,
      revokedAt: null,
      lastSeenAt: { gt: new Date(Date.now() - sessionPolicy.maxAgeSeconds * 1000) },
    },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    select: { id: true, userAgent: true, ipAddress: true, createdAt: true, lastSeenAt: true },
  });

  return rows
    .map((row) => ({ ...row, isCurrent: row.id === currentSessionId }))
    .sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}
