"use client";

import { ColorSwatch } from "./codebook-status";
import { isPaletteColor, paletteGroups } from "./palette-options";

type ColorSelectProps = {
  id: string;
  label: string;
  value: string;
  errors?: string[];
  onChange: (value: string) => void;
};

// A colour from the colour-blind-safe palettes (lib/codebooks/palettes.ts). A colour that
// came in with an imported file stays selectable, marked as outside the palettes.
export function ColorSelect({ id, label, value, errors, onChange }: ColorSelectProps) {
  const isCustom = value !== "" && !isPaletteColor(value);

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <ColorSwatch color={value} className="size-5" />
        <select
          id={id}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={errors && errors.length > 0 ? true : undefined}
          aria-describedby={`${id}-error`}
          className="min-w-0 flex-1 rounded-md border border-stone-400 bg-white px-2 py-1 text-sm"
        >
          {isCustom ? <option value={value}>Outside the palettes ({value})</option> : null}
          {paletteGroups.map((group) => (
            <optgroup key={group.group} label={group.group}>
              {group.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.name} ({option.value})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-800">
        {errors?.map((error) => (
          <p key={error}>{error}</p>
        ))}
      </div>
    </div>
  );
}
