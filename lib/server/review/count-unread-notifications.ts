import "server-only";

import { getDb } from "@/lib/db/client";

// The unread count shown beside "Inbox" in the header.
export async function countUnreadNotifications({ userId }: { userId: string }) {
  return getDb().notification.count({
    where: { userId, readAt: null, workspace: { members: { some: { userId } } } },
  });
}
