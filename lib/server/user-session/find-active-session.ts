import "server-only";

import { getDb } from "@/lib/db/client";

import { sessionPolicy } from "./session-policy";

export type ActiveSession = {
  sessionId: string;
  user: { id: string; name: string; email: string };
};

type FindActiveSessionOptions = { sessionId: string; userId: string };

// Runs on every authenticated request, so it is one primary-key lookup (joined with the
// user, which also proves the account still exists); "last seen" is written at most once
// a minute, and only by the request that finds it stale.
export async function findActiveSession({
  sessionId,
  userId,
}: FindActiveSessionOptions): Promise<ActiveSession | null> {
  const db = getDb();
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      revokedAt: true,
      lastSeenAt: true,
      user: { select: { id: true, name: true, email: true } },
    },
  });

  if (!row || row.revokedAt !== null || row.userId !== userId) {
    return null;
  }

  const staleBefore = new Date(Date.now() - sessionPolicy.touchIntervalMs);
  if (row.lastSeenAt < staleBefore) {
    await db.userSession.updateMany({
      where: { id: sessionId, lastSeenAt: { lt: staleBefore } },
      data: { lastSeenAt: new Date() },
    });
  }

  return { sessionId, user: row.user };
}

// For the session endpoint the browser polls: true, false, or null when the database
// cannot say (then the caller must not sign anyone out).
export async function isSessionActive(sessionId: string): Promise<boolean | null> {
  try {
    const row = await getDb().userSession.findUnique({
      where: { id: sessionId },
      select: { revokedAt: true },
    });
    return row !== null && row.revokedAt === null;
  } catch {
    return null;
  }
}
