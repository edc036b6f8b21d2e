"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

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
    run: async (input, user) => {
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
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: [],
    schema: z.object({}),
    run: async (_input, user) => markNotificationsRead({ userId: user.id }),
  });
  revalidatePath("/", "layout");
  return result.ok ? { ok: true as const, data: { count: result.data.count } } : result;
}
