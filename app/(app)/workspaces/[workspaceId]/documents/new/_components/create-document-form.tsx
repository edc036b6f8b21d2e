"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { DocumentFields, type DocumentFieldValues } from "@/components/document/document-fields";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/action-result";
import { createDocumentAction } from "@/lib/actions/create-document";
import { refuseOversizedText } from "@/lib/client/refuse-oversized-text";

const documentFields = ["title", "text", "kind", "sourceUrl", "outlet", "author", "publishedAt"];

type CreateDocumentFormProps = {
  workspaceId: string;
  // Filled in from an imported file or page; every field stays editable.
  initialValues?: DocumentFieldValues;
  importId?: string;
};

export function CreateDocumentForm({
  workspaceId,
  initialValues,
  importId,
}: CreateDocumentFormProps) {
  // The previous state is not sent back: the action ignores it, and it echoes what was typed
  // (a whole article), which would count twice against the request's 5 MB limit.
  const [state, formAction, isPending] = useActionState(
    (_previous: ActionState<{ id: string; workspaceId: string }>, formData: FormData) =>
      refuseOversizedText(formData, documentFields) ?? createDocumentAction(null, formData),
    null,
  );
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};

  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6"
      noValidate
    >
      <input type="hidden" name="workspaceId" value={workspaceId} />
      {importId ? <input type="hidden" name="importId" value={importId} /> : null}
      <DocumentFields
        values={failed?.values ?? initialValues ?? {}}
        errors={errors}
        textHint="Paste the article. Paragraphs are kept; line endings and spacing are tidied once, when you save."
      />
      <FormMessage message={failed?.message} />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save article"}
        </Button>
      </div>
    </form>
  );
}
