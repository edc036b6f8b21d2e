"use client";

import {
  startTransition,
  useActionState,
  useEffect,
  useRef,
  useState,
  type FormEvent,
} from "react";

import { Button } from "@/components/ui/button";
import { FieldShell, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { roleNames } from "@/lib/auth/roles";
import type { Role } from "@/lib/db/generated/enums";
import { apiTokenMaxDays } from "@/lib/validations/api-token";
import { limits } from "@/lib/validations/limits";

import { createApiTokenAction } from "../_actions/create-api-token";

import { NewTokenSecret } from "./new-token-secret";

type CreateTokenFormProps = { workspaces: { id: string; name: string; role: Role }[] };

const scopes = [
  {
    value: "READ",
    name: "Read only",
    description: "List and read workspaces, documents, highlights and codebooks.",
  },
  {
    value: "READ_WRITE",
    name: "Read and write",
    description:
      "Also add and change highlights and documents, as far as your role allows (annotator or higher).",
  },
] as const;

export function CreateTokenForm({ workspaces }: CreateTokenFormProps) {
  const [state, formAction, isPending] = useActionState(createApiTokenAction, null);
  const [dismissedId, setDismissedId] = useState<string | null>(null);
  const [workspaceId, setWorkspaceId] = useState(workspaces[0]?.id ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  const chosen = workspaces.find((workspace) => workspace.id === workspaceId);
  const failed = state && !state.ok ? state : null;
  const created = state && state.ok && state.data.id !== dismissedId ? state.data : null;
  const scopeErrors = failed?.fieldErrors.scope;

  // Once hydrated, submitted by hand rather than through <form action> (which stays for
  // browsers without JavaScript): React resets a form after its action, and a <select>
  // then falls back to its first option, so a corrected form would silently switch to
  // another workspace. This way everything typed stays as it was.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  // After a token is made, the name and expiry are cleared for the next one.
  useEffect(() => {
    if (state?.ok) {
      for (const name of ["name", "expiresInDays"]) {
        const field = formRef.current?.elements.namedItem(name);
        if (field instanceof HTMLInputElement) {
          field.value = "";
        }
      }
    }
  }, [state]);

  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <NewTokenSecret
          key={created.id}
          token={created}
          onDone={() => setDismissedId(created.id)}
        />
      ) : null}
      <form
        ref={formRef}
        action={formAction}
        onSubmit={onSubmit}
        className="flex max-w-xl flex-col gap-4"
        noValidate
      >
        <TextField
          id="name"
          label="Name"
          hint="What will use it, so you recognise it later: “Nightly export script”."
          maxLength={limits.nameMax}
          defaultValue={failed?.values.name}
          errors={failed?.fieldErrors.name}
          required
        />
        <FieldShell id="workspaceId" label="Workspace" errors={failed?.fieldErrors.workspaceId}>
          <select
            id="workspaceId"
            name="workspaceId"
            value={workspaceId}
            onChange={(event) => setWorkspaceId(event.target.value)}
            aria-describedby="workspaceId-error"
            className="rounded-md border border-stone-400 bg-white px-3 py-2"
          >
            {workspaces.map((workspace) => (
              <option key={workspace.id} value={workspace.id}>
                {workspace.name} ({roleNames[workspace.role].toLowerCase()})
              </option>
            ))}
          </select>
        </FieldShell>
        <fieldset className="flex flex-col gap-2" aria-describedby="scope-error">
          <legend className="mb-1 text-sm font-medium">Access</legend>
          {chosen?.role === "VIEWER" ? (
            <p id="scope-viewer-note" className="text-xs text-stone-600">
              You are a viewer in {chosen.name}, so tokens for it can only read.
            </p>
          ) : null}
          {scopes.map((scope) => (
            <label key={scope.value} className="flex items-start gap-2">
              <input
                type="radio"
                name="scope"
                value={scope.value}
                defaultChecked={(failed?.values.scope ?? "READ") === scope.value}
                aria-describedby={`scope-${scope.value}-description scope-error`}
                className="mt-1"
              />
              <span className="flex flex-col">
                <span className="text-sm font-medium">{scope.name}</span>
                <span id={`scope-${scope.value}-description`} className="text-xs text-stone-600">
                  {scope.description}
                </span>
              </span>
            </label>
          ))}
          <div id="scope-error" aria-live="polite" className="text-sm text-red-800">
            {scopeErrors?.map((error) => (
              <p key={error}>{error}</p>
            ))}
          </div>
        </fieldset>
        <TextField
          id="expiresInDays"
          label="Expires after (days, optional)"
          hint={`Leave empty for a token that does not expire; at most ${apiTokenMaxDays} days.`}
          type="number"
          inputMode="numeric"
          min={1}
          max={apiTokenMaxDays}
          defaultValue={failed?.values.expiresInDays}
          errors={failed?.fieldErrors.expiresInDays}
        />
        <FormMessage message={failed?.message} />
        <div>
          <Button type="submit" disabled={isPending}>
            {isPending ? "Creating…" : "Create token"}
          </Button>
        </div>
      </form>
    </div>
  );
}
