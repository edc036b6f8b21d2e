"use client";

import { useId, useState, type FormEvent } from "react";

import { Button } from "@/components/ui/button";
import { requestJson } from "@/lib/client/request-json";
import type { DocumentDimensionView } from "@/lib/server/codebook/get-document-dimensions";
import type { DocumentAnswerView } from "@/lib/server/document-answer/document-answer-view";
import { limits } from "@/lib/validations/limits";

type DocumentAnswersProps = {
  documentId: string;
  dimensions: DocumentDimensionView[];
  initialAnswers: DocumentAnswerView[];
  currentUserId: string;
  canAnswer: boolean;
};

// The "Whole document" panel: the codebook's document-scope dimensions (genre, frames,
// overall verdict), each answered once per person; other people's answers below, as the
// class rules let this person see them (the server filters them).
export function DocumentAnswers({
  documentId,
  dimensions,
  initialAnswers,
  currentUserId,
  canAnswer,
}: DocumentAnswersProps) {
  const headingId = useId();
  const [answers, setAnswers] = useState(initialAnswers);

  if (dimensions.length === 0) {
    return null;
  }

  function onSaved(dimensionKey: string, answer: DocumentAnswerView | null) {
    setAnswers((current) => [
      ...current.filter(
        (item) => !(item.dimensionKey === dimensionKey && item.author.id === currentUserId),
      ),
      ...(answer ? [answer] : []),
    ]);
  }

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-md border border-stone-300 bg-white p-4"
      data-testid="document-answers"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        Whole document
      </h2>
      {dimensions.map((dimension) => (
        <DimensionAnswer
          key={dimension.id}
          documentId={documentId}
          dimension={dimension}
          own={answers.find(
            (item) => item.dimensionKey === dimension.key && item.author.id === currentUserId,
          )}
          others={answers.filter(
            (item) => item.dimensionKey === dimension.key && item.author.id !== currentUserId,
          )}
          canAnswer={canAnswer}
          onSaved={onSaved}
        />
      ))}
    </section>
  );
}

type DimensionAnswerProps = {
  documentId: string;
  dimension: DocumentDimensionView;
  own: DocumentAnswerView | undefined;
  others: DocumentAnswerView[];
  canAnswer: boolean;
  onSaved: (dimensionKey: string, answer: DocumentAnswerView | null) => void;
};

function DimensionAnswer({
  documentId,
  dimension,
  own,
  others,
  canAnswer,
  onSaved,
}: DimensionAnswerProps) {
  const id = useId();
  const [labelIds, setLabelIds] = useState<string[]>(own?.labelIds ?? []);
  const [text, setText] = useState(own?.text ?? "");
  const [isSaving, setIsSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const labelName = new Map(dimension.labels.map((label) => [label.id, label.name]));
  const isText = dimension.fieldType === "TEXT";

  function pick(labelId: string, checked: boolean) {
    setLabelIds((current) =>
      dimension.multiple
        ? checked
          ? [...current, labelId]
          : current.filter((item) => item !== labelId)
        : labelId
          ? [labelId]
          : [],
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    const result = await requestJson<{ answer: DocumentAnswerView | null }>(
      `/api/v1/documents/${documentId}/answers`,
      "PUT",
      { dimensionKey: dimension.key, labelIds, text },
    );
    setIsSaving(false);
    if (!result.ok) {
      setMessage({ kind: "error", text: `Not saved: ${result.message}` });
      return;
    }
    onSaved(dimension.key, result.data.answer);
    setMessage({ kind: "ok", text: result.data.answer ? "Answer saved." : "Answer cleared." });
  }

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      className="flex flex-col gap-2 border-t border-stone-200 pt-2 first-of-type:border-t-0"
      data-testid={`document-dimension-${dimension.key}`}
    >
      <fieldset className="flex flex-col gap-1" disabled={!canAnswer}>
        <legend className="text-sm font-semibold">
          {dimension.name}
          <span className="font-normal text-stone-600">
            {dimension.multiple ? " (any that apply)" : ""}
            {dimension.required ? " (required)" : ""}
          </span>
        </legend>
        {dimension.description ? (
          <p className="text-xs text-stone-600">{dimension.description}</p>
        ) : null}
        {isText ? null : (
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {dimension.multiple ? null : (
              <label className="flex items-center gap-1 text-sm text-stone-600">
                <input
                  type="radio"
                  name={`${id}-labels`}
                  checked={labelIds.length === 0}
                  onChange={() => pick("", true)}
                />
                None
              </label>
            )}
            {dimension.labels.map((label) => (
              <label
                key={label.id}
                className="flex items-center gap-1 text-sm"
                title={label.description}
              >
                <input
                  type={dimension.multiple ? "checkbox" : "radio"}
                  name={`${id}-labels`}
                  value={label.id}
                  checked={labelIds.includes(label.id)}
                  onChange={(event) => pick(label.id, event.target.checked)}
                />
                <span
                  aria-hidden="true"
                  className="inline-block size-2.5 rounded-full"
                  style={{ backgroundColor: label.color }}
                />
                {label.name}
              </label>
            ))}
          </div>
        )}
        <label htmlFor={`${id}-text`} className="text-xs font-medium">
          {isText ? `Your ${dimension.name.toLowerCase()}` : "Note (optional)"}
        </label>
        <textarea
          id={`${id}-text`}
          value={text}
          maxLength={limits.fieldTextMax}
          rows={isText ? 3 : 1}
          onChange={(event) => setText(event.target.value)}
          className="rounded-md border border-stone-400 px-2 py-1 text-sm"
        />
      </fieldset>
      {canAnswer ? (
        <div className="flex items-center gap-2">
          <Button type="submit" variant="secondary" disabled={isSaving}>
            {isSaving ? "Saving…" : `Save ${dimension.name}`}
          </Button>
          <p
            role="status"
            aria-live="polite"
            className={`text-sm ${message?.kind === "error" ? "text-red-800" : "text-stone-700"}`}
          >
            {message?.text}
          </p>
        </div>
      ) : null}
      {others.length > 0 ? (
        <ul className="flex flex-col gap-0.5 text-xs text-stone-700" aria-label="Others' answers">
          {others.map((answer) => (
            <li key={answer.id}>
              <span className="font-medium">{answer.author.name}:</span>{" "}
              {[...answer.labelIds.map((labelId) => labelName.get(labelId) ?? "?"), answer.text]
                .filter(Boolean)
                .join(" · ")}
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
