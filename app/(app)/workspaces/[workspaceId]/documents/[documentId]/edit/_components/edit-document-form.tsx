"use client";

import { useActionState } from "react";

import { DocumentFields, type DocumentFieldValues } from "@/components/document/document-fields";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { updateDocumentAction } from "@/lib/actions/update-document";

type EditDocumentFormProps = {
  documentId: string;
  version: number;
  values: DocumentFieldValues;
  highlightCount: number;
};

export function EditDocumentForm({
  documentId,
  version,
  values,
  highlightCount,
}: EditDocumentFormProps) {
  const [state, formAction, isPending] = useActionState(updateDocumentAction, null);
  const failed = state && !state.ok ? state : null;

  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6"
      noValidate
    >
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="version" value={version} />
      <DocumentFields
        values={failed?.values ?? values}
        errors={failed?.fieldErrors ?? {}}
        textHint={`Fix typos or paste a revised text. The ${highlightCount} highlight${highlightCount === 1 ? "" : "s"} on it will be moved to match; any that cannot be placed are kept as orphans for you to re-attach.`}
      />
      <FormMessage message={failed?.message} />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save changes"}
        </Button>
      </div>
    </form>
  );
}
