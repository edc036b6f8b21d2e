"use client";

import { useActionState, useRef, useState } from "react";

import { DocumentFields, type DocumentFieldValues } from "@/components/document/document-fields";
import { DocumentConflict, readDocumentConflict } from "@/components/review/document-conflict";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/action-result";
import { updateDocumentAction } from "@/lib/actions/update-document";
import { refuseOversizedText } from "@/lib/client/refuse-oversized-text";
import type { UpdateDocumentResult } from "@/lib/server/document/update-document";

const documentFields = ["title", "text", "kind", "sourceUrl", "outlet", "author", "publishedAt"];

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
  // The previous state is not sent back: the action ignores it, and it echoes what was typed
  // (a whole article), which would count twice against the request's 5 MB limit.
  const [state, formAction, isPending] = useActionState(
    (_previous: ActionState<UpdateDocumentResult>, formData: FormData) =>
      refuseOversizedText(formData, documentFields) ?? updateDocumentAction(null, formData),
    null,
  );
  const failed = state && !state.ok ? state : null;
  // Someone saved meanwhile: both versions, to keep mine, take theirs or merge.
  const conflict = readDocumentConflict(failed?.details);
  const formRef = useRef<HTMLFormElement>(null);
  const [baseVersion, setBaseVersion] = useState(version);

  function fill(values: { title?: string; text: string }, nextVersion: number) {
    const form = formRef.current;
    const text = form?.elements.namedItem("text");
    const title = form?.elements.namedItem("title");
    if (text instanceof HTMLTextAreaElement) {
      text.value = values.text;
    }
    if (values.title !== undefined && title instanceof HTMLInputElement) {
      title.value = values.title;
    }
    setBaseVersion(nextVersion);
  }

  return (
    <form
      ref={formRef}
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6"
      noValidate
    >
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="version" value={baseVersion} />
      {conflict ? (
        <DocumentConflict
          key={conflict.theirs.version}
          conflict={conflict}
          isSaving={isPending}
          onKeepMine={(theirVersion) => {
            setBaseVersion(theirVersion);
            requestAnimationFrame(() => formRef.current?.requestSubmit());
          }}
          onTakeTheirs={(theirs) => fill(theirs, theirs.version)}
          onMerge={(merged, theirVersion) => fill({ text: merged }, theirVersion)}
        />
      ) : null}
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
