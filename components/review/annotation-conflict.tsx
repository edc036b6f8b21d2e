"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { requestJson } from "@/lib/client/request-json";
import { mergeAnnotation, type MergeableAnnotation } from "@/lib/review/merge-annotation";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";
import type { CodebookView } from "@/lib/server/codebook/get-default-codebook";

// What the person tried to save: the popover's values, and the passage if they moved it.
export type AnnotationEdit = {
  labelIds: string[];
  comment: string;
  confidence: number | null;
  span: { start: number; end: number; exact: string; documentVersion: number } | null;
};

type AnnotationConflictProps = {
  // The highlight as the person opened it, their edit, and the version saved meanwhile.
  base: Omit<AnnotationView, "prefix" | "suffix">;
  mine: AnnotationEdit;
  theirs: AnnotationView;
  codebook: CodebookView;
  onResolved: (annotation: AnnotationView, how: string) => void;
  onClose: () => void;
};

const confidenceNames: Record<string, string> = {
  null: "Not stated",
  "1": "Unsure",
  "2": "Fairly sure",
  "3": "Sure",
};

type Conflict = { theirs: AnnotationView };

function isConflictDetails(details: unknown): details is { conflict: { theirs: AnnotationView } } {
  const conflict = (details as { conflict?: { kind?: string; theirs?: unknown } } | undefined)
    ?.conflict;
  return conflict?.kind === "annotation" && typeof conflict.theirs === "object";
}

// The second save on the same revision of a highlight is refused; this view shows both
// versions side by side and lets the person keep theirs (overwrite knowingly), take the
// other, or save a field-by-field merge. Nothing is overwritten silently: each choice is
// a new save on the latest revision, which can itself conflict again.
export function AnnotationConflict({
  base,
  mine,
  theirs: initialTheirs,
  codebook,
  onResolved,
  onClose,
}: AnnotationConflictProps) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [conflict, setConflict] = useState<Conflict>({ theirs: initialTheirs });
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const theirs = conflict.theirs;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const labels = useMemo(() => {
    const map = new Map<
      string,
      { name: string; dimension: string; multiple: boolean; dimensionId: string }
    >();
    for (const dimension of codebook.dimensions) {
      for (const label of dimension.labels) {
        map.set(label.id, {
          name: label.name,
          dimension: dimension.name,
          multiple: dimension.multiple,
          dimensionId: dimension.id,
        });
      }
    }
    return map;
  }, [codebook]);

  const asMergeable = (value: Omit<AnnotationView, "prefix" | "suffix">): MergeableAnnotation => ({
    labelIds: value.labelIds,
    comment: value.comment,
    confidence: value.confidence,
    start: value.start,
    end: value.end,
    exact: value.exact,
  });
  const mineMergeable: MergeableAnnotation = {
    labelIds: mine.labelIds,
    comment: mine.comment,
    confidence: mine.confidence,
    start: mine.span?.start ?? base.start,
    end: mine.span?.end ?? base.end,
    exact: mine.span?.exact ?? base.exact,
  };
  const { merged, conflicts } = mergeAnnotation({
    base: asMergeable(base),
    mine: mineMergeable,
    theirs: asMergeable(theirs),
    dimensions: new Map(
      [...labels.entries()].map(([id, label]) => [
        id,
        { dimensionId: label.dimensionId, multiple: label.multiple },
      ]),
    ),
  });

  function describeLabels(ids: readonly string[]) {
    return ids.length === 0
      ? "No labels"
      : ids
          .map((id) => {
            const label = labels.get(id);
            return label ? `${label.dimension}: ${label.name}` : "Unknown label";
          })
          .join("; ");
  }

  async function save(values: MergeableAnnotation, how: string) {
    setIsSaving(true);
    setError(null);
    const isMoved = values.start !== theirs.start || values.end !== theirs.end;
    const result = await requestJson<{ annotation: AnnotationView }>(
      `/api/v1/annotations/${base.id}`,
      "PATCH",
      {
        revision: theirs.revision,
        labelIds: values.labelIds,
        comment: values.comment,
        confidence: values.confidence,
        ...(isMoved && mine.span
          ? {
              span: {
                start: values.start,
                end: values.end,
                exact: values.exact,
                documentVersion: mine.span.documentVersion,
              },
            }
          : {}),
      },
    );
    setIsSaving(false);

    if (result.ok) {
      onResolved(result.data.annotation, how);
      return;
    }
    if (result.status === 409 && isConflictDetails(result.details)) {
      setConflict({ theirs: result.details.conflict.theirs });
      setError(
        "It changed again while you were choosing. The other version below is the newest; choose again.",
      );
      return;
    }
    setError(result.message);
  }

  const rows: { name: string; field: string; yours: string; other: string; result: string }[] = [
    {
      name: "Labels",
      field: "labels",
      yours: describeLabels(mine.labelIds),
      other: describeLabels(theirs.labelIds),
      result: describeLabels(merged.labelIds),
    },
    {
      name: "Comment",
      field: "comment",
      yours: mine.comment || "(none)",
      other: theirs.comment || "(none)",
      result: merged.comment || "(none)",
    },
    {
      name: "Confidence",
      field: "confidence",
      yours: confidenceNames[String(mine.confidence)] ?? "",
      other: confidenceNames[String(theirs.confidence)] ?? "",
      result: confidenceNames[String(merged.confidence)] ?? "",
    },
    {
      name: "Passage",
      field: "span",
      yours: `“${mineMergeable.exact}”`,
      other: `“${theirs.exact}”`,
      result: `“${merged.exact}”`,
    },
  ];

  return (
    <section
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className="flex flex-col gap-3 rounded-lg border-2 border-amber-700 bg-white p-4 text-sm shadow-xl"
      data-testid="annotation-conflict"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="text-base font-semibold">
        This highlight changed while you were editing it
      </h2>
      <p>
        Your save was not applied: it was made on revision {base.revision}, and revision{" "}
        {theirs.revision} was saved in the meantime. Choose what to keep.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Your version, the other version, and the merge</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-stone-300 p-1">
                Field
              </th>
              <th scope="col" className="border-b border-stone-300 p-1">
                Yours
              </th>
              <th scope="col" className="border-b border-stone-300 p-1">
                Theirs (revision {theirs.revision})
              </th>
              <th scope="col" className="border-b border-stone-300 p-1">
                Merged
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const differs = row.yours !== row.other;
              return (
                <tr key={row.name} data-differs={differs ? "true" : undefined}>
                  <th scope="row" className="border-b border-stone-200 p-1 align-top">
                    {row.name}
                    {differs ? <span className="block text-xs text-amber-800">differs</span> : null}
                  </th>
                  <td className="border-b border-stone-200 p-1 align-top whitespace-pre-wrap">
                    {row.yours}
                  </td>
                  <td className="border-b border-stone-200 p-1 align-top whitespace-pre-wrap">
                    {row.other}
                  </td>
                  <td className="border-b border-stone-200 p-1 align-top whitespace-pre-wrap">
                    {row.result}
                    {conflicts.includes(row.field as (typeof conflicts)[number]) ? (
                      <span className="block text-xs text-amber-800">both changed: check it</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div role="alert" aria-live="assertive" className="text-red-800">
        {error ? <p>{error}</p> : null}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button disabled={isSaving} onClick={() => void save(mineMergeable, "Kept your version.")}>
          Keep mine
        </Button>
        <Button
          variant="secondary"
          disabled={isSaving}
          onClick={() => onResolved(theirs, "Took their version; your edit was dropped.")}
        >
          Take theirs
        </Button>
        <Button
          variant="secondary"
          disabled={isSaving}
          onClick={() => void save(merged, "Saved the merged version.")}
        >
          Save merged
        </Button>
      </div>
    </section>
  );
}
