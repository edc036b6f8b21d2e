"use server";

import { listLabelAnnotations } from "@/lib/server/codebook/list-label-annotations";
import { listLabelAnnotationsSchema } from "@/lib/validations/codebook";

import { rawField } from "./require-action-caller";
import { runTypedAction } from "./run-typed-action";

// The highlights of a label, for the split form's per-highlight mapping.
export async function listCodebookLabelAnnotationsAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "codebook", id: rawField(raw, "codebookId") }),
    schema: listLabelAnnotationsSchema,
    run: (data, user) => listLabelAnnotations({ userId: user.id, ...data }),
  });
}
