"use server";

import { redirect } from "next/navigation";

import { parseId } from "@/lib/http/route-params";
import { createSubmission } from "@/lib/server/submission/create-submission";
import { createSubmissionSchema } from "@/lib/validations/submission";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

export async function createSubmissionAction(
  _previous: ActionState<{ id: string; workspaceId: string }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: [
      "workspaceId",
      "kind",
      "title",
      "text",
      "analysedDocumentId",
      "provenanceModel",
      "provenanceDate",
      "provenancePrompt",
    ],
    resource: (values) => ({ kind: "workspace", id: values["workspaceId"] }),
    schema: createSubmissionSchema,
    run: async (input, user) => {
      const workspaceId = parseId(String(formData.get("workspaceId") ?? ""), "This workspace");
      const document = await createSubmission({ userId: user.id, workspaceId, input });
      return { id: document.id, workspaceId };
    },
  });

  if (result.ok) {
    redirect(
      `/workspaces/${result.data.workspaceId}/documents/${result.data.id}/submission?done=created`,
    );
  }

  return result;
}
