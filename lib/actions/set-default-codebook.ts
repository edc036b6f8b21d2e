"use server";

import { redirect } from "next/navigation";

import { setDefaultCodebook } from "@/lib/server/codebook/set-default-codebook";
import { setDefaultCodebookSchema } from "@/lib/validations/codebook";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

export async function setDefaultCodebookAction(
  _previous: ActionState<{ id: string; workspaceId: string }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["codebookId"],
    resource: (values) => ({ kind: "codebook", id: values["codebookId"] }),
    schema: setDefaultCodebookSchema,
    run: async (input, user) => {
      return setDefaultCodebook({ userId: user.id, codebookId: input.codebookId });
    },
  });

  if (result.ok) {
    redirect(`/workspaces/${result.data.workspaceId}/codebooks/${result.data.id}?done=default`);
  }

  return result;
}
