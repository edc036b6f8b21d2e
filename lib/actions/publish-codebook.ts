"use server";

import { publishCodebook } from "@/lib/server/codebook/publish-codebook";
import { publishCodebookSchema } from "@/lib/validations/codebook";

import { rawField } from "./require-action-caller";
import { runTypedAction } from "./run-typed-action";

export async function publishCodebookAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "codebook", id: rawField(raw, "codebookId") }),
    schema: publishCodebookSchema,
    run: (data, user) => publishCodebook({ userId: user.id, input: data }),
  });
}
