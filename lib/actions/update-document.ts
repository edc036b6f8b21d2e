"use server";

import { redirect } from "next/navigation";

import { parseId } from "@/lib/http/route-params";
import { updateDocument, type UpdateDocumentResult } from "@/lib/server/document/update-document";
import { updateDocumentSchema } from "@/lib/validations/document";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

export async function updateDocumentAction(
  _previous: ActionState<UpdateDocumentResult>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: [
      "documentId",
      "version",
      "title",
      "text",
      "kind",
      "sourceUrl",
      "outlet",
      "author",
      "publishedAt",
    ],
    resource: (values) => ({ kind: "document", id: values["documentId"] }),
    schema: updateDocumentSchema,
    run: async (input, user) => {
      const documentId = parseId(String(formData.get("documentId") ?? ""), "This document");
      return updateDocument({ userId: user.id, documentId, input });
    },
  });

  if (result.ok) {
    const { workspaceId, id, reanchored } = result.data;
    const summary = new URLSearchParams({
      edited: "1",
      unchanged: String(reanchored.unchanged),
      moved: String(reanchored.moved + reanchored.fuzzy),
      orphaned: String(reanchored.orphaned),
    });
    redirect(`/workspaces/${workspaceId}/documents/${id}?${summary.toString()}`);
  }

  return result;
}
