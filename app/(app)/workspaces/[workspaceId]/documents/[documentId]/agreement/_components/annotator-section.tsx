"use client";

import { useId, useState } from "react";

import { DownloadCsvButton } from "@/components/insight/chart-figure";
import { ScrollArea } from "@/components/insight/scroll-area";
import type { SpanMatch } from "@/lib/agreement";
import {
  spanMatches,
  summariseAnnotators,
  type DocumentAgreementView,
} from "@/lib/insight/document-agreement";
import { formatValue } from "@/lib/insight/format-measure";
import { toFileName } from "@/lib/insight/to-csv";
import type { InsightDimension, InsightDocument, LabelIndex } from "@/lib/insight/types";

type AnnotatorSectionProps = {
  document: InsightDocument;
  view: DocumentAgreementView;
  labels: LabelIndex;
  names: ReadonlyMap<string, string>;
  dimensionName: (dimension: Pick<InsightDimension, "name" | "codebookVersion">) => string;
};

const allDimensions = "all";
const matchNames: Record<SpanMatch, string> = {
  overlap: "Overlap (one shared character)",
  exact: "Exact (same start and end)",
  partial: "Partial credit (SemEval)",
};

// Each annotator against each other one (span F1), and against the others on average.
export function AnnotatorSection({
  document,
  view,
  labels,
  names,
  dimensionName,
}: AnnotatorSectionProps) {
  const dimensionSelect = useId();
  const matchSelect = useId();
  const [dimensionId, setDimensionId] = useState(allDimensions);
  const [match, setMatch] = useState<SpanMatch>("overlap");

  const dimension = view.dimensions.find((entry) => entry.dimension.id === dimensionId) ?? null;
  const annotatorIds = dimension ? dimension.annotatorIds : view.allDimensions.annotatorIds;
  const matrix = (dimension ? dimension.pairs : view.allDimensions.pairs)[match];
  const summary = summariseAnnotators(annotatorIds, matrix);
  const inScope = dimension ? new Set(dimension.dimension.labels.map((label) => label.id)) : null;
  const highlights = (id: string) =>
    document.spans.filter(
      (span) =>
        span.annotatorId === id &&
        span.labelIds.some((labelId) => (inScope ? inScope.has(labelId) : labels.has(labelId))),
    ).length;
  const name = (id: string) => names.get(id) ?? "Someone";
  const scopeName = dimension ? dimensionName(dimension.dimension) : "All dimensions";
  const cell = (value: number | null | undefined) =>
    value === null || value === undefined ? "—" : formatValue(value);

  return (
    <section aria-labelledby="annotators-heading" className="flex flex-col gap-3">
      <h2 id="annotators-heading" className="text-xl font-semibold">
        Annotators
      </h2>
      <p className="max-w-3xl text-sm text-stone-700">
        Span F1 between every two annotators, labelled (a highlight only matches one with the same
        label). “—” means neither of the two marked anything here. Highlights a lead made while
        adjudicating are not an annotator’s: they are the gold set, compared below.
      </p>
      <div className="flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={dimensionSelect} className="text-sm font-medium">
            Dimension
          </label>
          <select
            id={dimensionSelect}
            value={dimensionId}
            onChange={(event) => setDimensionId(event.target.value)}
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
        <div className="flex flex-col gap-1">
          <label htmlFor={matchSelect} className="text-sm font-medium">
            Highlights match when
          </label>
          <select
            id={matchSelect}
            value={match}
            onChange={(event) => setMatch(event.target.value as SpanMatch)}
            className="rounded-md border border-stone-400 bg-white px-3 py-2"
          >
            {spanMatches.map((option) => (
              <option key={option} value={option}>
                {matchNames[option]}
              </option>
            ))}
          </select>
        </div>
      </div>

      {annotatorIds.length < 2 ? (
        <p className="text-sm">
          There is nobody to compare with yet: agreement needs at least two annotators.
        </p>
      ) : (
        <>
          <ScrollArea label="Pairwise span F1">
            <table className="border-collapse text-sm" data-testid="pairwise-matrix">
              <caption className="py-1 text-left font-medium">
                Span F1 for each pair, {match} match: {scopeName}
              </caption>
              <thead>
                <tr>
                  <td />
                  {annotatorIds.map((id) => (
                    <th
                      key={id}
                      scope="col"
                      className="border-b border-stone-400 px-2 py-1 font-medium"
                    >
                      {name(id)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {annotatorIds.map((rowId, row) => (
                  <tr key={rowId} className="border-b border-stone-200">
                    <th scope="row" className="px-2 py-1 text-left font-medium">
                      {name(rowId)}
                    </th>
                    {annotatorIds.map((columnId, column) => (
                      <td key={columnId} className="px-2 py-1 text-center tabular-nums">
                        {row === column ? (
                          <span aria-label="same annotator">·</span>
                        ) : (
                          cell(matrix[row]?.[column])
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          <ScrollArea label="Each annotator against the others">
            <table className="border-collapse text-left text-sm" data-testid="annotator-summary">
              <caption className="py-1 text-left font-medium">
                Each annotator against the others, {scopeName}
              </caption>
              <thead>
                <tr className="border-b border-stone-400">
                  <th scope="col" className="px-2 py-1 font-medium">
                    Annotator
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    Highlights
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    Mean F1 against the others
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    Pairs it rests on
                  </th>
                </tr>
              </thead>
              <tbody>
                {summary.map((entry) => (
                  <tr key={entry.annotatorId} className="border-b border-stone-200">
                    <th scope="row" className="px-2 py-1 font-medium">
                      {name(entry.annotatorId)}
                    </th>
                    <td className="px-2 py-1 tabular-nums">{highlights(entry.annotatorId)}</td>
                    <td className="px-2 py-1 tabular-nums">
                      {entry.meanF1 === null
                        ? "undefined: no pair with a highlight"
                        : formatValue(entry.meanF1)}
                    </td>
                    <td className="px-2 py-1 tabular-nums">
                      {entry.pairs} of {annotatorIds.length - 1}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          <div>
            <DownloadCsvButton
              label="Download the annotator matrix (CSV)"
              fileName={toFileName("annotator-f1", document.title, scopeName, match)}
              data={{
                header: [
                  "annotator",
                  ...annotatorIds.map(name),
                  "mean_f1_against_others",
                  "highlights",
                ],
                rows: annotatorIds.map((id, row) => [
                  name(id),
                  ...annotatorIds.map((_, column) =>
                    row === column ? null : (matrix[row]?.[column] ?? null),
                  ),
                  summary[row]?.meanF1 === null || summary[row] === undefined
                    ? null
                    : Number(summary[row].meanF1.toFixed(4)),
                  highlights(id),
                ]),
              }}
            />
          </div>
        </>
      )}
    </section>
  );
}
