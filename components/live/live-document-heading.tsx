"use client";

import { useState } from "react";

import { useLiveMessages } from "./use-live-events";

type Shown = { title: string; version: number };

// The page header is rendered on the server; when someone saves a new text or title while this page is open, the stream says so and the header follows, as the
// reader below it does.
function useLiveDocumentHeading(documentId: string, initial: Shown): Shown {
  const [shown, setShown] = useState(initial);
  useLiveMessages(documentId, (message) => {
    // A title-only change keeps the version; an older version never wins.
    if (message.kind === "document.changed" && message.version >= shown.version) {
      setShown({ title: message.title, version: message.version });
    }
  });
  return shown;
}

export function LiveDocumentTitle({ documentId, title, version }: { documentId: string } & Shown) {
  const shown = useLiveDocumentHeading(documentId, { title, version });
  return <h1 className="font-serif text-3xl font-semibold">{shown.title}</h1>;
}

export function LiveDocumentVersion({
  documentId,
  title,
  version,
}: { documentId: string } & Shown) {
  const shown = useLiveDocumentHeading(documentId, { title, version });
  return <span className="text-stone-600">(version {shown.version})</span>;
}
