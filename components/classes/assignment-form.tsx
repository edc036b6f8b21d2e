"use client";

import { useActionState, useState, useSyncExternalStore } from "react";

import { Button } from "@/components/ui/button";
import { FieldShell, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { saveAssignmentAction } from "@/lib/actions/save-assignment";
import { assignmentLimits } from "@/lib/validations/assignment";

type AssignmentFormProps = {
  workspaceId: string;
  assignmentId?: string;
  documents: { id: string; title: string; outlet: string | null }[];
  codebooks: { id: string; name: string; version: number; isDefault: boolean }[];
  values?: {
    title: string;
    instructions: string;
    codebookId: string;
    dueAt: string | null;
    mode: "OPEN" | "BLIND" | "REVEALED";
    documentIds: string[];
  };
};

const subscribe = () => () => {};

// An ISO instant as the value of a datetime-local input, in the browser's zone.
function toLocalInput(iso: string | null): string {
  if (!iso) {
    return "";
  }
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const modes = [
  { value: "OPEN", name: "Open", help: "Everyone sees everyone's highlights as they are made." },
  {
    value: "BLIND",
    name: "Blind",
    help: "Each student sees only their own highlights until they hand in or you reveal.",
  },
  {
    value: "REVEALED",
    name: "Revealed",
    help: "Every highlight is open to the class for discussion.",
  },
] as const;

export function AssignmentForm({
  workspaceId,
  assignmentId,
  documents,
  codebooks,
  values,
}: AssignmentFormProps) {
  const [state, formAction, isPending] = useActionState(saveAssignmentAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors ?? {};
  const typed = failed?.values;
  // The browser's offset from UTC goes with the local due date (see lib/validations/assignment.ts).
  const offset = useSyncExternalStore(
    subscribe,
    () => String(new Date().getTimezoneOffset()),
    () => "0",
  );
  const [dueLocal] = useState(() => toLocalInput(values?.dueAt ?? null));
  const chosen = new Set(
    typed ? typed.documentIds?.split(",").filter(Boolean) : (values?.documentIds ?? []),
  );
  const mode = typed?.mode ?? values?.mode ?? "BLIND";

  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6"
      noValidate
    >
      <input type="hidden" name="workspaceId" value={workspaceId} />
      {assignmentId ? <input type="hidden" name="assignmentId" value={assignmentId} /> : null}
      <input type="hidden" name="dueAtOffset" value={offset} />
      <TextField
        id="title"
        label="Title"
        maxLength={assignmentLimits.titleMax}
        defaultValue={typed?.title ?? values?.title}
        errors={errors.title}
        required
      />
      <TextAreaField
        id="instructions"
        label="Instructions (optional)"
        hint="Markdown: **bold**, *italic*, lists and links. Shown to students above the documents."
        rows={6}
        maxLength={assignmentLimits.instructionsMax}
        defaultValue={typed?.instructions ?? values?.instructions}
        errors={errors.instructions}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <FieldShell id="codebookId" label="Codebook" errors={errors.codebookId}>
          <select
            id="codebookId"
            name="codebookId"
            defaultValue={typed?.codebookId ?? values?.codebookId ?? ""}
            aria-describedby="codebookId-error"
            className="rounded-md border border-stone-400 bg-white px-3 py-2"
          >
            <option value="">The workspace default</option>
            {codebooks.map((codebook) => (
              <option key={codebook.id} value={codebook.id}>
                {codebook.name} (version {codebook.version}
                {codebook.isDefault ? ", default" : ""})
              </option>
            ))}
          </select>
        </FieldShell>
        <TextField
          id="dueAtLocal"
          label="Due (optional)"
          type="datetime-local"
          hint="In your time zone. Students see their score against the key after it."
          defaultValue={typed?.dueAtLocal ?? dueLocal}
          errors={errors.dueAtLocal}
        />
      </div>
      <fieldset className="flex flex-col gap-2" aria-describedby="mode-error">
        <legend className="text-sm font-medium">Who sees whose highlights</legend>
        {modes
          .filter((item) => item.value !== "REVEALED" || values?.mode === "REVEALED")
          .map((item) => (
            <label key={item.value} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="mode"
                value={item.value}
                defaultChecked={mode === item.value}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{item.name}</span> — {item.help}
              </span>
            </label>
          ))}
        <div id="mode-error" aria-live="polite" className="text-sm text-red-800">
          {errors.mode?.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-2" aria-describedby="documentIds-error">
        <legend className="text-sm font-medium">Documents</legend>
        {documents.length === 0 ? (
          <p className="text-sm text-stone-700">
            This workspace has no documents yet. Add an article first.
          </p>
        ) : (
          <ul className="flex max-h-72 flex-col gap-1 overflow-y-auto rounded-md border border-stone-300 p-2">
            {documents.map((document) => (
              <li key={document.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="documentIds"
                    value={document.id}
                    defaultChecked={chosen.has(document.id)}
                  />
                  {document.title}
                  {document.outlet ? (
                    <span className="text-stone-600">· {document.outlet}</span>
                  ) : null}
                </label>
              </li>
            ))}
          </ul>
        )}
        <div id="documentIds-error" aria-live="polite" className="text-sm text-red-800">
          {errors.documentIds?.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      </fieldset>
      <FormMessage message={failed?.message} />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Saving…" : assignmentId ? "Save changes" : "Create assignment"}
        </Button>
      </div>
    </form>
  );
}
