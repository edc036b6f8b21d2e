"use server";

import { discardCodebookDraft } from "@/lib/server/codebook/discard-codebook-draft";
import { discardCodebookDraftSchema } from "@/lib/validations/codebook";

import { runCodebookAction } from "./run-codebook-action";

export async function discardCodebookDraftAction(input: unknown) {
  return runCodebookAction({
    input,
    schema: discardCodebookDraftSchema,
    run: (data, user) => discardCodebookDraft({ userId: user.id, input: data }),
  });
}
