"use client";

import { limits } from "@/lib/validations/limits";

// The typed parts of a dimension in the tag popover (docs/codebooks.md, "Typed fields"):
// a target and stance holder, a free-text value, or a link to another highlight.

export type FieldDraft = {
  text: string;
  target: string;
  holder: string;
  linkedAnnotationId: string;
};

export const emptyFieldDraft: FieldDraft = {
  text: "",
  target: "",
  holder: "",
  linkedAnnotationId: "",
};

export type LinkCandidate = { id: string; exact: string };

const inputClass = "rounded-md border border-stone-400 px-2 py-1 text-sm";

type FieldProps = {
  idBase: string;
  dimensionName: string;
  value: FieldDraft;
  onChange: (value: FieldDraft) => void;
};

type TargetFieldsProps = FieldProps & { suggestions: readonly string[] };

// Free text with the targets already named in this document as suggestions, so people
// write "the council" the same way each time.
export function TargetFields({
  idBase,
  dimensionName,
  value,
  suggestions,
  onChange,
}: TargetFieldsProps) {
  const listId = `${idBase}-targets`;
  return (
    <div className="grid grid-cols-2 gap-2">
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${idBase}-target`} className="text-xs font-medium">
          {dimensionName} target
        </label>
        <input
          id={`${idBase}-target`}
          list={listId}
          value={value.target}
          maxLength={limits.fieldTargetMax}
          placeholder="Who or what"
          onChange={(event) => onChange({ ...value, target: event.target.value })}
          className={inputClass}
        />
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={`${idBase}-holder`} className="text-xs font-medium">
          Stance holder (optional)
        </label>
        <input
          id={`${idBase}-holder`}
          list={listId}
          value={value.holder}
          maxLength={limits.fieldTargetMax}
          placeholder="When it sits in a quote"
          onChange={(event) => onChange({ ...value, holder: event.target.value })}
          className={inputClass}
        />
      </div>
    </div>
  );
}

export function TextValueField({ idBase, dimensionName, value, onChange }: FieldProps) {
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={`${idBase}-text`} className="sr-only">
        {dimensionName}
      </label>
      <textarea
        id={`${idBase}-text`}
        value={value.text}
        maxLength={limits.fieldTextMax}
        rows={2}
        onChange={(event) => onChange({ ...value, text: event.target.value })}
        className={inputClass}
      />
    </div>
  );
}

type LinkFieldProps = FieldProps & { candidates: readonly LinkCandidate[] };

function shorten(text: string): string {
  return text.length > 70 ? `${text.slice(0, 70)}…` : text;
}

// A native select: a listbox people reach with Tab and choose from with the arrow keys
// or by typing the start of a quote.
export function LinkField({ idBase, dimensionName, value, candidates, onChange }: LinkFieldProps) {
  const known = candidates.some((candidate) => candidate.id === value.linkedAnnotationId);
  return (
    <div className="flex flex-col gap-0.5">
      <label htmlFor={`${idBase}-link`} className="text-xs font-medium">
        {dimensionName}: linked highlight
      </label>
      <select
        id={`${idBase}-link`}
        value={value.linkedAnnotationId}
        onChange={(event) => onChange({ ...value, linkedAnnotationId: event.target.value })}
        className={inputClass}
      >
        <option value="">None</option>
        {value.linkedAnnotationId && !known ? (
          <option value={value.linkedAnnotationId}>A highlight not shown here</option>
        ) : null}
        {candidates.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            “{shorten(candidate.exact)}”
          </option>
        ))}
      </select>
      {candidates.length === 0 ? (
        <p className="text-xs text-stone-600">
          No other highlights in this document yet: highlight the source first, then link to it.
        </p>
      ) : null}
    </div>
  );
}
