"use client";

import { useState } from "react";

import { ColorSelect } from "@/components/codebook/color-select";
import { Button } from "@/components/ui/button";
import { FieldShell, TextAreaField, TextField } from "@/components/ui/field";

import { toKey, type EditorLabel } from "./editor-state";

type LabelEditorProps = {
  label: EditorLabel;
  index: number;
  count: number;
  // Its path in the codebook file, for its problems: "dimensions[0].labels[2]".
  at: string;
  isOrdinal: boolean;
  siblings: EditorLabel[];
  errorsAt: (location: string) => string[] | undefined;
  onChange: (change: Partial<EditorLabel>) => void;
  onMove: (to: number, focusId: string) => void;
  onRemove: () => void;
};

export function LabelEditor({
  label,
  index,
  count,
  at,
  isOrdinal,
  siblings,
  errorsAt,
  onChange,
  onMove,
  onRemove,
}: LabelEditorProps) {
  const title = label.name || `Label ${index + 1}`;
  const hasProblems = errorsAt(at) !== undefined;
  // New labels and labels with problems are open until the person opens or closes them.
  const [isOpenByPerson, setIsOpen] = useState<boolean | null>(null);
  const isOpen = isOpenByPerson ?? (label.id === null || hasProblems);

  return (
    <li
      className="rounded-md border border-stone-300"
      data-testid={`label-editor-${label.isKeyLocked ? label.key : label.uid}`}
    >
      <details
        open={isOpen}
        onToggle={(event) => setIsOpen(event.currentTarget.open)}
        className="group"
      >
        <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
          <span
            aria-hidden="true"
            className="inline-block size-2.5 rounded-full"
            style={{ backgroundColor: label.color }}
          />
          <span className="font-medium">{title}</span>
          <span className="text-xs text-stone-600">
            {label.key ? <code>{label.key}</code> : "no key yet"}
            {label.shortcut ? ` · key ${label.shortcut}` : ""}
            {label.usage > 0 ? ` · ${label.usage} highlight${label.usage === 1 ? "" : "s"}` : ""}
          </span>
          {hasProblems ? (
            <span className="text-xs font-semibold text-red-800">needs fixing</span>
          ) : null}
        </summary>
        <fieldset className="flex flex-col gap-3 border-t border-stone-200 p-3">
          <legend className="sr-only">Label {title}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              id={`${label.uid}-name`}
              label="Name"
              value={label.name}
              onChange={(event) =>
                onChange({
                  name: event.target.value,
                  ...(label.isKeyAuto ? { key: toKey(event.target.value) } : {}),
                })
              }
              errors={errorsAt(`${at}.name`)}
            />
            <TextField
              id={`${label.uid}-key`}
              label="Key"
              hint={
                label.isKeyLocked
                  ? "Fixed here; change it with Rename, which moves the highlights."
                  : "Used in exports; stays the same once saved."
              }
              value={label.key}
              readOnly={label.isKeyLocked}
              onChange={(event) => onChange({ key: event.target.value, isKeyAuto: false })}
              errors={errorsAt(`${at}.key`)}
            />
          </div>
          <TextAreaField
            id={`${label.uid}-description`}
            label="Definition"
            rows={2}
            value={label.description}
            onChange={(event) => onChange({ description: event.target.value })}
            errors={errorsAt(`${at}.description`)}
          />
          <div className="grid gap-3 sm:grid-cols-2">
            <TextAreaField
              id={`${label.uid}-examples`}
              label="Examples (one per line)"
              rows={3}
              value={label.examples}
              onChange={(event) => onChange({ examples: event.target.value })}
              errors={errorsAt(`${at}.examples`)}
            />
            <TextAreaField
              id={`${label.uid}-counterExamples`}
              label="Counter-examples (one per line)"
              rows={3}
              value={label.counterExamples}
              onChange={(event) => onChange({ counterExamples: event.target.value })}
              errors={errorsAt(`${at}.counterExamples`)}
            />
          </div>
          <div className="grid gap-3 sm:grid-cols-3">
            <TextField
              id={`${label.uid}-shortcut`}
              label="Shortcut"
              hint="One letter or digit."
              maxLength={1}
              value={label.shortcut}
              onChange={(event) => onChange({ shortcut: event.target.value })}
              errors={errorsAt(`${at}.shortcut`)}
            />
            <FieldShell
              id={`${label.uid}-parent`}
              label="Part of"
              errors={errorsAt(`${at}.parent`)}
            >
              <select
                id={`${label.uid}-parent`}
                value={label.parent}
                onChange={(event) => onChange({ parent: event.target.value })}
                aria-describedby={`${label.uid}-parent-error`}
                className="rounded-md border border-stone-400 bg-white px-3 py-2"
              >
                <option value="">No parent</option>
                {label.parent && !siblings.some((other) => other.key === label.parent) ? (
                  <option value={label.parent}>{label.parent} (missing)</option>
                ) : null}
                {siblings
                  .filter((other) => other.uid !== label.uid && other.key)
                  .map((other) => (
                    <option key={other.uid} value={other.key}>
                      {other.name || other.key}
                    </option>
                  ))}
              </select>
            </FieldShell>
            {isOrdinal ? (
              <TextField
                id={`${label.uid}-rating`}
                label="Rating (higher is better)"
                hint="Empty: off the scale."
                inputMode="numeric"
                value={label.rating}
                onChange={(event) => onChange({ rating: event.target.value })}
                errors={errorsAt(`${at}.rating`)}
              />
            ) : null}
          </div>
          <ColorSelect
            id={`${label.uid}-color`}
            label="Colour"
            value={label.color}
            onChange={(color) => onChange({ color })}
            errors={errorsAt(`${at}.color`)}
          />
          <div className="flex flex-wrap gap-1">
            <Button
              id={`${label.uid}-up`}
              variant="ghost"
              disabled={index === 0}
              aria-label={`Move ${title} up`}
              onClick={() => onMove(index - 1, `${label.uid}-up`)}
            >
              ↑ Up
            </Button>
            <Button
              id={`${label.uid}-down`}
              variant="ghost"
              disabled={index === count - 1}
              aria-label={`Move ${title} down`}
              onClick={() => onMove(index + 1, `${label.uid}-down`)}
            >
              ↓ Down
            </Button>
            <Button variant="danger" aria-label={`Remove ${title}`} onClick={onRemove}>
              {label.usage > 0
                ? `Remove (on ${label.usage} highlight${label.usage === 1 ? "" : "s"})`
                : "Remove"}
            </Button>
          </div>
        </fieldset>
      </details>
    </li>
  );
}
