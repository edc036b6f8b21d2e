"use server";

import { redirect } from "next/navigation";

import { createWorkspace } from "@/lib/server/workspace/create-workspace";
import { createWorkspaceSchema } from "@/lib/validations/workspace";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

export async function createWorkspaceAction(
  _previous: ActionState<{ id: string }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["name", "kind", "codebookPreset"],
    schema: createWorkspaceSchema,
    run: async (input, user) => {
      return createWorkspace({ userId: user.id, input });
    },
  });

  if (result.ok) {
    redirect(`/workspaces/${result.data.id}`);
  }

  return result;
}
