"use server";

import { splitCodebookLabel } from "@/lib/server/codebook/split-codebook-label";
import { splitCodebookLabelSchema } from "@/lib/validations/codebook";

import { rawField } from "./require-action-caller";
import { runTypedAction } from "./run-typed-action";

export async function splitCodebookLabelAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "codebook", id: rawField(raw, "codebookId") }),
    schema: splitCodebookLabelSchema,
    // The client only needs where to go next, not the full mapping (that is audited).
    run: async (data, user) => {
      const result = await splitCodebookLabel({ userId: user.id, input: data });
      return { id: result.id, workspaceId: result.workspaceId, version: result.version };
    },
  });
}
