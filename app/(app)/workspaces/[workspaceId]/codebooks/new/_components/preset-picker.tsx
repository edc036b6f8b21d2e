"use client";

import { useActionState } from "react";

import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { createCodebookAction } from "@/lib/actions/create-codebook";
import type { CodebookPresetSummary } from "@/lib/codebooks/presets";

type PresetPickerProps = { workspaceId: string; presets: CodebookPresetSummary[] };

export function PresetPicker({ workspaceId, presets }: PresetPickerProps) {
  const [state, formAction, isPending] = useActionState(createCodebookAction, null);
  const failed = state && !state.ok ? state : null;

  return (
    <div className="flex flex-col gap-3">
      <FormMessage message={failed?.message} />
      <ul className="flex flex-col gap-3" aria-label="Presets">
        {presets.map((preset) => {
          const headingId = `preset-${preset.key}`;
          return (
            <li key={preset.key}>
              <form
                action={formAction}
                aria-labelledby={headingId}
                className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-4"
              >
                <input type="hidden" name="workspaceId" value={workspaceId} />
                <input type="hidden" name="presetKey" value={preset.key} />
                <h2 id={headingId} className="text-lg font-medium">
                  {preset.name}
                </h2>
                <p className="text-sm text-stone-800">{preset.description}</p>
                <p className="text-sm text-stone-600">
                  {preset.dimensionCount} dimension{preset.dimensionCount === 1 ? "" : "s"},{" "}
                  {preset.labelCount} labels
                </p>
                <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="font-medium">Source</dt>
                  <dd className="text-stone-700">{preset.source}</dd>
                  <dt className="font-medium">Licence</dt>
                  <dd className="text-stone-700">{preset.licence}</dd>
                </dl>
                <div>
                  <Button type="submit" disabled={isPending} aria-describedby={headingId}>
                    {isPending ? "Creating…" : `Create “${preset.name}”`}
                  </Button>
                </div>
              </form>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
