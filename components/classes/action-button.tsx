"use client";

import { useActionState, useState, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/action-result";

type ActionButtonProps = {
  action: (previous: ActionState<string>, formData: FormData) => Promise<ActionState<string>>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  // Asks once more before acting ("Hand in now? You cannot change highlights after.").
  confirm?: string;
  ariaLabel?: string;
  // Extra controls that go with the button (a choice of names or anonymised…).
  children?: ReactNode;
  testId?: string;
};

// A one-button server action with its result said next to it: the outcome sentence on
// success (a status), the reason on refusal (an alert).
export function ActionButton({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
  confirm,
  ariaLabel,
  children,
  testId,
}: ActionButtonProps) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [isConfirming, setIsConfirming] = useState(false);

  return (
    <form
      action={(formData) => {
        setIsConfirming(false);
        formAction(formData);
      }}
      className="flex flex-col gap-1"
      data-testid={testId}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <div className="flex flex-wrap items-center gap-2">
        {confirm && !isConfirming ? (
          <Button variant={variant} onClick={() => setIsConfirming(true)} aria-label={ariaLabel}>
            {label}
          </Button>
        ) : (
          <>
            {confirm ? <span className="text-sm">{confirm}</span> : null}
            <Button
              type="submit"
              variant={variant}
              disabled={isPending}
              aria-label={confirm ? undefined : ariaLabel}
            >
              {isPending
                ? (pendingLabel ?? "Working…")
                : confirm
                  ? `Yes, ${label.toLowerCase()}`
                  : label}
            </Button>
            {confirm ? (
              <Button variant="ghost" onClick={() => setIsConfirming(false)}>
                Cancel
              </Button>
            ) : null}
          </>
        )}
      </div>
      {state && !state.ok ? <FormMessage message={state.message} /> : null}
      {state?.ok ? <FormMessage tone="info" message={state.data} /> : null}
    </form>
  );
}
