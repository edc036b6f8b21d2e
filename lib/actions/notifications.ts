"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { requireSessionUser } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/server/review/mark-notifications-read";
import { idSchema } from "@/lib/validations/workspace";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

const notificationSchema = z.object({ notificationId: idSchema });

// Opening a notification marks it read and goes where it points.
export async function openNotificationAction(_previous: ActionState<null>, formData: FormData) {
  let link: string | null = null;
  const result = await runAction({
    formData,
    fields: ["notificationId"],
    schema: notificationSchema,
    run: async (input) => {
      const user = await requireSessionUser();
      link = (
        await markNotificationsRead({ userId: user.id, notificationId: input.notificationId })
      ).link;
      return null;
    },
  });

  revalidatePath("/", "layout");
  if (result.ok && link) {
    redirect(link);
  }
  return result;
}

export async function markAllNotificationsReadAction(
  _previous: ActionState<{ count: number }>,
  _formData: FormData,
) {
  const user = await requireSessionUser();
  const { count } = await markNotificationsRead({ userId: user.id });
  revalidatePath("/", "layout");
  return { ok: true as const, data: { count } };
}
