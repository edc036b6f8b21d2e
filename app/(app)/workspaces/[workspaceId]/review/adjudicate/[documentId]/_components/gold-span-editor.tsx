"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { nextWordEdge } from "@/lib/anchoring/snap-to-words";
import type { CodebookView } from "@/lib/server/codebook/get-default-codebook";

import { LabelPicker } from "./label-picker";

export type GoldSpanValues = { start16: number; end16: number; labelIds: string[]; reason: string };

type GoldSpanEditorProps = {
  heading: string;
  text: string;
  codebook: CodebookView;
  initial: Omit<GoldSpanValues, "reason">;
  error: string | null;
  isSaving: boolean;
  saveLabel: string;
  onSave: (values: GoldSpanValues) => void;
  onCancel: () => void;
};

// The lead's version of a span for the gold set: its passage (moved a word at a time),
// its labels and the reason. Escape cancels; nothing is saved until "Save".
export function GoldSpanEditor({
  heading,
  text,
  codebook,
  initial,
  error,
  isSaving,
  saveLabel,
  onSave,
  onCancel,
}: GoldSpanEditorProps) {
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [span, setSpan] = useState({ start16: initial.start16, end16: initial.end16 });
  const [labelIds, setLabelIds] = useState(initial.labelIds);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>("button, input")?.focus();
  }, []);

  function move(edge: "start" | "end", direction: 1 | -1) {
    const next = nextWordEdge(text, edge === "start" ? span.start16 : span.end16, direction);
    const candidate = edge === "start" ? { ...span, start16: next } : { ...span, end16: next };
    if (
      candidate.end16 <= candidate.start16 ||
      text.slice(candidate.start16, candidate.end16).trim() === ""
    ) {
      setNote("A highlight needs at least one word.");
      return;
    }
    // Whitespace at the edges is not part of the passage.
    const slice = text.slice(candidate.start16, candidate.end16);
    setSpan({
      start16: candidate.start16 + (slice.length - slice.trimStart().length),
      end16: candidate.end16 - (slice.length - slice.trimEnd().length),
    });
    setNote(null);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSave({ ...span, labelIds, reason });
  }

  return (
    <form
      ref={formRef}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
      className="flex flex-col gap-3 rounded-lg border-2 border-sky-800 bg-white p-3 text-sm"
      data-testid="gold-editor"
    >
      <h3 id={titleId} className="font-semibold">
        {heading}
      </h3>
      <blockquote aria-live="polite" className="border-l-4 border-stone-300 pl-2 font-serif">
        {text.slice(span.start16, span.end16)}
      </blockquote>
      <fieldset className="flex flex-col gap-1">
        <legend className="font-semibold">Passage</legend>
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => move("start", -1)}>
            Start a word earlier
          </Button>
          <Button variant="secondary" onClick={() => move("start", 1)}>
            Start a word later
          </Button>
          <Button variant="secondary" onClick={() => move("end", -1)}>
            End a word earlier
          </Button>
          <Button variant="secondary" onClick={() => move("end", 1)}>
            End a word later
          </Button>
        </div>
      </fieldset>
      <LabelPicker codebook={codebook} labelIds={labelIds} onChange={setLabelIds} name={titleId} />
      <div className="flex flex-col gap-1">
        <label htmlFor={`${titleId}-reason`} className="font-semibold">
          Reason (optional)
        </label>
        <input
          id={`${titleId}-reason`}
          value={reason}
          maxLength={1000}
          onChange={(event) => setReason(event.target.value)}
          className="rounded-md border border-stone-400 px-2 py-1"
        />
      </div>
      <div role="alert" aria-live="assertive" className="text-red-800">
        {error || note ? <p>{error ?? note}</p> : null}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSaving}>
          {isSaving ? "Saving…" : saveLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
