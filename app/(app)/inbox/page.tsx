import type { Metadata } from "next";

import { requireSessionUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/server/review/list-notifications";

import { MarkAllReadButton, OpenNotificationButton } from "./_components/notification-actions";

export const metadata: Metadata = { title: "Inbox" };

const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

// In-app notifications (there is no email): review steps that concern this person.
export default async function InboxPage() {
  const user = await requireSessionUser();
  const notifications = await listNotifications({ userId: user.id });
  const unread = notifications.filter((notification) => !notification.readAt).length;

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">
          Inbox <span className="text-base font-normal text-stone-600">({unread} unread)</span>
        </h1>
        {unread > 0 ? <MarkAllReadButton /> : null}
      </div>
      {notifications.length === 0 ? (
        <p className="text-stone-700">
          Nothing yet. Review steps that concern you will show up here.
        </p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="inbox">
          {notifications.map((notification) => {
            const isUnread = !notification.readAt;
            return (
              <li
                key={notification.id}
                className={`flex flex-wrap items-start justify-between gap-3 rounded-md border p-3 text-sm ${isUnread ? "border-sky-800 bg-sky-50" : "border-stone-300 bg-white"}`}
                data-testid="notification"
                data-unread={isUnread ? "true" : undefined}
              >
                <div className="flex min-w-0 flex-col gap-0.5">
                  <p className={isUnread ? "font-semibold" : undefined}>
                    {isUnread ? (
                      <span className="mr-1 rounded bg-sky-800 px-1 text-xs text-white">New</span>
                    ) : null}
                    {notification.message}
                  </p>
                  <p className="text-xs text-stone-600">
                    {notification.workspace.name} ·{" "}
                    <time dateTime={notification.createdAt.toISOString()}>
                      {dateTime.format(notification.createdAt)} UTC
                    </time>
                  </p>
                </div>
                {notification.link ? (
                  <OpenNotificationButton
                    notificationId={notification.id}
                    message={notification.message}
                    isUnread={isUnread}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
