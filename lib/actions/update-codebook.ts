"use server";

import { updateCodebook } from "@/lib/server/codebook/update-codebook";
import { updateCodebookSchema } from "@/lib/validations/codebook";

import { rawField } from "./require-action-caller";
import { runTypedAction } from "./run-typed-action";

export async function updateCodebookAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "codebook", id: rawField(raw, "codebookId") }),
    schema: updateCodebookSchema,
    run: (data, user) => updateCodebook({ userId: user.id, input: data }),
  });
}
