"use client";

import {
  memo,
  useCallback,
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type RefObject,
} from "react";

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
  // The id of the element that explains keyboard selection.
  helpId?: string;
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
  helpId = "reader-help",
  onSelect,
  onAnnotateShortcut,
  onHighlightClick,
}: ReaderTextProps) {
  const frame = useRef<number | null>(null);
  // Per reader, so two readers on one page never share description ids.
  const markIdBase = useId();

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
        aria-describedby={helpId}
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
            <HighlightRun
              key={segment.start}
              descriptionId={`${markIdBase}-${segment.start}`}
              chunk={chunk}
              ids={segment.ids.join(" ")}
              depth={Math.min(segment.ids.length, 4)}
              isActive={segment.ids.some((id) => activeIds.has(id))}
              isPending={look.pending}
              suggested={look.suggested ? (look.onlySuggested ? "only" : "also") : undefined}
              label={look.label}
              underlines={look.underlines.join(" ")}
            />
          );
        })}
      </div>
      {/* Outside the text root, so its textContent stays the document text: what screen
        readers announce for each highlighted run. */}
      <div hidden>
        {segments.map((segment, index) =>
          looks[index] ? (
            <RunDescription
              key={segment.start}
              id={`${markIdBase}-${segment.start}`}
              label={looks[index].label}
            />
          ) : null,
        )}
      </div>
    </>
  );
});

type HighlightRunProps = {
  descriptionId: string;
  chunk: string;
  ids: string;
  depth: number;
  isActive: boolean;
  isPending: boolean;
  suggested: "only" | "also" | undefined;
  label: string;
  // Colours separated by spaces, one per dimension tagged on this run.
  underlines: string;
};

// One highlighted run. Its props are all primitives, so after a save or a click only the
// runs whose highlights changed render again, not all of them.
const HighlightRun = memo(function HighlightRun({
  descriptionId,
  chunk,
  ids,
  depth,
  isActive,
  isPending,
  suggested,
  label,
  underlines,
}: HighlightRunProps) {
  return (
    <mark
      className="fw-highlight"
      data-ids={ids}
      data-active={isActive ? "true" : undefined}
      data-pending={isPending ? "true" : undefined}
      data-suggested={suggested}
      aria-describedby={descriptionId}
      title={label}
      style={
        {
          "--fw-depth": depth,
          // Stacked underlines, one 3px band per dimension, so overlapping tags
          // stay distinguishable; the tint deepens with the number of highlights.
          boxShadow: underlines
            .split(" ")
            .filter(Boolean)
            .map((color, index) => `inset 0 -${3 * (index + 1)}px 0 ${color}`)
            .join(", "),
        } as React.CSSProperties
      }
    >
      {chunk}
    </mark>
  );
});

const RunDescription = memo(function RunDescription({ id, label }: { id: string; label: string }) {
  return <span id={id}>{label}</span>;
});
