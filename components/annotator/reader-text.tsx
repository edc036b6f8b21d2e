"use client";

import { memo, useCallback, useEffect, useRef, type KeyboardEvent, type RefObject } from "react";

import { rangeToTextOffsets } from "@/lib/anchoring/dom-text-offsets";
import type { Segment } from "@/lib/annotator/highlight-segments";

export type TextSelection = { start: number; end: number };

type ReaderTextProps = {
  text: string;
  segments: Segment[];
  // For a run of text: one underline colour per dimension tagged there, and a description.
  describe: (ids: string[]) => {
    underlines: string[];
    label: string;
    pending: boolean;
    suggested: boolean;
    onlySuggested: boolean;
  };
  activeIds: ReadonlySet<string>;
  rootRef: RefObject<HTMLDivElement | null>;
  onSelect: (selection: TextSelection | null) => void;
  onAnnotateShortcut: () => void;
  onHighlightClick: (ids: string[]) => void;
};

const movementKeys: Record<
  string,
  { direction: "forward" | "backward"; granularity: "character" | "line" }
> = {
  ArrowRight: { direction: "forward", granularity: "character" },
  ArrowLeft: { direction: "backward", granularity: "character" },
  ArrowDown: { direction: "forward", granularity: "line" },
  ArrowUp: { direction: "backward", granularity: "line" },
};

// The article as one pre-wrapped block whose textContent is exactly the document
// text, so DOM offsets map one-to-one onto stored offsets (after UTF-16 conversion).
export const ReaderText = memo(function ReaderText({
  text,
  segments,
  describe,
  activeIds,
  rootRef,
  onSelect,
  onAnnotateShortcut,
  onHighlightClick,
}: ReaderTextProps) {
  const frame = useRef<number | null>(null);

  const reportSelection = useCallback(() => {
    const root = rootRef.current;
    const selection = window.getSelection();

    if (!root || !selection || selection.rangeCount === 0) {
      onSelect(null);
      return;
    }

    const offsets = rangeToTextOffsets(root, selection.getRangeAt(0));
    onSelect(offsets && offsets.end > offsets.start ? offsets : null);
  }, [onSelect, rootRef]);

  // Mouse and touch selections settle on pointerup; read them on the next frame.
  useEffect(() => {
    function onSelectionChange() {
      if (frame.current !== null) {
        cancelAnimationFrame(frame.current);
      }
      frame.current = requestAnimationFrame(() => {
        const root = rootRef.current;
        const selection = window.getSelection();
        if (root && selection && selection.rangeCount > 0 && root.contains(selection.anchorNode)) {
          reportSelection();
        }
      });
    }

    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [reportSelection, rootRef]);

  function placeCaretAtStart() {
    const root = rootRef.current;
    const selection = window.getSelection();
    if (!root || !selection) {
      return;
    }
    if (selection.rangeCount > 0 && root.contains(selection.anchorNode)) {
      return;
    }
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode();
    if (first) {
      selection.collapse(first, 0);
    }
  }

  // Keyboard selection in read-only text: arrows move a caret, Shift+arrows extend,
  // Ctrl/Alt moves by word; Enter or "a" opens the tag popover for the selection.
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const selection = window.getSelection();
    const movement = movementKeys[event.key];

    if (movement && selection) {
      placeCaretAtStart();
      const granularity =
        (event.ctrlKey || event.altKey) && movement.granularity === "character"
          ? "word"
          : movement.granularity;
      selection.modify(event.shiftKey ? "extend" : "move", movement.direction, granularity);
      event.preventDefault();
      return;
    }

    if ((event.key === "Home" || event.key === "End") && selection) {
      placeCaretAtStart();
      selection.modify(
        event.shiftKey ? "extend" : "move",
        event.key === "Home" ? "backward" : "forward",
        "lineboundary",
      );
      event.preventDefault();
      return;
    }

    if (
      (event.key === "Enter" || event.key === "a") &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      event.preventDefault();
      // Enter on a caret inside a highlight (no selection) lists the highlights there.
      const mark =
        selection?.isCollapsed && selection.anchorNode
          ? (selection.anchorNode.parentElement?.closest("mark[data-ids]") ?? null)
          : null;
      if (mark && rootRef.current?.contains(mark)) {
        onHighlightClick((mark.getAttribute("data-ids") ?? "").split(" ").filter(Boolean));
        return;
      }
      reportSelection();
      onAnnotateShortcut();
    }
  }

  // Described once per run: used for the mark and for its spoken description.
  const looks = segments.map((segment) => (segment.ids.length > 0 ? describe(segment.ids) : null));

  return (
    <>
      <div
        ref={rootRef}
        role="document"
        tabIndex={0}
        aria-label="Article text. Use Shift and the arrow keys to select a passage, then press Enter to tag it."
        aria-describedby="reader-help"
        onKeyDown={onKeyDown}
        onFocus={placeCaretAtStart}
        onClick={(event) => {
          const mark = (event.target as HTMLElement).closest("mark[data-ids]");
          const selection = window.getSelection();
          if (mark && (!selection || selection.isCollapsed)) {
            onHighlightClick((mark.getAttribute("data-ids") ?? "").split(" ").filter(Boolean));
          }
        }}
        className="fw-reader font-serif text-lg leading-8 break-words whitespace-pre-wrap"
        data-testid="reader-text"
      >
        {segments.map((segment, index) => {
          const chunk = text.slice(segment.start, segment.end);
          const look = looks[index];

          if (!look) {
            return chunk;
          }
          return (
            <mark
              key={segment.start}
              className="fw-highlight"
              data-ids={segment.ids.join(" ")}
              data-active={segment.ids.some((id) => activeIds.has(id)) ? "true" : undefined}
              data-pending={look.pending ? "true" : undefined}
              data-suggested={look.suggested ? (look.onlySuggested ? "only" : "also") : undefined}
              aria-describedby={`fw-mark-${segment.start}`}
              title={look.label}
              style={
                {
                  "--fw-depth": Math.min(segment.ids.length, 4),
                  // Stacked underlines, one 3px band per dimension, so overlapping tags
                  // stay distinguishable; the tint deepens with the number of highlights.
                  boxShadow: look.underlines
                    .map((color, index) => `inset 0 -${3 * (index + 1)}px 0 ${color}`)
                    .join(", "),
                } as React.CSSProperties
              }
            >
              {chunk}
            </mark>
          );
        })}
      </div>
      {/* Outside the text root, so its textContent stays the document text: what screen
        readers announce for each highlighted run. */}
      <div hidden>
        {segments.map((segment, index) =>
          looks[index] ? (
            <span key={segment.start} id={`fw-mark-${segment.start}`}>
              {looks[index].label}
            </span>
          ) : null,
        )}
      </div>
    </>
  );
});
