"use client";

import { useActionState, useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { transitionSubmissionAction } from "@/lib/actions/transition-submission";
import {
  submissionActionNames,
  submissionStatusNames,
  submissionTransitions,
  type SubmissionAction,
} from "@/lib/review/submission-transitions";
import { submissionLimits } from "@/lib/validations/submission";

type SubmissionStepFormProps = {
  documentId: string;
  actions: SubmissionAction[];
  heading: string;
  legend: string;
};

// The steps this person may take now (from the transition table), with a message. For a
// reviewer it is their overall verdict: approve, request changes or reject.
export function SubmissionStepForm({
  documentId,
  actions,
  heading,
  legend,
}: SubmissionStepFormProps) {
  const headingId = useId();
  const [state, formAction, isPending] = useActionState(transitionSubmissionAction, null);
  const failed = state && !state.ok ? state : null;
  const [chosen, setChosen] = useState<SubmissionAction>(
    (failed?.values.action as SubmissionAction | undefined) ?? (actions[0] as SubmissionAction),
  );
  const action = actions.includes(chosen) ? chosen : (actions[0] as SubmissionAction);
  const needsMessage = submissionTransitions[action].needsMessage;

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        {heading}
      </h2>
      <form action={formAction} className="flex flex-col gap-3" noValidate>
        <input type="hidden" name="documentId" value={documentId} />
        {actions.length > 1 ? (
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium">{legend}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {actions.map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="action"
                    value={value}
                    defaultChecked={action === value}
                    onChange={() => setChosen(value)}
                  />
                  {submissionActionNames[value]}
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <input type="hidden" name="action" value={action} />
        )}
        <TextAreaField
          key={state?.ok ? "sent" : "editing"}
          id="message"
          label={needsMessage ? "Message (required)" : "Message (optional)"}
          hint={
            needsMessage
              ? "Say what should change or why: the contributor reads this."
              : "Shown in the submission's history and in the notification."
          }
          rows={3}
          maxLength={submissionLimits.messageMax}
          defaultValue={failed?.values.message ?? ""}
          errors={failed?.fieldErrors.message}
        />
        <FormMessage message={failed?.message} />
        <FormMessage
          tone="info"
          message={
            state?.ok
              ? `Done: the submission is now ${submissionStatusNames[state.data.status]}.`
              : null
          }
        />
        <div>
          <Button type="submit" disabled={isPending}>
            {isPending ? "Sending…" : submissionActionNames[action]}
          </Button>
        </div>
      </form>
    </section>
  );
}
