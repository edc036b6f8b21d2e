"use client";

import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";

import type { LiveMessage, LiveStatus } from "./live-types";

type Listener = (message: LiveMessage) => void;

type LiveContextValue = {
  documentId: string;
  currentUserId: string;
  status: LiveStatus;
  readers: { id: string; name: string }[];
  stoppedReason: string | null;
  subscribe: (listener: Listener) => () => void;
};

const LiveContext = createContext<LiveContextValue | null>(null);

export function useLiveContext(): LiveContextValue | null {
  return useContext(LiveContext);
}

type LiveProviderProps = {
  documentId: string;
  // The newest live event when the page read its data: the stream starts after it.
  cursor: string;
  currentUserId: string;
  children: ReactNode;
};

// One EventSource per document page, shared by the reader, the presence strip and the
// threads panel. EventSource reconnects by itself and sends Last-Event-ID, so the server
// replays what was missed; an error answer (signed out, removed) stops it for good.
export function LiveProvider({ documentId, cursor, currentUserId, children }: LiveProviderProps) {
  const listeners = useRef(new Set<Listener>());
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [readers, setReaders] = useState<{ id: string; name: string }[]>([]);
  const [stoppedReason, setStoppedReason] = useState<string | null>(null);
  const [subscribe] = useState(() => (listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  });

  useEffect(() => {
    const source = new EventSource(
      `/api/v1/documents/${documentId}/events?lastEventId=${encodeURIComponent(cursor)}`,
    );
    source.onopen = () => setStatus("live");
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        setStatus("stopped");
        setStoppedReason("Live updates stopped. Reload the page to see changes.");
      } else {
        setStatus("reconnecting");
      }
    };
    source.onmessage = (event: MessageEvent<string>) => {
      let message: LiveMessage;
      try {
        message = JSON.parse(event.data) as LiveMessage;
      } catch {
        return;
      }
      if (message.kind === "presence") {
        setReaders(message.readers);
      }
      if (message.kind === "gone") {
        source.close();
        setStatus("stopped");
        setStoppedReason(message.message);
      }
      for (const listener of listeners.current) {
        listener(message);
      }
    };
    return () => source.close();
  }, [documentId, cursor]);

  return (
    <LiveContext.Provider
      value={{ documentId, currentUserId, status, readers, stoppedReason, subscribe }}
    >
      {children}
    </LiveContext.Provider>
  );
}
