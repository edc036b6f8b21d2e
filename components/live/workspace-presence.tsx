"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

type Reader = { id: string; name: string };

type WorkspacePresenceValue = { byDocument: ReadonlyMap<string, Reader[]>; isLive: boolean };

const WorkspacePresenceContext = createContext<WorkspacePresenceValue | null>(null);

type PresenceMessage =
  | { kind: "presence"; documents: { documentId: string; readers: Reader[] }[] }
  | { kind: "gone"; message: string };

// One presence stream per page (GET /api/v1/workspaces/:id/presence), shared by every
// document row that shows its readers. The server names readers as the class rules allow.
export function WorkspacePresenceProvider({
  workspaceId,
  children,
}: {
  workspaceId: string;
  children: ReactNode;
}) {
  const [value, setValue] = useState<WorkspacePresenceValue>({
    byDocument: new Map(),
    isLive: false,
  });

  useEffect(() => {
    const source = new EventSource(`/api/v1/workspaces/${workspaceId}/presence`);
    source.onopen = () => setValue((current) => ({ ...current, isLive: true }));
    source.onerror = () => setValue((current) => ({ ...current, isLive: false }));
    source.onmessage = (event: MessageEvent<string>) => {
      let message: PresenceMessage;
      try {
        message = JSON.parse(event.data) as PresenceMessage;
      } catch {
        return;
      }
      if (message.kind === "gone") {
        source.close();
        setValue({ byDocument: new Map(), isLive: false });
        return;
      }
      setValue({
        byDocument: new Map(message.documents.map((item) => [item.documentId, item.readers])),
        isLive: true,
      });
    };
    return () => source.close();
  }, [workspaceId]);

  return (
    <WorkspacePresenceContext.Provider value={value}>{children}</WorkspacePresenceContext.Provider>
  );
}

export function useDocumentReaders(documentId: string): Reader[] {
  return useContext(WorkspacePresenceContext)?.byDocument.get(documentId) ?? [];
}

function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => Array.from(word)[0]?.toUpperCase() ?? "").join("") || "?";
}

type DocumentReadersProps = {
  documentId: string;
  // Said when nobody is reading; nothing is shown when absent.
  emptyText?: string;
};

// Who has a document open now: initials as small avatars (decoration) and the names in
// words, so screen readers and people who do not know the initials get the same.
export function DocumentReaders({ documentId, emptyText }: DocumentReadersProps) {
  const readers = useDocumentReaders(documentId);
  if (readers.length === 0) {
    return emptyText ? (
      <p className="text-sm text-stone-600" data-testid="document-readers">
        {emptyText}
      </p>
    ) : null;
  }
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="document-readers">
      <span aria-hidden="true" className="flex -space-x-1">
        {readers.slice(0, 5).map((reader) => (
          <span
            key={reader.id}
            className="inline-flex size-6 items-center justify-center rounded-full border border-white bg-sky-800 text-[0.65rem] font-semibold text-white"
          >
            {initialsOf(reader.name)}
          </span>
        ))}
      </span>
      <span>Reading now: {readers.map((reader) => reader.name).join(", ")}</span>
    </p>
  );
}
