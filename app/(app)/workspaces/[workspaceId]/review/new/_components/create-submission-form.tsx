"use client";

import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";
import { FieldShell, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createSubmissionAction } from "@/lib/actions/create-submission";
import { limits } from "@/lib/validations/limits";
import { submissionLimits } from "@/lib/validations/submission";

type CreateSubmissionFormProps = {
  workspaceId: string;
  articles: { id: string; title: string; outlet: string | null }[];
  initialArticleId?: string;
};

// A contributor's draft: an article, or an AI-generated analysis of an article in the
// workspace with its provenance. Saved as a draft; submitted from the submission panel.
// The kind radios are uncontrolled (defaultChecked): a form action resets the form after
// it runs, and controlled radios would then show one kind while the state held another.
export function CreateSubmissionForm({
  workspaceId,
  articles,
  initialArticleId,
}: CreateSubmissionFormProps) {
  const [state, formAction, isPending] = useActionState(createSubmissionAction, null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  const [kind, setKind] = useState(
    values.kind ?? (initialArticleId ? "AI_ANALYSIS" : "SUBMISSION"),
  );
  const isAnalysis = kind === "AI_ANALYSIS";

  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6"
      noValidate
    >
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <fieldset className="flex flex-col gap-1" aria-describedby="kind-error">
        <legend className="text-sm font-medium">What are you submitting?</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="kind"
              value="SUBMISSION"
              defaultChecked={kind === "SUBMISSION"}
              onChange={() => setKind("SUBMISSION")}
            />
            An article draft
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="kind"
              value="AI_ANALYSIS"
              defaultChecked={isAnalysis}
              onChange={() => setKind("AI_ANALYSIS")}
            />
            An AI-generated analysis of an article
          </label>
        </div>
        <div id="kind-error" aria-live="polite" className="text-sm text-red-800">
          {errors.kind?.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      </fieldset>

      {isAnalysis ? (
        <fieldset className="flex flex-col gap-4 rounded-md border border-stone-300 p-4">
          <legend className="px-1 text-sm font-semibold">
            The analysis and where it came from
          </legend>
          <FieldShell
            id="analysedDocumentId"
            label="Article it analyses"
            errors={errors.analysedDocumentId}
          >
            <select
              id="analysedDocumentId"
              name="analysedDocumentId"
              defaultValue={values.analysedDocumentId ?? initialArticleId ?? ""}
              aria-describedby="analysedDocumentId-error"
              aria-invalid={errors.analysedDocumentId ? true : undefined}
              className="rounded-md border border-stone-400 bg-white px-3 py-2"
            >
              <option value="">Choose an article…</option>
              {articles.map((article) => (
                <option key={article.id} value={article.id}>
                  {article.title}
                  {article.outlet ? ` (${article.outlet})` : ""}
                </option>
              ))}
            </select>
          </FieldShell>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              id="provenanceModel"
              label="Model or tool"
              hint="For example “GPT-4o” or “Claude 3.5 Sonnet via our newsroom tool”."
              maxLength={submissionLimits.provenanceModelMax}
              defaultValue={values.provenanceModel}
              errors={errors.provenanceModel}
            />
            <TextField
              id="provenanceDate"
              label="Date it was generated (optional)"
              type="date"
              defaultValue={values.provenanceDate}
              errors={errors.provenanceDate}
            />
          </div>
          <TextAreaField
            id="provenancePrompt"
            label="Prompt, if known (optional)"
            rows={3}
            maxLength={submissionLimits.provenancePromptMax}
            defaultValue={values.provenancePrompt}
            errors={errors.provenancePrompt}
          />
        </fieldset>
      ) : null}

      <TextField
        id="title"
        label="Title"
        maxLength={limits.titleMax}
        defaultValue={values.title}
        errors={errors.title}
        required
      />
      <TextAreaField
        id="text"
        label="Text"
        hint={isAnalysis ? "Paste the analysis as the tool wrote it." : "Paste your draft."}
        rows={14}
        defaultValue={values.text}
        errors={errors.text}
        required
      />
      <FormMessage message={failed?.message} />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : "Save draft"}
        </Button>
      </div>
    </form>
  );
}
