"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import {
  markAllNotificationsReadAction,
  openNotificationAction,
} from "@/lib/actions/notifications";

type OpenNotificationButtonProps = { notificationId: string; message: string; isUnread: boolean };

// Opening marks the notification read and goes to what it is about.
export function OpenNotificationButton({
  notificationId,
  message,
  isUnread,
}: OpenNotificationButtonProps) {
  const [state, formAction, isPending] = useActionState(openNotificationAction, null);

  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="notificationId" value={notificationId} />
      <div>
        <Button
          type="submit"
          variant={isUnread ? "primary" : "secondary"}
          disabled={isPending}
          aria-label={`Open: ${message.slice(0, 80)}`}
        >
          Open
        </Button>
      </div>
      <FormMessage message={state && !state.ok ? state.message : null} />
    </form>
  );
}

export function MarkAllReadButton() {
  const [state, formAction, isPending] = useActionState(markAllNotificationsReadAction, null);

  return (
    <form action={formAction} className="flex items-center gap-2">
      <Button type="submit" variant="secondary" disabled={isPending}>
        Mark all as read
      </Button>
      <FormMessage tone="info" message={state?.ok ? `${state.data.count} marked as read.` : null} />
    </form>
  );
}
