"use client";

import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";
import { FieldShell, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createWorkspaceAction } from "@/lib/actions/create-workspace";
import { codebookPresetList, defaultCodebookPresetKey } from "@/lib/codebooks/presets";

export function CreateWorkspaceForm() {
  const [state, formAction, isPending] = useActionState(createWorkspaceAction, null);
  const failed = state && !state.ok ? state : null;
  const [presetKey, setPresetKey] = useState<string>(
    failed?.values.codebookPreset || defaultCodebookPresetKey,
  );
  const preset = codebookPresetList.find((entry) => entry.key === presetKey);

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
      <FieldShell
        id="codebookPreset"
        label="Starting codebook"
        hint="The labels people tag with. You can add or change codebooks later."
        errors={failed?.fieldErrors.codebookPreset}
      >
        <select
          id="codebookPreset"
          name="codebookPreset"
          value={presetKey}
          onChange={(event) => setPresetKey(event.target.value)}
          aria-describedby="codebookPreset-hint codebookPreset-about codebookPreset-error"
          className="rounded-md border border-stone-400 bg-white px-3 py-2"
        >
          {codebookPresetList.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {entry.name}
            </option>
          ))}
        </select>
        <p id="codebookPreset-about" className="text-xs text-stone-700">
          {preset
            ? `${preset.dimensionCount} dimension${preset.dimensionCount === 1 ? "" : "s"}, ${preset.labelCount} labels. ${preset.description}`
            : null}
        </p>
      </FieldShell>
      <FormMessage message={failed?.message} />
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
