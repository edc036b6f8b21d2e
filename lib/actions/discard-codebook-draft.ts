"use server";

import { discardCodebookDraft } from "@/lib/server/codebook/discard-codebook-draft";
import { discardCodebookDraftSchema } from "@/lib/validations/codebook";

import { runTypedAction } from "./run-typed-action";

export async function discardCodebookDraftAction(input: unknown) {
  return runTypedAction({
    input,
    schema: discardCodebookDraftSchema,
    run: (data, user) => discardCodebookDraft({ userId: user.id, input: data }),
  });
}
