"use server";

import { revalidatePath } from "next/cache";

import { updateJoinCode, type JoinCodeState } from "@/lib/server/membership/update-join-code";
import { updateJoinCodeSchema } from "@/lib/validations/membership";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

export async function updateJoinCodeAction(
  _previous: ActionState<JoinCodeState>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["workspaceId", "action", "expiresIn"],
    resource: (values) => ({ kind: "workspace", id: values["workspaceId"] }),
    schema: updateJoinCodeSchema,
    run: async (input, user) => {
      return updateJoinCode({ userId: user.id, input });
    },
  });
  if (result.ok) {
    revalidatePath(`/workspaces/${String(formData.get("workspaceId"))}/members`);
  }
  return result;
}
