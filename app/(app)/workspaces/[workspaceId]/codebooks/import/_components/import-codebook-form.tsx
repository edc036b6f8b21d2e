"use client";

import { useActionState } from "react";

import { ProblemList } from "@/components/codebook/problem-list";
import { Button } from "@/components/ui/button";
import { FieldShell, TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { importCodebookAction } from "@/lib/actions/import-codebook";
import { fieldErrorsToProblems } from "@/lib/validations/codebook";

type ImportCodebookFormProps = { workspaceId: string };

// Problems of the file come back keyed by their path in it; problems of the form itself
// (nothing pasted, a file too large) by the field.
const formFields = new Set(["json", "file", "workspaceId"]);

export function ImportCodebookForm({ workspaceId }: ImportCodebookFormProps) {
  const [state, formAction, isPending] = useActionState(importCodebookAction, null);
  const failed = state && !state.ok ? state : null;
  const fieldErrors = failed?.fieldErrors ?? {};
  const problems = fieldErrorsToProblems(
    Object.fromEntries(Object.entries(fieldErrors).filter(([key]) => !formFields.has(key))),
  );

  return (
    <form
      action={formAction}
      className="flex flex-col gap-4 rounded-lg border border-stone-300 bg-white p-6"
      noValidate
    >
      <input type="hidden" name="workspaceId" value={workspaceId} />
      {problems.length > 0 ? (
        <ProblemList
          problems={problems}
          heading={failed?.message ?? "The codebook has problems; nothing was imported."}
        />
      ) : (
        <FormMessage message={failed?.message} />
      )}
      <FieldShell
        id="file"
        label="Upload a .json file"
        hint="Or paste the JSON below. A file you choose is used instead of the text."
        errors={fieldErrors.file}
      >
        <input
          id="file"
          name="file"
          type="file"
          accept=".json,application/json"
          aria-describedby="file-hint file-error"
          className="text-sm"
        />
      </FieldShell>
      <TextAreaField
        id="json"
        label="Codebook JSON"
        rows={16}
        spellCheck={false}
        defaultValue={failed?.values.json}
        key={failed?.values.json ?? ""}
        errors={fieldErrors.json}
        className="rounded-md border border-stone-400 bg-white px-3 py-2 font-mono text-sm aria-[invalid=true]:border-red-700"
        placeholder={
          '{\n  "schemaVersion": 1,\n  "key": "my-codebook",\n  "name": "My codebook",\n  "dimensions": [ … ]\n}'
        }
      />
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? "Checking…" : "Check and import"}
        </Button>
      </div>
    </form>
  );
}
