"use server";

import { revalidatePath } from "next/cache";

import type { ActionState } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { changePassword } from "@/lib/server/user/change-password";
import { changePasswordSchema } from "@/lib/validations/auth";

export async function changePasswordAction(
  _previous: ActionState<{ endedSessions: number }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["currentPassword", "newPassword"],
    schema: changePasswordSchema,
    run: async (input, user) => {
      return changePassword({ userId: user.id, currentSessionId: user.sessionId, input });
    },
  });

  revalidatePath("/settings/account");
  return result;
}
