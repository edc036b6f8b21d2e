"use client";

import { useActionState, useId } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { assignReviewerAction } from "@/lib/actions/assign-reviewer";

type AssignReviewerFormProps = {
  documentId: string;
  reviewers: { id: string; name: string }[];
  currentReviewerId: string | null;
  // Names the control for its row when several forms share a page (the queue).
  title?: string;
  compact?: boolean;
};

// Editors pick a reviewer from the members who can annotate (not the contributor).
export function AssignReviewerForm({
  documentId,
  reviewers,
  currentReviewerId,
  title,
  compact = false,
}: AssignReviewerFormProps) {
  const selectId = useId();
  const [state, formAction, isPending] = useActionState(assignReviewerAction, null);
  const failed = state && !state.ok ? state : null;
  const label = title ? `Reviewer for “${title}”` : "Reviewer";

  return (
    <form
      action={formAction}
      className={`flex flex-col gap-1 ${compact ? "" : "max-w-md"}`}
      noValidate
    >
      <input type="hidden" name="documentId" value={documentId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className={compact ? "sr-only" : "text-sm font-medium"}>
            {label}
          </label>
          <select
            id={selectId}
            name="reviewerId"
            defaultValue={failed?.values.reviewerId ?? currentReviewerId ?? ""}
            aria-invalid={failed ? true : undefined}
            aria-describedby={`${selectId}-error`}
            className="rounded-md border border-stone-400 bg-white px-2 py-1.5 text-sm"
          >
            <option value="">Choose a reviewer…</option>
            {reviewers.map((reviewer) => (
              <option key={reviewer.id} value={reviewer.id}>
                {reviewer.name}
              </option>
            ))}
          </select>
        </div>
        <Button
          type="submit"
          variant="secondary"
          disabled={isPending}
          aria-label={title ? `Assign reviewer for “${title}”` : undefined}
        >
          {isPending ? "Assigning…" : currentReviewerId ? "Reassign" : "Assign"}
        </Button>
      </div>
      <div id={`${selectId}-error`}>
        <FormMessage
          message={failed ? (failed.fieldErrors.reviewerId?.[0] ?? failed.message) : null}
        />
      </div>
      {state?.ok ? (
        <FormMessage tone="info" message="Reviewer assigned; they were notified." />
      ) : null}
    </form>
  );
}
