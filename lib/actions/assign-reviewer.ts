"use server";

import { revalidatePath } from "next/cache";

import { assignReviewer } from "@/lib/server/submission/assign-reviewer";
import { assignReviewerSchema } from "@/lib/validations/submission";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

// From the review queue or the submission panel; both re-render with the new reviewer.
export async function assignReviewerAction(
  _previous: ActionState<{ id: string; workspaceId: string }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["documentId", "reviewerId"],
    resource: (values) => ({ kind: "document", id: values["documentId"] }),
    schema: assignReviewerSchema,
    run: async (input, user) => {
      return assignReviewer({ userId: user.id, input });
    },
  });

  if (result.ok) {
    revalidatePath(`/workspaces/${result.data.workspaceId}`, "layout");
  }

  return result;
}
