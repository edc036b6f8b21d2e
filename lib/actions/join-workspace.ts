"use server";

import { joinWorkspace, type JoinWorkspaceResult } from "@/lib/server/membership/join-workspace";
import { joinWorkspaceSchema } from "@/lib/validations/membership";

import type { ActionResult } from "./action-result";
import { runAction } from "./run-action";

// The form navigates to the class itself, after a sign-up or sign-in when it made one.
export async function joinWorkspaceAction(
  formData: FormData,
): Promise<ActionResult<JoinWorkspaceResult>> {
  return runAction({
    formData,
    fields: ["code", "displayName"],
    schema: joinWorkspaceSchema,
    run: async (input, user) => {
      return joinWorkspace({ userId: user.id, input });
    },
  });
}
