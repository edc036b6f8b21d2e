"use client";

import { useId } from "react";

import { Button } from "@/components/ui/button";

import type { AnnotatorLabel, ReaderAnnotation } from "./types";

type OrphanListProps = {
  orphans: ReaderAnnotation[];
  labelsById: ReadonlyMap<string, AnnotatorLabel>;
  currentUserId: string;
  canAnnotate: boolean;
  reattachingId: string | null;
  onReattach: (annotation: ReaderAnnotation) => void;
  onCancelReattach: () => void;
  onDelete: (annotation: ReaderAnnotation) => void;
};

// Highlights whose passage could not be found after the text was edited. They keep
// their old quote; nothing is dropped silently.
export function OrphanList({
  orphans,
  labelsById,
  currentUserId,
  canAnnotate,
  reattachingId,
  onReattach,
  onCancelReattach,
  onDelete,
}: OrphanListProps) {
  const headingId = useId();

  if (orphans.length === 0) {
    return null;
  }

  return (
    <section
      aria-labelledby={headingId}
      className="flex flex-col gap-2 rounded-md border border-amber-700 bg-amber-50 p-2"
      data-testid="orphans"
    >
      <h3 id={headingId} className="text-sm font-semibold">
        Orphaned highlights ({orphans.length})
      </h3>
      <p className="text-xs text-stone-700">
        The text changed and these passages could not be found again. Their author can re-attach
        each to a new selection, or delete it.
      </p>
      <ul className="flex flex-col gap-2">
        {orphans.map((orphan) => {
          const isOwn = orphan.author.id === currentUserId;
          const isReattaching = orphan.id === reattachingId;
          const labels = orphan.labelIds
            .map((labelId) => labelsById.get(labelId))
            .filter((label) => label !== undefined)
            .map((label) => `${label.dimensionName}: ${label.name}`);
          return (
            <li
              key={orphan.id}
              className="flex flex-col gap-1 rounded border border-stone-300 bg-white p-2 text-sm"
              data-testid="orphan-item"
            >
              <p className="font-serif text-stone-800">
                <span className="sr-only">Old quote: </span>“{orphan.exact}”
              </p>
              {labels.length > 0 ? <p className="text-xs">{labels.join(" · ")}</p> : null}
              <p className="text-xs text-stone-600">{isOwn ? "You" : orphan.author.name}</p>
              {isOwn && canAnnotate ? (
                <div className="flex flex-wrap gap-2">
                  {isReattaching ? (
                    <Button variant="secondary" onClick={onCancelReattach}>
                      Cancel re-attaching
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      onClick={() => onReattach(orphan)}
                      aria-label={`Re-attach “${orphan.exact.slice(0, 40)}” to a new selection`}
                    >
                      Re-attach
                    </Button>
                  )}
                  <Button
                    variant="danger"
                    onClick={() => onDelete(orphan)}
                    aria-label={`Delete orphaned highlight “${orphan.exact.slice(0, 40)}”`}
                  >
                    Delete
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
