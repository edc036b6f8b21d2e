"use server";

import { publishCodebook } from "@/lib/server/codebook/publish-codebook";
import { publishCodebookSchema } from "@/lib/validations/codebook";

import { runCodebookAction } from "./run-codebook-action";

export async function publishCodebookAction(input: unknown) {
  return runCodebookAction({
    input,
    schema: publishCodebookSchema,
    run: (data, user) => publishCodebook({ userId: user.id, input: data }),
  });
}
