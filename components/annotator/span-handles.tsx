"use client";

import { useState, type KeyboardEvent, type PointerEvent, type RefObject } from "react";

import { pointToTextOffset, textOffsetsToRange } from "@/lib/anchoring/dom-text-offsets";

export type HandleBox = { left: number; top: number; height: number };

type SpanHandlesProps = {
  // Where the grips go, relative to the reader's wrapper (measured by the caller).
  boxes: Record<"start" | "end", HandleBox>;
  readerRef: RefObject<HTMLDivElement | null>;
  onMove: (edge: "start" | "end", offset16: number) => void;
  onStep: (edge: "start" | "end", direction: 1 | -1) => void;
};

// Measures the grip positions for a span (UTF-16) inside the reader.
export function measureHandleBoxes(
  root: HTMLElement,
  wrapper: HTMLElement,
  start16: number,
  end16: number,
): Record<"start" | "end", HandleBox> | null {
  const rects = textOffsetsToRange(root, start16, end16).getClientRects();
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) {
    return null;
  }
  const origin = wrapper.getBoundingClientRect();
  return {
    start: { left: first.left - origin.left, top: first.top - origin.top, height: first.height },
    end: { left: last.right - origin.left, top: last.top - origin.top, height: last.height },
  };
}

// Two grips at the ends of the highlight being edited: drag them with a pointer, or
// focus one and use the arrow keys (a word at a time).
export function SpanHandles({ boxes, readerRef, onMove, onStep }: SpanHandlesProps) {
  const [dragging, setDragging] = useState<"start" | "end" | null>(null);

  function onPointerMove(event: PointerEvent<HTMLButtonElement>) {
    const root = readerRef.current;
    if (!dragging || !root) {
      return;
    }
    const offset = pointToTextOffset(root, event.clientX, event.clientY);
    if (offset !== null) {
      onMove(dragging, offset);
    }
  }
  function onKeyDown(edge: "start" | "end", event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      onStep(edge, event.key === "ArrowRight" ? 1 : -1);
    }
  }

  return (
    <>
      {(["start", "end"] as const).map((edge) => (
        <button
          key={edge}
          type="button"
          aria-label={`Move the ${edge} of the highlight (arrow keys, or drag)`}
          data-testid={`handle-${edge}`}
          className="absolute z-10 w-3 -translate-x-1/2 cursor-ew-resize touch-none rounded-sm bg-sky-800/80 focus-visible:bg-sky-900"
          style={{ left: boxes[edge].left, top: boxes[edge].top, height: boxes[edge].height }}
          onPointerDown={(event) => {
            event.preventDefault();
            event.currentTarget.setPointerCapture(event.pointerId);
            setDragging(edge);
          }}
          onPointerMove={onPointerMove}
          onPointerUp={(event) => {
            event.currentTarget.releasePointerCapture(event.pointerId);
            setDragging(null);
          }}
          onKeyDown={(event) => onKeyDown(edge, event)}
        />
      ))}
    </>
  );
}
