"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FieldShell, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createDocumentAction } from "@/lib/actions/create-document";
import { limits } from "@/lib/validations/limits";

type CreateDocumentFormProps = { workspaceId: string };

export function CreateDocumentForm({ workspaceId }: CreateDocumentFormProps) {
  const [state, formAction, isPending] = useActionState(createDocumentAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};

  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6"
      noValidate
    >
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <TextField
        id="title"
        label="Title"
        maxLength={limits.titleMax}
        defaultValue={failed?.values.title}
        errors={errors.title}
        required
      />
      <TextAreaField
        id="text"
        label="Text"
        hint="Paste the article. Paragraphs are kept; line endings and spacing are tidied once, when you save."
        rows={14}
        defaultValue={failed?.values.text}
        errors={errors.text}
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id="outlet"
          label="Outlet (optional)"
          defaultValue={failed?.values.outlet}
          errors={errors.outlet}
        />
        <TextField
          id="author"
          label="Author (optional)"
          defaultValue={failed?.values.author}
          errors={errors.author}
        />
        <TextField
          id="sourceUrl"
          label="Source URL (optional)"
          type="url"
          defaultValue={failed?.values.sourceUrl}
          errors={errors.sourceUrl}
        />
        <TextField
          id="publishedAt"
          label="Published (optional)"
          type="date"
          defaultValue={failed?.values.publishedAt}
          errors={errors.publishedAt}
        />
        <FieldShell id="kind" label="Kind" errors={errors.kind}>
          <select
            id="kind"
            name="kind"
            defaultValue={failed?.values.kind ?? "ARTICLE"}
            aria-describedby="kind-error"
            className="rounded-md border border-stone-400 bg-white px-3 py-2"
          >
            <option value="ARTICLE">Article</option>
            <option value="AI_ANALYSIS">AI-generated analysis</option>
            <option value="SUBMISSION">Submission (draft for review)</option>
          </select>
        </FieldShell>
      </div>
      <FormMessage message={failed?.message} />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save article"}
        </Button>
      </div>
    </form>
  );
}
