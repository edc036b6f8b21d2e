"use server";

import { redirect } from "next/navigation";

import { parseId } from "@/lib/http/route-params";
import { createDocument } from "@/lib/server/document/create-document";
import { createDocumentSchema } from "@/lib/validations/document";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

export async function createDocumentAction(
  _previous: ActionState<{ id: string; workspaceId: string }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: [
      "workspaceId",
      "title",
      "text",
      "kind",
      "sourceUrl",
      "outlet",
      "author",
      "publishedAt",
      "importId",
    ],
    resource: (values) => ({ kind: "workspace", id: values["workspaceId"] }),
    schema: createDocumentSchema,
    run: async (input, user) => {
      const workspaceId = parseId(String(formData.get("workspaceId") ?? ""), "This workspace");
      const rawImportId = String(formData.get("importId") ?? "");
      const importId = rawImportId ? parseId(rawImportId, "This import") : undefined;
      const document = await createDocument({ userId: user.id, workspaceId, input, importId });
      return { id: document.id, workspaceId };
    },
  });

  if (result.ok) {
    redirect(`/workspaces/${result.data.workspaceId}/documents/${result.data.id}`);
  }

  return result;
}
