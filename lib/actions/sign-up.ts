"use server";

import { createUser } from "@/lib/server/user/create-user";
import { signUpSchema } from "@/lib/validations/auth";

import type { ActionState } from "./action-result";
import { runPublicAction } from "./run-action";

export async function signUpAction(_previous: ActionState<{ email: string }>, formData: FormData) {
  // For signed-out people: the only action that reads no session.
  return runPublicAction({
    formData,
    fields: ["name", "email", "password"],
    schema: signUpSchema,
    run: async (input) => {
      const user = await createUser(input);
      return { email: user.email };
    },
  });
}
