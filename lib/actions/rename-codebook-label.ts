"use server";

import { renameCodebookLabel } from "@/lib/server/codebook/rename-codebook-label";
import { renameCodebookLabelSchema } from "@/lib/validations/codebook";

import { rawField } from "./require-action-caller";
import { runTypedAction } from "./run-typed-action";

export async function renameCodebookLabelAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "codebook", id: rawField(raw, "codebookId") }),
    schema: renameCodebookLabelSchema,
    // The client only needs where to go next, not the full mapping (that is audited).
    run: async (data, user) => {
      const result = await renameCodebookLabel({ userId: user.id, input: data });
      return { id: result.id, workspaceId: result.workspaceId, version: result.version };
    },
  });
}
