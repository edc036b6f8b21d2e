"use client";

import { Button } from "@/components/ui/button";
import type { ReaderSuggestion } from "@/lib/annotator/match-suggestions";

import type { AnnotatorLabel } from "./types";

type SuggestionListProps = {
  suggestions: ReaderSuggestion[];
  labelsById: ReadonlyMap<string, AnnotatorLabel>;
  activeId: string | null;
  onShow: (suggestion: ReaderSuggestion) => void;
  onAccept: (suggestion: ReaderSuggestion) => void;
  onEdit: (suggestion: ReaderSuggestion) => void;
  onDismiss: (suggestion: ReaderSuggestion) => void;
};

// Rule-based candidates, never annotations until a person accepts or edits one.
export function SuggestionList({
  suggestions,
  labelsById,
  activeId,
  onShow,
  onAccept,
  onEdit,
  onDismiss,
}: SuggestionListProps) {
  if (suggestions.length === 0) {
    return <p className="text-sm text-stone-700">No suggestions left for this text.</p>;
  }

  return (
    <ol className="flex flex-col gap-2" aria-label="Suggested passages">
      {suggestions.map((suggestion) => {
        const label = suggestion.labelId ? labelsById.get(suggestion.labelId) : undefined;
        const short = suggestion.exact.slice(0, 40);
        return (
          <li
            key={suggestion.id}
            id={suggestion.id}
            data-testid="suggestion-item"
            className={`flex flex-col gap-1 rounded-md border border-dashed bg-white p-2 text-sm ${activeId === suggestion.id ? "border-sky-800 ring-2 ring-sky-800" : "border-stone-500"}`}
          >
            <button
              type="button"
              onClick={() => onShow(suggestion)}
              className="text-left font-serif hover:underline"
            >
              “
              {suggestion.exact.length > 140
                ? `${suggestion.exact.slice(0, 140)}…`
                : suggestion.exact}
              ”
            </button>
            <p className="text-xs">
              <span className="font-semibold">Suggested:</span>{" "}
              {label ? `${label.dimensionName}: ${label.name}` : "Page furniture, not the article"}
            </p>
            <p className="text-xs text-stone-600">Rule: {suggestion.ruleDescription}</p>
            <div className="flex flex-wrap gap-2">
              <Button
                onClick={() => onAccept(suggestion)}
                aria-label={`Accept suggestion “${short}”`}
              >
                Accept
              </Button>
              <Button
                variant="secondary"
                onClick={() => onEdit(suggestion)}
                aria-label={`Edit suggestion “${short}”`}
              >
                Edit
              </Button>
              <Button
                variant="ghost"
                onClick={() => onDismiss(suggestion)}
                aria-label={`Dismiss suggestion “${short}”`}
              >
                Dismiss
              </Button>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
