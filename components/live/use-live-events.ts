"use client";

import { useEffect, useRef, type Dispatch, type SetStateAction } from "react";

import { requestJson } from "@/lib/client/request-json";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";

import { useLiveContext } from "./live-provider";
import type { LiveMessage } from "./live-types";

// Subscribes to the page's live stream (no-op outside a LiveProvider).
export function useLiveMessages(documentId: string, onMessage: (message: LiveMessage) => void) {
  const live = useLiveContext();
  const handler = useRef(onMessage);
  useEffect(() => {
    handler.current = onMessage;
  });
  const subscribe = live && live.documentId === documentId ? live.subscribe : null;

  useEffect(() => {
    if (!subscribe) {
      return;
    }
    return subscribe((message) => handler.current(message));
  }, [subscribe]);
}

// The reader holds annotations without their quote context (prefix, suffix).
type Mergeable = Omit<AnnotationView, "prefix" | "suffix"> & { isPending?: boolean };

type UseLiveEventsOptions<T extends Mergeable> = {
  documentId: string;
  currentUserId: string;
  setAnnotations: Dispatch<SetStateAction<T[]>>;
  toReader: (annotation: AnnotationView) => T;
};

// This tab's own saves come back on the stream too. The reader already shows them (its
// save answer replaces the optimistic highlight), so the echo is applied a little later,
// as an idempotent upsert, which leaves the list as it was; a save made in another tab or
// device still arrives.
const ownEchoDelayMs = 1_500;

// Replaces the highlight with the same id (dropping any duplicate of it), or adds it.
function upsert<T extends Mergeable>(current: T[], next: T): T[] {
  const index = current.findIndex((item) => item.id === next.id);
  if (index < 0) {
    return [...current, next];
  }
  return current
    .filter((item, position) => item.id !== next.id || position === index)
    .map((item) => (item.id === next.id ? next : item));
}

// Merges other people's highlights, edits and deletions into the reader as they happen,
// and reloads the list when the class rules change (hand-in, reveal) or the stream could
// not replay what was missed.
export function useLiveEvents<T extends Mergeable>({
  documentId,
  currentUserId,
  setAnnotations,
  toReader,
}: UseLiveEventsOptions<T>) {
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending) {
        clearTimeout(timer);
      }
    };
  }, []);

  useLiveMessages(documentId, (message) => {
    const later = (apply: () => void) => {
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        apply();
      }, ownEchoDelayMs);
      timers.current.add(timer);
    };

    if (message.kind === "annotation.created" || message.kind === "annotation.updated") {
      const next = toReader(message.annotation);
      const apply = () =>
        setAnnotations((current) => {
          // An optimistic highlight for this very passage is still saving: its answer brings it.
          const isEcho = current.some(
            (item) => item.isPending && item.start === next.start && item.end === next.end,
          );
          return isEcho && !current.some((item) => item.id === next.id)
            ? current
            : upsert(current, next);
        });
      if (message.annotation.author.id === currentUserId) {
        later(apply);
      } else {
        apply();
      }
      return;
    }

    if (message.kind === "annotation.deleted") {
      setAnnotations((current) => current.filter((item) => item.id !== message.annotationId));
      return;
    }

    if (message.kind === "refresh") {
      void requestJson<{ annotations: AnnotationView[] }>(
        `/api/v1/documents/${documentId}/annotations`,
        "GET",
      ).then((result) => {
        if (result.ok) {
          setAnnotations((current) => [
            ...result.data.annotations.map(toReader),
            ...current.filter((item) => item.isPending),
          ]);
        }
      });
    }
  });
}
