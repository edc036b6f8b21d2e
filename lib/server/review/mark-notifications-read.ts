import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

type MarkNotificationsReadOptions = {
  userId: string;
  // One notification, or every unread one when absent.
  notificationId?: string;
};

// Marks the person's own notifications read (the owner check is in the query); returns
// where a single one points so opening it can go there.
export async function markNotificationsRead({
  userId,
  notificationId,
}: MarkNotificationsReadOptions) {
  const db = getDb();

  if (notificationId === undefined) {
    const { count } = await db.notification.updateMany({
      where: { userId, readAt: null },
      data: { readAt: new Date() },
    });
    return { count, link: null };
  }

  const notification = await db.notification.findFirst({
    where: { id: notificationId, userId },
    select: { id: true, link: true, readAt: true },
  });
  if (!notification) {
    throw notFound("This notification");
  }
  if (!notification.readAt) {
    await db.notification.update({ where: { id: notification.id }, data: { readAt: new Date() } });
  }
  // Only paths inside the app are followed.
  const link =
    notification.link.startsWith("/") && !notification.link.startsWith("//")
      ? notification.link
      : null;
  return { count: notification.readAt ? 0 : 1, link };
}
