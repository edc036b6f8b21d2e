"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { restoreAnnotationAction } from "@/lib/actions/restore-annotation";

type RestoreButtonProps = { annotationId: string; quote: string };

export function RestoreButton({ annotationId, quote }: RestoreButtonProps) {
  const [state, formAction, isPending] = useActionState(restoreAnnotationAction, null);

  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="annotationId" value={annotationId} />
      <div>
        <Button
          type="submit"
          variant="secondary"
          disabled={isPending}
          aria-label={`Restore “${quote.slice(0, 40)}”`}
        >
          {isPending ? "Restoring…" : "Restore"}
        </Button>
      </div>
      <FormMessage message={state && !state.ok ? state.message : null} />
      {state?.ok ? (
        <FormMessage tone="info" message="Restored: the highlight is back in the text." />
      ) : null}
    </form>
  );
}
