"use client";

import { Button } from "@/components/ui/button";

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
  if (annotations.length === 0) {
    return (
      <p className="text-sm text-stone-700">
        No highlights yet. Select a passage in the text to add one.
      </p>
    );
  }

  return (
    <ol className="flex flex-col gap-2" aria-label="Highlights in reading order">
      {annotations.map((annotation) => {
        const isOwn = annotation.author.id === currentUserId;
        const isActive = activeIds.has(annotation.id);

        return (
          <li
            key={annotation.id}
            id={`annotation-${annotation.id}`}
            data-testid="annotation-item"
            className={`flex flex-col gap-1 rounded-md border bg-white p-3 text-sm ${isActive ? "border-sky-800 ring-2 ring-sky-800" : "border-stone-300"}`}
          >
            <button
              type="button"
              onClick={() => onFocus(annotation)}
              className="text-left font-serif text-stone-900 hover:underline"
            >
              “
              {annotation.exact.length > 140
                ? `${annotation.exact.slice(0, 140)}…`
                : annotation.exact}
              ”
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
      })}
    </ol>
  );
}
