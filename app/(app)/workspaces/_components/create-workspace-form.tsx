"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FieldShell, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createWorkspaceAction } from "@/lib/actions/create-workspace";

export function CreateWorkspaceForm() {
  const [state, formAction, isPending] = useActionState(createWorkspaceAction, null);
  const failed = state && !state.ok ? state : null;

  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <TextField
        id="name"
        label="Name"
        placeholder="Media literacy, period 3"
        defaultValue={failed?.values.name}
        errors={failed?.fieldErrors.name}
        required
      />
      <FieldShell id="kind" label="What is it for?" errors={failed?.fieldErrors.kind}>
        <select
          id="kind"
          name="kind"
          defaultValue={failed?.values.kind ?? "NEWSROOM"}
          aria-describedby="kind-error"
          className="rounded-md border border-stone-400 bg-white px-3 py-2"
        >
          <option value="CLASS">A class</option>
          <option value="NEWSROOM">A newsroom or editorial team</option>
          <option value="RESEARCH">A research project</option>
        </select>
      </FieldShell>
      <FormMessage message={failed?.message} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
