"use server";

// Kept beside the settings page (not in lib/actions) while the token feature owns only
// this folder; it follows lib/actions' pattern through runAction.
import { revalidatePath } from "next/cache";

import type { ActionState } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { createApiToken } from "@/lib/server/api-token/create-api-token";
import { createApiTokenSchema } from "@/lib/validations/api-token";

export type CreatedApiToken = {
  id: string;
  name: string;
  secret: string;
  scope: "READ" | "READ_WRITE";
};

export async function createApiTokenAction(
  _previous: ActionState<CreatedApiToken>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["name", "workspaceId", "scope", "expiresInDays"],
    resource: (values) => ({ kind: "workspace", id: values["workspaceId"] }),
    schema: createApiTokenSchema,
    run: async (input, user) => {
      const { token, secret } = await createApiToken({ userId: user.id, input });
      return { id: token.id, name: token.name, secret, scope: token.scope };
    },
  });

  if (result.ok) {
    revalidatePath("/settings/tokens");
  }

  return result;
}
