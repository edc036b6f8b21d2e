"use server";

import { mergeCodebookLabels } from "@/lib/server/codebook/merge-codebook-labels";
import { mergeCodebookLabelsSchema } from "@/lib/validations/codebook";

import { rawField } from "./require-action-caller";
import { runTypedAction } from "./run-typed-action";

export async function mergeCodebookLabelsAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "codebook", id: rawField(raw, "codebookId") }),
    schema: mergeCodebookLabelsSchema,
    // The client only needs where to go next, not the full mapping (that is audited).
    run: async (data, user) => {
      const result = await mergeCodebookLabels({ userId: user.id, input: data });
      return { id: result.id, workspaceId: result.workspaceId, version: result.version };
    },
  });
}
