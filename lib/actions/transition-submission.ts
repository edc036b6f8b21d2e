"use server";

import { revalidatePath } from "next/cache";

import type { TransitionResult } from "@/lib/server/submission/transition-submission";
import { transitionSubmission } from "@/lib/server/submission/transition-submission";
import { transitionSubmissionSchema } from "@/lib/validations/submission";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

// One review step from the submission panel; the page re-renders with the new status.
export async function transitionSubmissionAction(
  _previous: ActionState<TransitionResult>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["documentId", "action", "message"],
    resource: (values) => ({ kind: "document", id: values["documentId"] }),
    schema: transitionSubmissionSchema,
    run: async (input, user) => {
      return transitionSubmission({ userId: user.id, input });
    },
  });

  if (result.ok) {
    revalidatePath(`/workspaces/${result.data.workspaceId}`, "layout");
  }

  return result;
}
