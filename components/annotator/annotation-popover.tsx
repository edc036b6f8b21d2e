"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";

import { Button } from "@/components/ui/button";
import { assignLabelKeys, findLabelForKey } from "@/lib/annotator/label-keys";
import { findMissingRequired, hasValueField, type FieldValue } from "@/lib/codebooks/field-values";
import { limits } from "@/lib/validations/limits";

import {
  emptyFieldDraft,
  LinkField,
  TargetFields,
  TextValueField,
  type FieldDraft,
  type LinkCandidate,
} from "./field-inputs";
import type { AnnotatorCodebook } from "./types";

export type PopoverValues = {
  labelIds: string[];
  comment: string;
  confidence: number | null;
  // Typed field values (target and holder, text, link), one per dimension key.
  values: FieldValue[];
};

type PopoverDimension = AnnotatorCodebook["dimensions"][number];

// An ordinal dimension's labels best first: by rating where labels have one (labels off
// the scale last), else in codebook order, which lists the best first.
function orderScale(dimension: PopoverDimension) {
  if (
    dimension.fieldType !== "ORDINAL" ||
    !dimension.labels.some((label) => label.rating !== null)
  ) {
    return dimension.labels;
  }
  return [...dimension.labels].sort(
    (a, b) => (b.rating ?? Number.NEGATIVE_INFINITY) - (a.rating ?? Number.NEGATIVE_INFINITY),
  );
}

function toDrafts(values: readonly FieldValue[]): Record<string, FieldDraft> {
  return Object.fromEntries(
    values.map((value) => [
      value.dimensionKey,
      {
        text: value.text ?? "",
        target: value.target ?? "",
        holder: value.holder ?? "",
        linkedAnnotationId: value.linkedAnnotationId ?? "",
      },
    ]),
  );
}

function orNull(value: string): string | null {
  return value.trim() === "" ? null : value.trim();
}

type AnnotationPopoverProps = {
  codebook: AnnotatorCodebook;
  quote: string;
  initial: PopoverValues;
  mode: "create" | "edit";
  // Where to show it, in page coordinates (below the selection).
  position: { top: number; left: number };
  error: string | null;
  // Something changed under the popover (the text was edited): said, not an error.
  notice?: string | null;
  isSaving: boolean;
  onSave: (values: PopoverValues) => void;
  onClose: () => void;
  // Editing only: move the highlight's start or end by a word.
  onAdjustSpan?: (edge: "start" | "end", direction: 1 | -1) => void;
  // The codebook editor's live preview: shown without taking the keyboard focus.
  isPreview?: boolean;
  // Other highlights of the document a link field may point at.
  linkCandidates?: readonly LinkCandidate[];
  // Targets already named in this document, offered as suggestions.
  targetSuggestions?: readonly string[];
};

const confidenceChoices = [
  { value: "", name: "Not stated" },
  { value: "1", name: "Unsure" },
  { value: "2", name: "Fairly sure" },
  { value: "3", name: "Sure" },
];

export function AnnotationPopover({
  codebook,
  quote,
  initial,
  mode,
  position,
  error,
  notice = null,
  isSaving,
  onSave,
  onClose,
  onAdjustSpan,
  isPreview = false,
  linkCandidates = [],
  targetSuggestions = [],
}: AnnotationPopoverProps) {
  const titleId = useId();
  const dialogRef = useRef<HTMLFormElement>(null);
  const [labelIds, setLabelIds] = useState<string[]>(initial.labelIds);
  const [comment, setComment] = useState(initial.comment);
  const [focusedLabelId, setFocusedLabelId] = useState<string | null>(null);
  const [confidence, setConfidence] = useState(
    initial.confidence === null ? "" : String(initial.confidence),
  );
  const [fields, setFields] = useState<Record<string, FieldDraft>>(() => toDrafts(initial.values));
  const [missing, setMissing] = useState<string | null>(null);

  useEffect(() => {
    if (isPreview) {
      return;
    }
    dialogRef.current?.querySelector<HTMLElement>("input, textarea, button")?.focus();
  }, [isPreview]);

  function pick(dimensionId: string, labelId: string, multiple: boolean, checked: boolean) {
    const dimension = codebook.dimensions.find((candidate) => candidate.id === dimensionId);
    const inDimension = new Set(dimension?.labels.map((label) => label.id));

    setLabelIds((current) => {
      if (multiple) {
        return checked ? [...current, labelId] : current.filter((id) => id !== labelId);
      }
      const others = current.filter((id) => !inDimension.has(id));
      return labelId ? [...others, labelId] : others;
    });
  }

  const focusedLabel = codebook.dimensions
    .flatMap((dimension) => dimension.labels)
    .find((label) => label.id === focusedLabelId);

  // Each label's page in the codebook: definition, examples, counter-examples.
  const guidelinesHref = (labelId: string) =>
    `/workspaces/${codebook.workspaceId}/codebooks/${codebook.id}/labels/${labelId}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const values: FieldValue[] = codebook.dimensions
      .filter((dimension) => hasValueField(dimension.fieldType))
      .map((dimension) => {
        const draft = fields[dimension.key] ?? emptyFieldDraft;
        return {
          dimensionKey: dimension.key,
          text: dimension.fieldType === "TEXT" ? orNull(draft.text) : null,
          target: dimension.fieldType === "TARGET" ? orNull(draft.target) : null,
          holder: dimension.fieldType === "TARGET" ? orNull(draft.holder) : null,
          linkedAnnotationId:
            dimension.fieldType === "LINK" ? orNull(draft.linkedAnnotationId) : null,
        };
      })
      .filter((value) => value.text ?? value.target ?? value.holder ?? value.linkedAnnotationId);
    // The server checks the same; saying it here keeps the popover open with the choices.
    const gaps = findMissingRequired(codebook.dimensions, labelIds, values);
    if (gaps.length > 0) {
      setMissing(gaps.map((gap) => gap.message).join(" "));
      return;
    }
    setMissing(null);
    onSave({
      labelIds,
      comment,
      confidence: confidence === "" ? null : Number(confidence),
      values,
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
      return;
    }

    const target = event.target as HTMLElement;

    // On a label choice, "?" opens that label's guidelines in a new tab.
    if (event.key === "?" && target instanceof HTMLInputElement && target.value) {
      const label = codebook.dimensions
        .flatMap((dimension) => dimension.labels)
        .find((candidate) => candidate.id === target.value);
      if (label) {
        event.preventDefault();
        window.open(guidelinesHref(label.id), "_blank", "noopener,noreferrer");
        return;
      }
    }

    // On a label choice, a label's shortcut picks it; labels without one answer to
    // their position 1–9 (lib/annotator/label-keys.ts).
    const dimension = codebook.dimensions.find(
      (candidate) => candidate.id === target.dataset.dimensionId,
    );
    if (
      dimension &&
      target instanceof HTMLInputElement &&
      event.key.length === 1 &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      const labelId = findLabelForKey(assignLabelKeys(dimension.labels), event.key);
      const choice = labelId
        ? target
            .closest("fieldset")
            ?.querySelector<HTMLInputElement>(`input[value="${CSS.escape(labelId)}"]`)
        : null;
      if (choice) {
        event.preventDefault();
        if (!(choice.type === "radio" && choice.checked)) {
          choice.click();
        }
        choice.focus();
      }
    }
  }

  return (
    <form
      ref={dialogRef}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onSubmit={onSubmit}
      onKeyDown={onKeyDown}
      className="absolute z-20 flex max-h-[70vh] w-[min(28rem,calc(100vw-2rem))] flex-col gap-3 overflow-y-auto rounded-lg border border-stone-400 bg-white p-4 font-sans text-base shadow-xl"
      style={{ top: position.top, left: position.left }}
      data-testid="annotation-popover"
    >
      <div>
        <h2 id={titleId} className="text-base font-semibold">
          {mode === "create" ? "Tag this passage" : "Edit highlight"}
        </h2>
        <blockquote
          aria-live="polite"
          className="mt-1 line-clamp-3 border-l-4 border-stone-300 pl-2 font-serif text-sm text-stone-700"
        >
          {quote}
        </blockquote>
      </div>

      <div role="status" aria-live="polite">
        {notice ? (
          <p
            className="rounded border border-amber-700 bg-amber-50 p-2 text-sm"
            data-testid="popover-notice"
          >
            {notice}
          </p>
        ) : null}
      </div>

      {onAdjustSpan ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-semibold">Passage</legend>
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => onAdjustSpan("start", -1)}>
              Start a word earlier
            </Button>
            <Button variant="secondary" onClick={() => onAdjustSpan("start", 1)}>
              Start a word later
            </Button>
            <Button variant="secondary" onClick={() => onAdjustSpan("end", -1)}>
              End a word earlier
            </Button>
            <Button variant="secondary" onClick={() => onAdjustSpan("end", 1)}>
              End a word later
            </Button>
          </div>
        </fieldset>
      ) : null}

      {/* One fixed-height place for the definition: showing it beside each group
          would move the choices under the pointer. */}
      <p
        className="min-h-8 rounded bg-stone-100 px-2 py-1 text-xs text-stone-800"
        data-testid="label-description"
      >
        {focusedLabel ? (
          <>
            <strong>{focusedLabel.name}:</strong> {focusedLabel.description}
            {focusedLabel.examples[0] ? (
              <span className="block italic">Example: “{focusedLabel.examples[0]}”</span>
            ) : null}
          </>
        ) : (
          "Hover over or focus a label to read its definition. The key beside a label picks it."
        )}
      </p>
      {/* The focused label's guideline page; one line that never changes height, so the
          choices below do not move under the pointer. */}
      <p className="h-5 shrink-0 truncate text-xs" data-testid="label-guidelines">
        {focusedLabel ? (
          <a
            href={guidelinesHref(focusedLabel.id)}
            target="_blank"
            rel="noopener noreferrer"
            className="text-sky-800 underline"
          >
            Guidelines for {focusedLabel.name} <kbd>(?)</kbd>
          </a>
        ) : (
          <span className="text-stone-600">On a label, ? opens its guidelines.</span>
        )}
      </p>

      {codebook.dimensions.map((dimension) => {
        const keys = assignLabelKeys(dimension.labels);
        const isScale = dimension.fieldType === "ORDINAL";
        const labels = orderScale(dimension);
        const field = fields[dimension.key] ?? emptyFieldDraft;
        const setField = (value: FieldDraft) =>
          setFields((current) => ({ ...current, [dimension.key]: value }));
        const fieldId = `${titleId}-field-${dimension.id}`;
        return (
          <fieldset
            key={dimension.id}
            className="flex flex-col gap-1"
            data-testid={`dimension-${dimension.key}`}
          >
            <legend className="text-sm font-semibold">
              {dimension.name}
              <span className="font-normal text-stone-600">
                {dimension.multiple ? " (any that apply)" : ""}
                {dimension.required ? " (required)" : ""}
                {isScale ? " (scale, best first)" : ""}
              </span>
            </legend>
            {dimension.fieldType === "TEXT" ? (
              <TextValueField
                idBase={fieldId}
                dimensionName={dimension.name}
                value={field}
                onChange={setField}
              />
            ) : (
              <>
                <p className="sr-only">The key shown beside a label picks it.</p>
                <div
                  className={isScale ? "flex flex-col gap-0.5" : "flex flex-wrap gap-x-3 gap-y-1"}
                >
                  {dimension.multiple ? null : (
                    <label className="flex items-center gap-1 text-sm text-stone-600">
                      <input
                        type="radio"
                        name={`dimension-${dimension.id}`}
                        data-dimension-id={dimension.id}
                        onFocus={() => setFocusedLabelId(null)}
                        checked={!dimension.labels.some((label) => labelIds.includes(label.id))}
                        onChange={() => pick(dimension.id, "", false, true)}
                      />
                      None
                    </label>
                  )}
                  {labels.map((label, index) => {
                    const key = keys.get(label.id);
                    const end =
                      isScale && labels.length > 1
                        ? index === 0
                          ? "best"
                          : index === labels.length - 1
                            ? "worst"
                            : null
                        : null;
                    return (
                      <label
                        key={label.id}
                        className="flex items-center gap-1 text-sm"
                        title={label.description}
                        onMouseEnter={() => setFocusedLabelId(label.id)}
                      >
                        <input
                          type={dimension.multiple ? "checkbox" : "radio"}
                          name={`dimension-${dimension.id}`}
                          value={label.id}
                          data-dimension-id={dimension.id}
                          aria-keyshortcuts={key}
                          aria-describedby={`${titleId}-label-${label.id}`}
                          onFocus={() => setFocusedLabelId(label.id)}
                          checked={labelIds.includes(label.id)}
                          onChange={(event) =>
                            pick(dimension.id, label.id, dimension.multiple, event.target.checked)
                          }
                        />
                        <span
                          aria-hidden="true"
                          className="inline-block size-2.5 rounded-full"
                          style={{ backgroundColor: label.color }}
                        />
                        {label.name}
                        {end ? <span className="text-xs text-stone-600">({end})</span> : null}
                        {key ? (
                          <kbd
                            aria-hidden="true"
                            className="rounded border border-stone-300 px-1 text-xs text-stone-600"
                          >
                            {key.toUpperCase()}
                          </kbd>
                        ) : null}
                        <span id={`${titleId}-label-${label.id}`} hidden>
                          {label.description}
                        </span>
                      </label>
                    );
                  })}
                </div>
                {dimension.fieldType === "TARGET" ? (
                  <TargetFields
                    idBase={fieldId}
                    dimensionName={dimension.name}
                    value={field}
                    suggestions={targetSuggestions}
                    onChange={setField}
                  />
                ) : null}
                {dimension.fieldType === "LINK" ? (
                  <LinkField
                    idBase={fieldId}
                    dimensionName={dimension.name}
                    value={field}
                    candidates={linkCandidates}
                    onChange={setField}
                  />
                ) : null}
              </>
            )}
          </fieldset>
        );
      })}

      <div className="flex flex-col gap-1">
        <label htmlFor="annotation-comment" className="text-sm font-semibold">
          Comment
        </label>
        <textarea
          id="annotation-comment"
          value={comment}
          maxLength={limits.commentMax}
          onChange={(event) => setComment(event.target.value)}
          rows={3}
          className="rounded-md border border-stone-400 px-2 py-1 text-sm"
        />
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor="annotation-confidence" className="text-sm font-semibold">
          Confidence
        </label>
        <select
          id="annotation-confidence"
          value={confidence}
          onChange={(event) => setConfidence(event.target.value)}
          className="rounded-md border border-stone-400 px-2 py-1 text-sm"
        >
          {confidenceChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.name}
            </option>
          ))}
        </select>
      </div>

      <div role="alert" aria-live="assertive" className="text-sm text-red-800">
        {missing ? <p>{missing}</p> : null}
        {error ? <p>{error}</p> : null}
      </div>

      <div className="flex gap-2">
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Saving…" : "Save highlight"}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
