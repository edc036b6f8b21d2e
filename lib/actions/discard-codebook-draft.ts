"use server";

import { discardCodebookDraft } from "@/lib/server/codebook/discard-codebook-draft";
import { discardCodebookDraftSchema } from "@/lib/validations/codebook";

import { rawField } from "./require-action-caller";
import { runTypedAction } from "./run-typed-action";

export async function discardCodebookDraftAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "codebook", id: rawField(raw, "codebookId") }),
    schema: discardCodebookDraftSchema,
    run: (data, user) => discardCodebookDraft({ userId: user.id, input: data }),
  });
}
