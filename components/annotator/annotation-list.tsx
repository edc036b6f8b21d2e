"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useLayoutEffect, useRef } from "react";

import { Button } from "@/components/ui/button";

import { AnnotationValues } from "./annotation-values";
import type { AnnotatorLabel, ReaderAnnotation } from "./types";

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

// Before the list is measured (the server HTML, the first client render), the virtual list
// assumes this box and item height, so the first items are in the HTML.
const initialRect = { width: 352, height: 640 };
const estimatedItemHeight = 110;

// The highlights in reading order. Only the items in and near the list's scroll box are in
// the DOM (a long article has thousands), each saying its place in the whole list
// (aria-setsize/aria-posinset) so screen readers still announce "3 of 2,000".
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
  const scrollRef = useRef<HTMLDivElement>(null);
  // The parent passes new handler functions on every render; items get stable ones that
  // call the latest, so memoised items are not re-rendered for that alone.
  const handlers = useRef({ onFocus, onEdit, onDelete });
  useLayoutEffect(() => {
    handlers.current = { onFocus, onEdit, onDelete };
  });
  const stableFocus = useCallback((item: ReaderAnnotation) => handlers.current.onFocus(item), []);
  const stableEdit = useCallback((item: ReaderAnnotation) => handlers.current.onEdit(item), []);
  const stableDelete = useCallback((item: ReaderAnnotation) => handlers.current.onDelete(item), []);

  // The app does not use the React Compiler; the virtualizer re-renders this list itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: annotations.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedItemHeight,
    getItemKey: (index) => annotations[index]?.id ?? index,
    initialRect,
    overscan: 4,
    gap: 8,
    // React 19 warns about flushSync inside its own rendering; a frame later is fine here.
    useFlushSync: false,
  });

  if (annotations.length === 0) {
    return (
      <p className="text-sm text-stone-700">
        No highlights yet. Select a passage in the text to add one.
      </p>
    );
  }

  return (
    <div
      ref={scrollRef}
      className="max-h-[36rem] overflow-y-auto p-1"
      data-testid="annotation-scroll"
    >
      <ol
        className="relative"
        style={{ height: virtualizer.getTotalSize() }}
        aria-label="Highlights in reading order"
      >
        {virtualizer.getVirtualItems().map((row) => {
          const annotation = annotations[row.index] as ReaderAnnotation;
          return (
            <AnnotationItem
              key={row.key}
              annotation={annotation}
              index={row.index}
              setSize={annotations.length}
              top={row.start}
              measureRef={virtualizer.measureElement}
              labelsById={labelsById}
              isOwn={annotation.author.id === currentUserId}
              canAnnotate={canAnnotate}
              isActive={activeIds.has(annotation.id)}
              onFocus={stableFocus}
              onEdit={stableEdit}
              onDelete={stableDelete}
            />
          );
        })}
      </ol>
    </div>
  );
}

type AnnotationItemProps = {
  annotation: ReaderAnnotation;
  index: number;
  setSize: number;
  // Offset from the top of the list, in pixels (the list is virtual).
  top: number;
  measureRef: (element: HTMLElement | null) => void;
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
  index,
  setSize,
  top,
  measureRef,
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
      ref={measureRef}
      id={`annotation-${annotation.id}`}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      data-testid="annotation-item"
      className={`absolute inset-x-0 top-0 flex flex-col gap-1 rounded-md border bg-white p-3 text-sm ${isActive ? "border-sky-800 ring-2 ring-sky-800" : "border-stone-300"}`}
      style={{ transform: `translateY(${top}px)` }}
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
