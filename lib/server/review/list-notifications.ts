import "server-only";

import { getDb } from "@/lib/db/client";

type ListNotificationsOptions = { userId: string; onlyUnread?: boolean };

// The person's inbox, newest first; only their own notifications, in workspaces they
// still belong to.
export async function listNotifications({ userId, onlyUnread = false }: ListNotificationsOptions) {
  return getDb().notification.findMany({
    where: {
      userId,
      ...(onlyUnread ? { readAt: null } : {}),
      workspace: { members: { some: { userId } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      kind: true,
      message: true,
      link: true,
      readAt: true,
      createdAt: true,
      workspace: { select: { id: true, name: true } },
    },
  });
}
