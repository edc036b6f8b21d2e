"use client";

import { useActionState, useEffect, useRef } from "react";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { limits } from "@/lib/validations/limits";

import { changePasswordAction } from "../_actions/change-password";

export function ChangePasswordForm() {
  const [state, formAction, isPending] = useActionState(changePasswordAction, null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const failed = state && !state.ok ? state : null;

  useEffect(() => {
    if (state?.ok) {
      statusRef.current?.focus();
    }
  }, [state]);

  const ended = state?.ok ? state.data.endedSessions : 0;

  return (
    <form action={formAction} className="flex max-w-md flex-col gap-4" noValidate>
      <TextField
        id="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={failed?.fieldErrors.currentPassword}
        required
      />
      <TextField
        id="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${limits.passwordMin} characters, and not a common password. Changing it signs you out everywhere else.`}
        errors={failed?.fieldErrors.newPassword}
        required
      />
      <FormMessage message={failed?.message} />
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        aria-live="polite"
        className="text-sm text-stone-700 outline-none"
      >
        {state?.ok
          ? `Your password was changed. ${
              ended === 0
                ? "You had no other sessions."
                : `${ended} other session${ended === 1 ? " was" : "s were"} ended.`
            }`
          : ""}
      </p>
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Changing password…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
