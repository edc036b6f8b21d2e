"use server";

import { publishCodebook } from "@/lib/server/codebook/publish-codebook";
import { publishCodebookSchema } from "@/lib/validations/codebook";

import { runTypedAction } from "./run-typed-action";

export async function publishCodebookAction(input: unknown) {
  return runTypedAction({
    input,
    schema: publishCodebookSchema,
    run: (data, user) => publishCodebook({ userId: user.id, input: data }),
  });
}
