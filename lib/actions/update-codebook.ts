"use server";

import { updateCodebook } from "@/lib/server/codebook/update-codebook";
import { updateCodebookSchema } from "@/lib/validations/codebook";

import { runTypedAction } from "./run-typed-action";

export async function updateCodebookAction(input: unknown) {
  return runTypedAction({
    input,
    schema: updateCodebookSchema,
    run: (data, user) => updateCodebook({ userId: user.id, input: data }),
  });
}
