"use client";

import {
  memo,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  startTransition,
  type KeyboardEvent,
  type RefObject,
} from "react";
import { flushSync } from "react-dom";

import { rangeToTextOffsets, textOffsetsToRange } from "@/lib/anchoring/dom-text-offsets";
import type { Segment } from "@/lib/annotator/highlight-segments";
import {
  chunkIndexAt,
  groupParagraphs,
  leadingChunks,
  segmentsByChunk,
  splitIntoChunks,
  type TextChunk,
} from "@/lib/annotator/reader-chunks";

export type TextSelection = { start: number; end: number };

// What the annotator can ask of the reader: paint the highlights of a passage now (before
// scrolling to it or focusing it), whether or not it is near the screen.
export type ReaderControl = { paintRange: (start16: number, end16: number) => void };

type RunLook = {
  underlines: string[];
  label: string;
  pending: boolean;
  suggested: boolean;
  onlySuggested: boolean;
};

type ReaderTextProps = {
  text: string;
  segments: Segment[];
  // For a run of text: one underline colour per dimension tagged there, and a description.
  describe: (ids: string[]) => RunLook;
  activeIds: ReadonlySet<string>;
  rootRef: RefObject<HTMLDivElement | null>;
  controlRef?: RefObject<ReaderControl | null>;
  // The id of the element that explains keyboard selection.
  helpId?: string;
  onSelect: (selection: TextSelection | null) => void;
  onAnnotateShortcut: () => void;
  onHighlightClick: (ids: string[]) => void;
};

// Characters painted with their highlights in the server HTML, from the top: more than a
// tall screen shows, so the first frame has every highlight in view without waiting for
// scripts. Further down, chunks are painted as they come within `paintMargin` of the screen.
const initialPaintLength = 6_000;
const paintMargin = "1200px 0px";

const movementKeys: Record<
  string,
  { direction: "forward" | "backward"; granularity: "character" | "line" }
> = {
  ArrowRight: { direction: "forward", granularity: "character" },
  ArrowLeft: { direction: "backward", granularity: "character" },
  ArrowDown: { direction: "forward", granularity: "line" },
  ArrowUp: { direction: "backward", granularity: "line" },
};

// The article as one pre-wrapped block whose textContent is exactly the document text, so
// DOM offsets map one-to-one onto stored offsets (after UTF-16 conversion). The text is cut
// into chunks (paragraphs); a chunk shows its highlights as <mark>s once it is on or near
// the screen, or holds the caret, so a long article with thousands of highlights costs
// about what the part on screen costs.
export const ReaderText = memo(function ReaderText({
  text,
  segments,
  describe,
  activeIds,
  rootRef,
  controlRef,
  helpId = "reader-help",
  onSelect,
  onAnnotateShortcut,
  onHighlightClick,
}: ReaderTextProps) {
  const frame = useRef<number | null>(null);
  // Per reader, so two readers on one page never share description ids.
  const markIdBase = useId();
  const chunks = useMemo(() => splitIntoChunks(text), [text]);
  const paragraphs = useMemo(() => groupParagraphs(chunks), [chunks]);
  const chunkTexts = useMemo(
    () => chunks.map((chunk) => text.slice(chunk.start, chunk.end)),
    [chunks, text],
  );
  const runsByChunk = useMemo(() => segmentsByChunk(chunks, segments), [chunks, segments]);
  const [painted, setPainted] = useState<ReadonlySet<number>>(
    () => new Set(leadingChunks(chunks, initialPaintLength)),
  );
  // Where the selection was (text offsets), so painting the chunk that holds it can put
  // it back: replacing a text node with marks drops a selection inside it.
  const lastSelection = useRef<{ anchor: number; focus: number } | null>(null);

  const paintChunks = useCallback((indexes: number[]) => {
    setPainted((current) => {
      if (indexes.every((index) => current.has(index))) {
        return current;
      }
      return new Set([...current, ...indexes]);
    });
  }, []);

  useImperativeHandle(
    controlRef,
    () => ({
      paintRange(start16: number, end16: number) {
        const first = chunkIndexAt(chunks, start16);
        const last = chunkIndexAt(chunks, Math.max(start16, end16 - 1));
        const indexes: number[] = [];
        for (let index = first; index <= last; index += 1) {
          indexes.push(index);
        }
        flushSync(() => paintChunks(indexes));
      },
    }),
    [chunks, paintChunks],
  );

  // Paints chunks as they come near the screen; painted chunks stay painted.
  useEffect(() => {
    const root = rootRef.current;
    if (!root || typeof IntersectionObserver === "undefined") {
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        const near: number[] = [];
        for (const entry of entries) {
          if (entry.isIntersecting) {
            near.push(Number((entry.target as HTMLElement).dataset.chunk));
            observer.unobserve(entry.target);
          }
        }
        if (near.length > 0) {
          // A transition: scrolling stays smooth while the marks are rendered.
          startTransition(() => paintChunks(near));
        }
      },
      { rootMargin: paintMargin },
    );
    for (const element of root.querySelectorAll<HTMLElement>("[data-chunk]")) {
      if (element.dataset.painted !== "true") {
        observer.observe(element);
      }
    }
    return () => observer.disconnect();
  }, [chunks, rootRef, paintChunks]);

  // After chunks are painted, put back a selection that was inside one of them.
  const previousPainted = useRef(painted);
  useLayoutEffect(() => {
    const before = previousPainted.current;
    previousPainted.current = painted;
    const saved = lastSelection.current;
    const root = rootRef.current;
    if (before === painted || !saved || !root) {
      return;
    }
    const touched = [saved.anchor, saved.focus].some((offset) => {
      const index = chunkIndexAt(chunks, offset);
      return painted.has(index) && !before.has(index);
    });
    if (!touched) {
      return;
    }
    const anchor = textOffsetsToRange(root, saved.anchor, saved.anchor);
    const focus = textOffsetsToRange(root, saved.focus, saved.focus);
    window
      .getSelection()
      ?.setBaseAndExtent(
        anchor.startContainer,
        anchor.startOffset,
        focus.startContainer,
        focus.startOffset,
      );
  }, [painted, chunks, rootRef]);

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

  // Mouse and touch selections settle on pointerup; read them on the next frame. The
  // chunks holding the selection's ends are painted, so a caret moved by keyboard (and a
  // screen reader following it) always finds the highlights it is in.
  useEffect(() => {
    function onSelectionChange() {
      const root = rootRef.current;
      const selection = window.getSelection();
      const ends =
        root && selection && selection.rangeCount > 0 && root.contains(selection.anchorNode)
          ? selectionOffsets(root, chunks, selection)
          : null;
      lastSelection.current = ends;
      if (ends) {
        paintChunks([chunkIndexAt(chunks, ends.anchor), chunkIndexAt(chunks, ends.focus)]);
      }

      if (frame.current !== null) {
        cancelAnimationFrame(frame.current);
      }
      frame.current = requestAnimationFrame(() => {
        const current = window.getSelection();
        if (root && current && current.rangeCount > 0 && root.contains(current.anchorNode)) {
          reportSelection();
        }
      });
    }

    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [reportSelection, rootRef, chunks, paintChunks]);

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

  // The highlights under a collapsed caret: from the mark it is in, or (when its chunk has
  // not been painted yet) from the runs themselves.
  function idsAtCaret(selection: Selection | null): string[] {
    const root = rootRef.current;
    if (!root || !selection?.isCollapsed || !selection.anchorNode) {
      return [];
    }
    const mark = selection.anchorNode.parentElement?.closest("mark[data-ids]") ?? null;
    if (mark && root.contains(mark)) {
      return (mark.getAttribute("data-ids") ?? "").split(" ").filter(Boolean);
    }
    const ends = root.contains(selection.anchorNode)
      ? selectionOffsets(root, chunks, selection)
      : null;
    if (!ends) {
      return [];
    }
    const run = segments.find(
      (segment) => segment.start <= ends.anchor && ends.anchor < segment.end,
    );
    return run?.ids ?? [];
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
      const ids = idsAtCaret(selection);
      if (ids.length > 0) {
        onHighlightClick(ids);
        return;
      }
      reportSelection();
      onAnnotateShortcut();
    }
  }

  // Described once per run of a painted chunk: used for the mark and its spoken description.
  const views = chunks.map((_, index) => {
    if (!painted.has(index)) {
      return null;
    }
    return describeRunsOnce(runsByChunk[index] ?? [], describe, activeIds);
  });

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
        {paragraphs.map(([first, last]) => (
          // One block per paragraph: painting a paragraph lays out only its own lines, not
          // every line of the article (a single inline flow would be laid out whole).
          <div key={(chunks[first] as TextChunk).start}>
            {chunks.slice(first, last + 1).map((chunk, offset) => {
              const index = first + offset;
              const view = views[index];
              return (
                <ReaderChunk
                  key={chunk.start}
                  index={index}
                  text={chunkTexts[index] ?? ""}
                  chunkStart={chunk.start}
                  runs={view?.runs ?? null}
                  signature={view?.signature ?? ""}
                  markIdBase={markIdBase}
                />
              );
            })}
          </div>
        ))}
      </div>
      {/* Outside the text root, so its textContent stays the document text: what screen
        readers announce for each highlighted run (of the painted chunks). */}
      <div hidden>
        {views.map((view, index) =>
          view && view.runs.length > 0 ? (
            <ChunkDescriptions
              key={(chunks[index] as TextChunk).start}
              runs={view.runs}
              signature={view.signature}
              markIdBase={markIdBase}
            />
          ) : null,
        )}
      </div>
    </>
  );
});

// The caret's (or selection's) two ends as text offsets, counted from the chunk each is in
// rather than from the top, so it stays cheap on a long article.
function selectionOffsets(
  root: HTMLElement,
  chunks: TextChunk[],
  selection: Selection,
): { anchor: number; focus: number } | null {
  const anchor = boundaryOffset(root, chunks, selection.anchorNode, selection.anchorOffset);
  const focus = boundaryOffset(root, chunks, selection.focusNode, selection.focusOffset);
  return anchor === null || focus === null ? null : { anchor, focus };
}

function boundaryOffset(
  root: HTMLElement,
  chunks: TextChunk[],
  node: Node | null,
  offset: number,
): number | null {
  if (!node) {
    return null;
  }
  const element = node instanceof Element ? node : node.parentElement;
  const chunkElement = element?.closest<HTMLElement>("[data-chunk]");
  if (!chunkElement || !root.contains(chunkElement)) {
    return null;
  }
  const chunk = chunks[Number(chunkElement.dataset.chunk)];
  if (!chunk) {
    return null;
  }
  const before = document.createRange();
  before.setStart(chunkElement, 0);
  before.setEnd(node, offset);
  return chunk.start + before.toString().length;
}

type RunView = {
  start: number;
  end: number;
  ids: string;
  depth: number;
  isActive: boolean;
  isPending: boolean;
  suggested: "only" | "also" | undefined;
  label: string;
  // Colours separated by spaces, one per dimension tagged on this run.
  underlines: string;
};

// A chunk's runs are a new array whenever the highlights change, so a chunk described
// with the same runs, describe function and active ids is reused: painting one more chunk
// while scrolling describes only that chunk.
const describedRuns = new WeakMap<
  Segment[],
  {
    describe: (ids: string[]) => RunLook;
    activeIds: ReadonlySet<string>;
    view: ReturnType<typeof describeRuns>;
  }
>();

function describeRunsOnce(
  runs: Segment[],
  describe: (ids: string[]) => RunLook,
  activeIds: ReadonlySet<string>,
): ReturnType<typeof describeRuns> {
  const cached = describedRuns.get(runs);
  if (cached && cached.describe === describe && cached.activeIds === activeIds) {
    return cached.view;
  }
  const view = describeRuns(runs, describe, activeIds);
  describedRuns.set(runs, { describe, activeIds, view });
  return view;
}

function describeRuns(
  runs: Segment[],
  describe: (ids: string[]) => RunLook,
  activeIds: ReadonlySet<string>,
): { runs: (RunView | Segment)[]; signature: string } {
  const views: (RunView | Segment)[] = [];
  const parts: string[] = [];
  for (const run of runs) {
    if (run.ids.length === 0) {
      views.push(run);
      parts.push(`${run.start}`);
      continue;
    }
    const look = describe(run.ids);
    const view: RunView = {
      start: run.start,
      end: run.end,
      ids: run.ids.join(" "),
      depth: Math.min(run.ids.length, 4),
      isActive: run.ids.some((id) => activeIds.has(id)),
      isPending: look.pending,
      suggested: look.suggested ? (look.onlySuggested ? "only" : "also") : undefined,
      label: look.label,
      underlines: look.underlines.join(" "),
    };
    views.push(view);
    parts.push(
      `${view.start}-${view.end}|${view.ids}|${view.isActive}|${view.isPending}|${view.suggested}|${view.label}|${view.underlines}`,
    );
  }
  return { runs: views, signature: parts.join("\n") };
}

function isHighlighted(run: RunView | Segment): run is RunView {
  return typeof run.ids === "string";
}

type ReaderChunkProps = {
  index: number;
  text: string;
  chunkStart: number;
  // null while the chunk is plain text (not painted yet).
  runs: (RunView | Segment)[] | null;
  // Everything the runs show, as one string: the chunk renders again only when it changes.
  signature: string;
  markIdBase: string;
};

const ReaderChunk = memo(
  function ReaderChunk({ index, text, chunkStart, runs, markIdBase }: ReaderChunkProps) {
    if (!runs) {
      return <span data-chunk={index}>{text}</span>;
    }
    return (
      <span data-chunk={index} data-painted="true">
        {runs.map((run) => {
          const chunk = text.slice(run.start - chunkStart, run.end - chunkStart);
          if (!isHighlighted(run)) {
            return chunk;
          }
          return (
            <HighlightRun
              key={run.start}
              descriptionId={`${markIdBase}-${run.start}`}
              chunk={chunk}
              run={run}
            />
          );
        })}
      </span>
    );
  },
  (before, after) =>
    before.text === after.text &&
    before.index === after.index &&
    (before.runs === null) === (after.runs === null) &&
    before.signature === after.signature &&
    before.markIdBase === after.markIdBase,
);

function HighlightRun({
  descriptionId,
  chunk,
  run,
}: {
  descriptionId: string;
  chunk: string;
  run: RunView;
}) {
  return (
    <mark
      className="fw-highlight"
      data-ids={run.ids}
      data-active={run.isActive ? "true" : undefined}
      data-pending={run.isPending ? "true" : undefined}
      data-suggested={run.suggested}
      aria-describedby={descriptionId}
      title={run.label}
      style={
        {
          "--fw-depth": run.depth,
          // Stacked underlines, one 3px band per dimension, so overlapping tags
          // stay distinguishable; the tint deepens with the number of highlights.
          boxShadow: run.underlines
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
}

const ChunkDescriptions = memo(
  function ChunkDescriptions({
    runs,
    markIdBase,
  }: {
    runs: (RunView | Segment)[];
    signature: string;
    markIdBase: string;
  }) {
    return runs.filter(isHighlighted).map((run) => (
      <span key={run.start} id={`${markIdBase}-${run.start}`}>
        {run.label}
      </span>
    ));
  },
  (before, after) => before.signature === after.signature && before.markIdBase === after.markIdBase,
);
