"use server";

import { revalidatePath } from "next/cache";

import type { ActionState } from "@/lib/actions/action-result";
import { runAction } from "@/lib/actions/run-action";
import { revokeApiToken } from "@/lib/server/api-token/revoke-api-token";
import { revokeApiTokenSchema } from "@/lib/validations/api-token";

export async function revokeApiTokenAction(
  _previous: ActionState<{ name: string }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["tokenId"],
    schema: revokeApiTokenSchema,
    run: async ({ tokenId }, user) => {
      const revoked = await revokeApiToken({ userId: user.id, tokenId });
      return { name: revoked.name };
    },
  });

  revalidatePath("/settings/tokens");
  return result;
}
