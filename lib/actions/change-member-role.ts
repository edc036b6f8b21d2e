"use server";

import { revalidatePath } from "next/cache";

import { changeMemberRole } from "@/lib/server/membership/change-member-role";
import { changeMemberRoleSchema } from "@/lib/validations/membership";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

export async function changeMemberRoleAction(_previous: ActionState<string>, formData: FormData) {
  const result = await runAction({
    formData,
    fields: ["workspaceId", "userId", "role"],
    resource: (values) => ({ kind: "workspace", id: values["workspaceId"] }),
    schema: changeMemberRoleSchema,
    run: async (input, user) => {
      const changed = await changeMemberRole({ userId: user.id, input });
      return changed.changed ? "Role changed." : "That is already their role.";
    },
  });
  if (result.ok) {
    revalidatePath(`/workspaces/${String(formData.get("workspaceId"))}/members`);
  }
  return result;
}
