"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import type { ActionState } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { AppError } from "@/lib/errors/app-error";
import { endOtherSessions, endUserSession } from "@/lib/server/user-session/end-user-sessions";
import { endSessionSchema } from "@/lib/validations/auth";

export async function endSessionAction(
  _previous: ActionState<{ sessionId: string }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["sessionId"],
    schema: endSessionSchema,
    run: async ({ sessionId }, user) => {
      if (sessionId === user.sessionId) {
        throw new AppError("INVALID_INPUT", "To end this session, sign out.");
      }
      await endUserSession({ userId: user.id, sessionId });
      return { sessionId };
    },
  });

  revalidatePath("/settings/account");
  return result;
}

export async function endOtherSessionsAction(
  _previous: ActionState<{ ended: number }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: [],
    schema: z.object({}),
    run: async (_input, user) => {
      return {
        ended: await endOtherSessions({ userId: user.id, currentSessionId: user.sessionId }),
      };
    },
  });

  revalidatePath("/settings/account");
  return result;
}
