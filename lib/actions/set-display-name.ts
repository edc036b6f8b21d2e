"use server";

import { revalidatePath } from "next/cache";

import { setDisplayName } from "@/lib/server/membership/set-display-name";
import { setDisplayNameSchema } from "@/lib/validations/membership";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

export async function setDisplayNameAction(_previous: ActionState<string>, formData: FormData) {
  const result = await runAction({
    formData,
    fields: ["workspaceId", "userId", "displayName"],
    resource: (values) => ({ kind: "workspace", id: values["workspaceId"] }),
    schema: setDisplayNameSchema,
    run: async (input, user) => {
      const saved = await setDisplayName({ userId: user.id, input });
      return saved.displayName
        ? `Display name set to “${saved.displayName}”.`
        : "Display name cleared.";
    },
  });
  if (result.ok) {
    revalidatePath(`/workspaces/${String(formData.get("workspaceId"))}/members`);
  }
  return result;
}
