"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { removeMember } from "@/lib/server/membership/remove-member";
import { removeMemberSchema } from "@/lib/validations/membership";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

// Removing someone, or leaving (removing yourself), which lands on the workspace list.
export async function removeMemberAction(_previous: ActionState<string>, formData: FormData) {
  const result = await runAction({
    formData,
    fields: ["workspaceId", "userId"],
    resource: (values) => ({ kind: "workspace", id: values["workspaceId"] }),
    schema: removeMemberSchema,
    run: async (input, user) => {
      const removed = await removeMember({ userId: user.id, input });
      return removed.left ? "left" : "Removed from the workspace.";
    },
  });
  if (result.ok && result.data === "left") {
    redirect("/workspaces");
  }
  if (result.ok) {
    revalidatePath(`/workspaces/${String(formData.get("workspaceId"))}/members`);
  }
  return result;
}
