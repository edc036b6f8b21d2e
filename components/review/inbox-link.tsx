import Link from "next/link";

import { countUnreadNotifications } from "@/lib/server/review/count-unread-notifications";

// The header's way to the inbox, with the number of unread notifications.
export async function InboxLink({ userId }: { userId: string }) {
  const unread = await countUnreadNotifications({ userId });

  return (
    <Link
      href="/inbox"
      className="text-sky-800 underline"
      aria-label={unread === 0 ? "Inbox, nothing unread" : `Inbox, ${unread} unread`}
      data-testid="inbox-link"
    >
      Inbox
      {unread > 0 ? (
        <span
          className="ml-1 rounded-full bg-sky-800 px-1.5 text-xs text-white no-underline"
          aria-hidden="true"
        >
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
