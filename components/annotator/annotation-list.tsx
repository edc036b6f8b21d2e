"use client";

import { memo, useCallback, useLayoutEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";

import { AnnotationValues } from "./annotation-values";
import type { AnnotatorLabel, ReaderAnnotation } from "./types";

// Long lists render in pages: the first page goes into the server HTML, the rest on request.
const pageSize = 100;

type AnnotationListProps = {
  annotations: ReaderAnnotation[];
  labelsById: ReadonlyMap<string, AnnotatorLabel>;
  currentUserId: string;
  canAnnotate: boolean;
  activeIds: ReadonlySet<string>;
  onFocus: (annotation: ReaderAnnotation) => void;
  onEdit: (annotation: ReaderAnnotation) => void;
  onDelete: (annotation: ReaderAnnotation) => void;
};

export function AnnotationList({
  annotations,
  labelsById,
  currentUserId,
  canAnnotate,
  activeIds,
  onFocus,
  onEdit,
  onDelete,
}: AnnotationListProps) {
  const [shown, setShown] = useState(pageSize);
  // The parent passes new handler functions on every render; items get stable ones that
  // call the latest, so memoised items are not re-rendered for that alone.
  const handlers = useRef({ onFocus, onEdit, onDelete });
  useLayoutEffect(() => {
    handlers.current = { onFocus, onEdit, onDelete };
  });
  const stableFocus = useCallback((item: ReaderAnnotation) => handlers.current.onFocus(item), []);
  const stableEdit = useCallback((item: ReaderAnnotation) => handlers.current.onEdit(item), []);
  const stableDelete = useCallback((item: ReaderAnnotation) => handlers.current.onDelete(item), []);

  if (annotations.length === 0) {
    return (
      <p className="text-sm text-stone-700">
        No highlights yet. Select a passage in the text to add one.
      </p>
    );
  }

  const hidden = annotations.length - shown;

  return (
    <>
      <ol className="flex flex-col gap-2" aria-label="Highlights in reading order">
        {annotations.slice(0, shown).map((annotation) => (
          <AnnotationItem
            key={annotation.id}
            annotation={annotation}
            labelsById={labelsById}
            isOwn={annotation.author.id === currentUserId}
            canAnnotate={canAnnotate}
            isActive={activeIds.has(annotation.id)}
            onFocus={stableFocus}
            onEdit={stableEdit}
            onDelete={stableDelete}
          />
        ))}
      </ol>
      {hidden > 0 ? (
        <Button variant="secondary" onClick={() => setShown((current) => current + pageSize)}>
          Show {Math.min(hidden, pageSize)} more ({hidden} not shown)
        </Button>
      ) : null}
    </>
  );
}

type AnnotationItemProps = {
  annotation: ReaderAnnotation;
  labelsById: ReadonlyMap<string, AnnotatorLabel>;
  isOwn: boolean;
  canAnnotate: boolean;
  isActive: boolean;
  onFocus: (annotation: ReaderAnnotation) => void;
  onEdit: (annotation: ReaderAnnotation) => void;
  onDelete: (annotation: ReaderAnnotation) => void;
};

// Memoised: a save, a delete or a click re-renders only the items it changed.
const AnnotationItem = memo(function AnnotationItem({
  annotation,
  labelsById,
  isOwn,
  canAnnotate,
  isActive,
  onFocus,
  onEdit,
  onDelete,
}: AnnotationItemProps) {
  return (
    <li
      id={`annotation-${annotation.id}`}
      data-testid="annotation-item"
      className={`flex flex-col gap-1 rounded-md border bg-white p-3 text-sm ${isActive ? "border-sky-800 ring-2 ring-sky-800" : "border-stone-300"}`}
    >
      <button
        type="button"
        onClick={() => onFocus(annotation)}
        className="text-left font-serif text-stone-900 hover:underline"
      >
        “{annotation.exact.length > 140 ? `${annotation.exact.slice(0, 140)}…` : annotation.exact}”
      </button>
      {annotation.labelIds.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label="Labels">
          {annotation.labelIds.map((labelId) => {
            const label = labelsById.get(labelId);
            return (
              <li
                key={labelId}
                className="flex items-center gap-1 rounded-full border border-stone-300 px-2 py-0.5 text-xs"
              >
                <span
                  aria-hidden="true"
                  className="inline-block size-2 rounded-full"
                  style={{ backgroundColor: label?.color }}
                />
                <span className="text-stone-600">{label?.dimensionName}:</span>{" "}
                {label?.name ?? "Unknown label"}
              </li>
            );
          })}
        </ul>
      ) : null}
      <AnnotationValues values={annotation.values} />
      {annotation.comment ? (
        <p className="whitespace-pre-wrap text-stone-800">{annotation.comment}</p>
      ) : null}
      <p className="text-xs text-stone-600">
        {isOwn ? "You" : annotation.author.name}
        {annotation.origin === "SUGGESTION" ? " · from a suggestion" : ""}
        {annotation.isPending ? " · saving…" : ""}
      </p>
      {isOwn && canAnnotate && !annotation.isPending ? (
        <div className="flex gap-2">
          <Button
            variant="secondary"
            onClick={() => onEdit(annotation)}
            aria-label={`Edit highlight “${annotation.exact.slice(0, 40)}”`}
          >
            Edit
          </Button>
          <Button
            variant="danger"
            onClick={() => onDelete(annotation)}
            aria-label={`Delete highlight “${annotation.exact.slice(0, 40)}”`}
          >
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
});
