"use client";

import { useState } from "react";

import { AnnotationPopover } from "@/components/annotator/annotation-popover";
import type { AnnotatorCodebook } from "@/components/annotator/types";

type CodebookPreviewProps = { codebook: AnnotatorCodebook; quote: string };

const noValues = { labelIds: [], comment: "", confidence: null, values: [] };

// Two sample highlights, so a link field shows what annotators choose from.
const sampleLinks = [
  { id: "preview-link-1", exact: "a spokesperson for the council" },
  { id: "preview-link-2", exact: "according to the annual report" },
];

// The real annotation popover, fed the codebook being edited: what annotators will see,
// updated as the editor types. Choices can be tried out; nothing is saved.
export function CodebookPreview({ codebook, quote }: CodebookPreviewProps) {
  const [note, setNote] = useState("");

  return (
    <section
      aria-labelledby="codebook-preview-heading"
      className="flex flex-col gap-2"
      data-testid="codebook-preview"
    >
      <h2 id="codebook-preview-heading" className="text-lg font-semibold">
        Live preview
      </h2>
      <p className="text-sm text-stone-700">
        The tag popover as annotators will see it once this version is published. Try the choices;
        nothing is saved.
      </p>
      <p role="status" aria-live="polite" className="min-h-5 text-sm text-stone-700">
        {note}
      </p>
      <div className="relative h-[min(72vh,44rem)]">
        <AnnotationPopover
          codebook={codebook}
          quote={quote}
          initial={noValues}
          mode="create"
          position={{ top: 0, left: 0 }}
          error={null}
          isSaving={false}
          onSave={() => setNote("Preview only: highlights are saved in the reader.")}
          onClose={() => setNote("Preview only: the popover closes in the reader.")}
          isPreview
          linkCandidates={sampleLinks}
          targetSuggestions={["the council"]}
        />
      </div>
    </section>
  );
}
