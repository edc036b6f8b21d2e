"use server";

import { redirect } from "next/navigation";

import { createCodebook } from "@/lib/server/codebook/create-codebook";
import { createCodebookSchema } from "@/lib/validations/codebook";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

export async function createCodebookAction(
  _previous: ActionState<{ id: string; workspaceId: string }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["workspaceId", "presetKey"],
    resource: (values) => ({ kind: "workspace", id: values["workspaceId"] }),
    schema: createCodebookSchema,
    run: async (input, user) => {
      return createCodebook({ userId: user.id, input });
    },
  });

  if (result.ok) {
    redirect(`/workspaces/${result.data.workspaceId}/codebooks/${result.data.id}?done=created`);
  }

  return result;
}
