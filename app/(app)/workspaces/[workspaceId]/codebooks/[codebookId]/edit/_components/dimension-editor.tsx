"use client";

import { ColorSelect } from "@/components/codebook/color-select";
import { Button } from "@/components/ui/button";
import { FieldShell, TextAreaField, TextField } from "@/components/ui/field";
import type { DimensionFieldType, DimensionScope } from "@/lib/codebooks/preset-types";

import { move, newLabel, toKey, type EditorDimension, type EditorLabel } from "./editor-state";
import { LabelEditor } from "./label-editor";

type DimensionEditorProps = {
  dimension: EditorDimension;
  index: number;
  count: number;
  errorsAt: (location: string) => string[] | undefined;
  onChange: (change: (dimension: EditorDimension) => EditorDimension) => void;
  onMove: (to: number, focusId: string) => void;
  onRemove: () => void;
  onStatus: (message: string) => void;
  onFocus: (id: string) => void;
};

const fieldTypeChoices: { value: DimensionFieldType; name: string }[] = [
  { value: "labels", name: "Labels" },
  { value: "ordinal", name: "Ordinal scale (one label, ordered)" },
  { value: "target", name: "Labels about a named target (stance toward…)" },
  { value: "text", name: "Free text (no labels)" },
  { value: "link", name: "Labels linked to another highlight (source of…)" },
];

const scopeChoices: { value: DimensionScope; name: string }[] = [
  { value: "span", name: "A highlighted passage" },
  { value: "document", name: "The whole document" },
];

const selectClass = "rounded-md border border-stone-400 bg-white px-3 py-2";

export function DimensionEditor({
  dimension,
  index,
  count,
  errorsAt,
  onChange,
  onMove,
  onRemove,
  onStatus,
  onFocus,
}: DimensionEditorProps) {
  const at = `dimensions[${index}]`;
  const headingId = `${dimension.uid}-heading`;
  const title = dimension.name || `Dimension ${index + 1}`;

  function set(change: Partial<EditorDimension>) {
    onChange((current) => ({ ...current, ...change }));
  }

  function updateLabel(uid: string, change: Partial<EditorLabel>) {
    onChange((current) => ({
      ...current,
      labels: current.labels.map((label) => (label.uid === uid ? { ...label, ...change } : label)),
    }));
  }

  function addLabel() {
    const label = newLabel(dimension.labels, dimension.color);
    onChange((current) => ({ ...current, labels: [...current.labels, label] }));
    onFocus(`${label.uid}-name`);
  }

  function removeLabel(labelIndex: number) {
    const label = dimension.labels[labelIndex];
    onChange((current) => ({
      ...current,
      labels: current.labels
        .filter((_, position) => position !== labelIndex)
        .map((other) => (other.parent === label?.key ? { ...other, parent: "" } : other)),
    }));
    onStatus(
      `Removed the label “${label?.name ?? ""}”.${label && label.usage > 0 ? ` It is on ${label.usage} highlight${label.usage === 1 ? "" : "s"}: publishing will ask where they go.` : ""}`,
    );
    onFocus(`${dimension.uid}-add-label`);
  }

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-stone-300 bg-white p-4"
      data-testid={`dimension-editor-${dimension.key || dimension.uid}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="flex items-center gap-2 text-lg font-semibold">
          <span
            aria-hidden="true"
            className="inline-block size-3 rounded-full border border-stone-400"
            style={{ backgroundColor: dimension.color }}
          />
          Dimension: {title}
        </h2>
        <div className="flex flex-wrap gap-1">
          <Button
            id={`${dimension.uid}-up`}
            variant="ghost"
            disabled={index === 0}
            aria-label={`Move ${title} up`}
            onClick={() => onMove(index - 1, `${dimension.uid}-up`)}
          >
            ↑ Up
          </Button>
          <Button
            id={`${dimension.uid}-down`}
            variant="ghost"
            disabled={index === count - 1}
            aria-label={`Move ${title} down`}
            onClick={() => onMove(index + 1, `${dimension.uid}-down`)}
          >
            ↓ Down
          </Button>
          <Button variant="danger" aria-label={`Remove ${title}`} onClick={onRemove}>
            Remove
          </Button>
        </div>
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          id={`${dimension.uid}-name`}
          label="Name"
          value={dimension.name}
          onChange={(event) =>
            set({
              name: event.target.value,
              ...(dimension.isKeyAuto ? { key: toKey(event.target.value) } : {}),
            })
          }
          errors={errorsAt(`${at}.name`)}
        />
        <TextField
          id={`${dimension.uid}-key`}
          label="Key"
          hint={
            dimension.isKeyLocked
              ? "Fixed: highlights find their labels by it in the next version."
              : "Used in exports; stays the same once saved."
          }
          value={dimension.key}
          readOnly={dimension.isKeyLocked}
          onChange={(event) => set({ key: event.target.value, isKeyAuto: false })}
          errors={errorsAt(`${at}.key`)}
        />
      </div>
      <TextAreaField
        id={`${dimension.uid}-description`}
        label="Description"
        rows={2}
        value={dimension.description}
        onChange={(event) => set({ description: event.target.value })}
        errors={errorsAt(`${at}.description`)}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <FieldShell
          id={`${dimension.uid}-scope`}
          label="Applies to"
          errors={errorsAt(`${at}.scope`)}
        >
          <select
            id={`${dimension.uid}-scope`}
            value={dimension.scope}
            onChange={(event) => set({ scope: event.target.value as DimensionScope })}
            aria-describedby={`${dimension.uid}-scope-error`}
            className={selectClass}
          >
            {scopeChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.name}
              </option>
            ))}
          </select>
        </FieldShell>
        <FieldShell
          id={`${dimension.uid}-fieldType`}
          label="Answered with"
          errors={errorsAt(`${at}.fieldType`)}
        >
          <select
            id={`${dimension.uid}-fieldType`}
            value={dimension.fieldType}
            onChange={(event) => set({ fieldType: event.target.value as DimensionFieldType })}
            aria-describedby={`${dimension.uid}-fieldType-error`}
            className={selectClass}
          >
            {fieldTypeChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.name}
              </option>
            ))}
          </select>
        </FieldShell>
      </div>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <label className="flex items-center gap-2 text-sm">
          <input
            id={`${dimension.uid}-multiple`}
            type="checkbox"
            checked={dimension.multiple}
            onChange={(event) => set({ multiple: event.target.checked })}
          />
          Several labels per highlight
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input
            id={`${dimension.uid}-required`}
            type="checkbox"
            checked={dimension.required}
            onChange={(event) => set({ required: event.target.checked })}
          />
          Required
        </label>
      </div>
      {errorsAt(`${at}.multiple`) ? (
        <p className="text-sm text-red-800">{errorsAt(`${at}.multiple`)?.join(" ")}</p>
      ) : null}
      <ColorSelect
        id={`${dimension.uid}-color`}
        label="Colour (labels without their own use it)"
        value={dimension.color}
        onChange={(color) => set({ color })}
        errors={errorsAt(`${at}.color`)}
      />

      {dimension.fieldType === "text" ? (
        <p className="text-sm text-stone-700">
          Free-text dimensions have no labels{dimension.labels.length > 0 ? ": remove them" : ""}.
        </p>
      ) : null}
      <h3 className="text-base font-semibold">Labels of {title}</h3>
      <ol className="flex flex-col gap-2" aria-label={`Labels of ${title}`}>
        {dimension.labels.map((label, labelIndex) => (
          <LabelEditor
            key={label.uid}
            label={label}
            index={labelIndex}
            count={dimension.labels.length}
            at={`${at}.labels[${labelIndex}]`}
            isOrdinal={dimension.fieldType === "ordinal"}
            siblings={dimension.labels}
            errorsAt={errorsAt}
            onChange={(change) => updateLabel(label.uid, change)}
            onMove={(to, focusId) => {
              onChange((current) => ({ ...current, labels: move(current.labels, labelIndex, to) }));
              onFocus(focusId);
            }}
            onRemove={() => removeLabel(labelIndex)}
          />
        ))}
      </ol>
      <div className="flex flex-col gap-1">
        <Button
          id={`${dimension.uid}-add-label`}
          variant="secondary"
          className="self-start"
          onClick={addLabel}
        >
          Add a label to {title}
        </Button>
        {errorsAt(`${at}.labels`) && dimension.labels.length === 0 ? (
          <p className="text-sm text-red-800">{errorsAt(`${at}.labels`)?.join(" ")}</p>
        ) : null}
      </div>
    </section>
  );
}
