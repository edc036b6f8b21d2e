"use server";

import { updateCodebook } from "@/lib/server/codebook/update-codebook";
import { updateCodebookSchema } from "@/lib/validations/codebook";

import { runCodebookAction } from "./run-codebook-action";

export async function updateCodebookAction(input: unknown) {
  return runCodebookAction({
    input,
    schema: updateCodebookSchema,
    run: (data, user) => updateCodebook({ userId: user.id, input: data }),
  });
}
