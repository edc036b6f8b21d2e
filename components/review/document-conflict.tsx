"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { mergeTexts } from "@/lib/review/merge-texts";
import { diffTexts } from "@/lib/review/text-diff";

import { DiffSide } from "./diff-side";

export type DocumentVersionText = { version: number; title: string; text: string };

export type DocumentConflictData = {
  kind: "document";
  theirs: DocumentVersionText;
  yours: DocumentVersionText;
  base: string | null;
};

export function readDocumentConflict(details: unknown): DocumentConflictData | null {
  const conflict = (details as { conflict?: Partial<DocumentConflictData> } | undefined)?.conflict;
  if (conflict?.kind !== "document" || !conflict.theirs || !conflict.yours) {
    return null;
  }
  return {
    kind: "document",
    theirs: conflict.theirs,
    yours: conflict.yours,
    base: conflict.base ?? null,
  };
}

type DocumentConflictProps = {
  conflict: DocumentConflictData;
  // Save my text over theirs, now that I have seen it (on their version).
  onKeepMine: (version: number) => void;
  // Drop my edit and carry on from theirs.
  onTakeTheirs: (theirs: DocumentVersionText) => void;
  // Put the merged text in the form to check before saving (on their version).
  onMerge: (text: string, version: number) => void;
  isSaving?: boolean;
};

// Someone saved the document while this person was editing it: their text and the one
// saved meanwhile side by side, with the differences marked, and three ways on. Nothing
// is saved until the person chooses; merging only fills the form.
export function DocumentConflict({
  conflict,
  onKeepMine,
  onTakeTheirs,
  onMerge,
  isSaving = false,
}: DocumentConflictProps) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [mergeNote, setMergeNote] = useState<string | null>(null);
  const diff = useMemo(
    () => diffTexts(conflict.theirs.text, conflict.yours.text),
    [conflict.theirs.text, conflict.yours.text],
  );

  useEffect(() => {
    headingRef.current?.focus();
  }, [conflict]);

  function merge() {
    const result = mergeTexts({
      base: conflict.base,
      mine: conflict.yours.text,
      theirs: conflict.theirs.text,
    });
    if (!result.ok) {
      setMergeNote(result.message);
      return;
    }
    setMergeNote(
      result.conflicts === 0
        ? "Merged: both sets of changes are in the text below. Check it, then save."
        : `Merged, with ${result.conflicts} place${result.conflicts === 1 ? "" : "s"} where you both changed the same words: each is marked between “<<<<<<< your version” and “>>>>>>> their version” in the text below. Keep what is right, remove the markers, then save.`,
    );
    onMerge(result.text, conflict.theirs.version);
  }

  return (
    <section
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-lg border-2 border-amber-700 bg-amber-50 p-4 text-sm"
      data-testid="document-conflict"
    >
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="text-base font-semibold">
        Your text and theirs: choose what to keep
      </h2>
      <p>
        Your text was not saved: you started from version {conflict.yours.version}, and version{" "}
        {conflict.theirs.version} was saved by someone else in the meantime. Compare the two, then
        keep yours, take theirs, or merge them.
      </p>
      {diff.note ? <p>{diff.note}</p> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <div className="flex flex-col gap-1">
          <h3 className="font-semibold">Theirs (version {conflict.theirs.version})</h3>
          <DiffSide
            text={conflict.theirs.text}
            parts={diff.level === "too-large" ? [] : diff.oldParts}
            highlights={[]}
            testId="conflict-theirs"
            label={`Their version ${conflict.theirs.version}`}
          />
        </div>
        <div className="flex flex-col gap-1">
          <h3 className="font-semibold">Yours (not saved)</h3>
          <DiffSide
            text={conflict.yours.text}
            parts={diff.level === "too-large" ? [] : diff.newParts}
            highlights={[]}
            testId="conflict-yours"
            label="Your version, not saved"
          />
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button disabled={isSaving} onClick={() => onKeepMine(conflict.theirs.version)}>
          Keep mine
        </Button>
        <Button
          variant="secondary"
          disabled={isSaving}
          onClick={() => onTakeTheirs(conflict.theirs)}
        >
          Take theirs
        </Button>
        <Button variant="secondary" disabled={isSaving} onClick={merge}>
          Merge
        </Button>
      </div>
      <p role="status" aria-live="polite">
        {mergeNote}
      </p>
    </section>
  );
}
