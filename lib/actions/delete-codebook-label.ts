"use server";

import { deleteCodebookLabel } from "@/lib/server/codebook/delete-codebook-label";
import { deleteCodebookLabelSchema } from "@/lib/validations/codebook";

import { rawField } from "./require-action-caller";
import { runTypedAction } from "./run-typed-action";

export async function deleteCodebookLabelAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "codebook", id: rawField(raw, "codebookId") }),
    schema: deleteCodebookLabelSchema,
    // The client only needs where to go next, not the full mapping (that is audited).
    run: async (data, user) => {
      const result = await deleteCodebookLabel({ userId: user.id, input: data });
      return { id: result.id, workspaceId: result.workspaceId, version: result.version };
    },
  });
}
