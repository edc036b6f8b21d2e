"use client";

import { Fragment, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";

import { createOffsetIndex } from "@/lib/anchoring/text-position";
import { buildCoverageRuns, describeRun, type CoverageRun } from "@/lib/insight/coverage-runs";
import type { DocumentAgreementView } from "@/lib/insight/document-agreement";
import type { InsightDimension, InsightDocument, LabelIndex } from "@/lib/insight/types";

type HeatStripProps = {
  document: InsightDocument;
  view: DocumentAgreementView;
  labels: LabelIndex;
  names: ReadonlyMap<string, string>;
  dimensionName: (dimension: Pick<InsightDimension, "name" | "codebookVersion">) => string;
};

const allDimensions = "all";

// Shading by the share of annotators who marked a passage; the number beside it says the
// count, so the strip reads without colour too.
const levels = [
  { upTo: 1 / 3, className: "bg-amber-100", legend: "up to a third of the annotators" },
  { upTo: 2 / 3, className: "bg-amber-200", legend: "up to two thirds" },
  { upTo: 1, className: "bg-amber-300", legend: "more than two thirds" },
] as const;

function levelOf(count: number, total: number) {
  return levels.find((level) => count / Math.max(total, 1) <= level.upTo + 1e-9) ?? levels[2];
}

// The text, cut into passages by who marked them. Each marked passage is a button (one tab
// stop for the whole strip; arrow keys move between passages, Enter or Space opens it).
export function HeatStrip({ document, view, labels, names, dimensionName }: HeatStripProps) {
  const selectId = useId();
  const [dimensionId, setDimensionId] = useState(allDimensions);
  const [selected, setSelected] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLSpanElement | null)[]>([]);

  const dimension = view.dimensions.find((entry) => entry.dimension.id === dimensionId) ?? null;
  const total = dimension ? dimension.annotatorIds.length : view.annotators.length;
  const index = useMemo(() => createOffsetIndex(document.text), [document.text]);
  const labelName = (id: string) => {
    const entry = labels.get(id);
    return entry ? entry.label.name : id;
  };

  const runs = useMemo(() => {
    const inScope = dimension ? new Set(dimension.dimension.labels.map((label) => label.id)) : null;
    const spans = document.spans.flatMap((span) => {
      const labelIds = span.labelIds.filter((labelId) =>
        inScope ? inScope.has(labelId) : labels.has(labelId),
      );
      return labelIds.length > 0 || (!inScope && span.labelIds.length === 0)
        ? [{ ...span, labelIds }]
        : [];
    });
    const order = dimension
      ? dimension.dimension.labels.map((label) => label.id)
      : [...labels.keys()];
    return buildCoverageRuns(index.codePointLength, spans, order);
  }, [dimension, document.spans, index, labels]);

  const marked = runs.flatMap((run, position) => (run.annotatorIds.length > 0 ? [position] : []));
  const selectedRun = selected === null ? null : (runs[selected] ?? null);

  function moveFocus(to: number) {
    const clamped = Math.max(0, Math.min(marked.length - 1, to));
    setFocusIndex(clamped);
    buttons.current[clamped]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLSpanElement>, markedIndex: number, runIndex: number) {
    if (event.key === "ArrowRight" || event.key === "ArrowDown") {
      event.preventDefault();
      moveFocus(markedIndex + 1);
    } else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
      event.preventDefault();
      moveFocus(markedIndex - 1);
    } else if (event.key === "Home") {
      event.preventDefault();
      moveFocus(0);
    } else if (event.key === "End") {
      event.preventDefault();
      moveFocus(marked.length - 1);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      setSelected(runIndex);
    }
  }

  const slice = (run: Pick<CoverageRun, "start" | "end">) =>
    document.text.slice(index.toUtf16(run.start), index.toUtf16(run.end));

  return (
    <section aria-labelledby="heat-heading" className="flex flex-col gap-3">
      <h2 id="heat-heading" className="text-xl font-semibold">
        Who marked what
      </h2>
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={selectId} className="text-sm font-medium">
            Dimension
          </label>
          <select
            id={selectId}
            value={dimensionId}
            onChange={(event) => {
              setDimensionId(event.target.value);
              setSelected(null);
              setFocusIndex(0);
            }}
            className="rounded-md border border-stone-400 bg-white px-3 py-2"
          >
            <option value={allDimensions}>All dimensions</option>
            {view.dimensions.map((entry) => (
              <option key={entry.dimension.id} value={entry.dimension.id}>
                {dimensionName(entry.dimension)}
              </option>
            ))}
          </select>
        </div>
        <ul className="flex flex-wrap gap-3 text-sm" aria-label="Legend">
          {levels.map((level) => (
            <li key={level.legend} className="flex items-center gap-1">
              <span
                aria-hidden="true"
                className={`inline-block h-4 w-6 border border-stone-500 ${level.className}`}
              />
              Marked by {level.legend}
            </li>
          ))}
          <li>The small number after a passage is how many annotators marked it.</li>
        </ul>
      </div>
      <p id="heat-help" className="text-sm text-stone-700">
        Tab to the text, move between marked passages with the arrow keys (Home and End for the
        first and last), and press Enter to see who marked a passage and with which labels.
      </p>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div
          role="group"
          aria-label={`Article text with marked passages (${marked.length})`}
          aria-describedby="heat-help"
          className="max-h-[70vh] overflow-y-auto rounded-lg border border-stone-300 bg-white p-4 font-serif leading-8 whitespace-pre-wrap"
          data-testid="heat-strip"
        >
          {runs.map((run, runIndex) => {
            if (run.annotatorIds.length === 0) {
              return <span key={run.start}>{slice(run)}</span>;
            }
            const markedIndex = marked.indexOf(runIndex);
            const level = levelOf(run.annotatorIds.length, total);
            const isSelected = selected === runIndex;
            // The name says who marked the passage, then the passage itself, so it
            // contains the visible text (WCAG 2.5.3, label in name).
            return (
              <Fragment key={run.start}>
                <span
                  ref={(element) => {
                    buttons.current[markedIndex] = element;
                  }}
                  role="button"
                  tabIndex={markedIndex === focusIndex ? 0 : -1}
                  aria-pressed={isSelected}
                  aria-controls="heat-details"
                  aria-label={`${describeRun(run, total, labelName)}. Passage: ${slice(run)}`}
                  onClick={() => {
                    setSelected(runIndex);
                    setFocusIndex(markedIndex);
                  }}
                  onKeyDown={(event) => onKeyDown(event, markedIndex, runIndex)}
                  className={`cursor-pointer rounded-sm text-stone-950 ${level.className} ${isSelected ? "outline-2 outline-sky-800" : ""} focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-800`}
                >
                  {slice(run)}
                </span>
                <sup
                  aria-hidden="true"
                  className={`font-sans text-[0.65rem] font-semibold text-stone-900 ${level.className}`}
                >
                  {run.annotatorIds.length}
                </sup>
              </Fragment>
            );
          })}
        </div>
        <div
          id="heat-details"
          aria-live="polite"
          className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-4 text-sm"
          data-testid="heat-details"
        >
          {selectedRun ? (
            <RunDetails
              run={selectedRun}
              passage={slice(selectedRun)}
              document={document}
              total={total}
              annotatorIds={
                dimension
                  ? dimension.annotatorIds
                  : view.annotators.map((annotator) => annotator.id)
              }
              names={names}
              labels={labels}
              labelName={labelName}
              scope={
                dimension ? new Set(dimension.dimension.labels.map((label) => label.id)) : null
              }
            />
          ) : (
            <p className="text-stone-700">Choose a marked passage to see who marked it, and how.</p>
          )}
        </div>
      </div>
    </section>
  );
}

type RunDetailsProps = {
  run: CoverageRun;
  passage: string;
  document: InsightDocument;
  total: number;
  annotatorIds: string[];
  names: ReadonlyMap<string, string>;
  labels: LabelIndex;
  labelName: (id: string) => string;
  scope: ReadonlySet<string> | null;
};

function RunDetails({
  run,
  passage,
  document,
  total,
  annotatorIds,
  names,
  labels,
  labelName,
  scope,
}: RunDetailsProps) {
  const spans = document.spans.filter((span) => run.spanIds.includes(span.id));
  const notMarked = annotatorIds.filter((id) => !run.annotatorIds.includes(id));

  return (
    <>
      <h3 className="font-semibold">
        “{passage.length > 120 ? `${passage.slice(0, 117)}…` : passage}”
      </h3>
      <p>{describeRun(run, total, labelName)}</p>
      <ul className="flex flex-col gap-2">
        {annotatorIds
          .filter((id) => run.annotatorIds.includes(id))
          .map((id) => (
            <li key={id} className="rounded-md border border-stone-200 p-2">
              <p className="font-medium">{names.get(id) ?? "Someone"}</p>
              <ul className="flex flex-col gap-1">
                {spans
                  .filter((span) => span.annotatorId === id)
                  .map((span) => (
                    <li key={span.id}>
                      {span.labelIds
                        .filter((labelId) => (scope ? scope.has(labelId) : labels.has(labelId)))
                        .map((labelId) => {
                          const entry = labels.get(labelId);
                          return entry ? `${entry.dimension.name}: ${entry.label.name}` : labelId;
                        })
                        .join("; ") || "No label"}
                      <span className="block text-stone-600">marked “{span.exact}”</span>
                      {span.comment ? (
                        <span className="block text-stone-700">Comment: {span.comment}</span>
                      ) : null}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
      </ul>
      {notMarked.length > 0 ? (
        <p className="text-stone-700">
          Not marked by: {notMarked.map((id) => names.get(id) ?? "someone").join(", ")}.
        </p>
      ) : null}
    </>
  );
}
