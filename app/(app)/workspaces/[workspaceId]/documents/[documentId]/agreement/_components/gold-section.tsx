"use client";

import { useId, useState } from "react";

import { DownloadCsvButton } from "@/components/insight/chart-figure";
import { ScrollArea } from "@/components/insight/scroll-area";
import type { SpanMatch } from "@/lib/agreement";
import { spanMatches } from "@/lib/insight/document-agreement";
import { formatMeasure, measureCell, reasonCell } from "@/lib/insight/format-measure";
import type { GoldAgreementView, GoldScores } from "@/lib/insight/gold-agreement";
import { toFileName } from "@/lib/insight/to-csv";
import type { InsightDimension, LabelIndex } from "@/lib/insight/types";

type GoldSectionProps = {
  gold: GoldAgreementView;
  dimensions: Pick<InsightDimension, "id" | "name" | "codebookVersion">[];
  labels: LabelIndex;
  names: ReadonlyMap<string, string>;
  dimensionName: (dimension: Pick<InsightDimension, "name" | "codebookVersion">) => string;
  fileStem: string;
};

const allDimensions = "all";
const matchNames: Record<SpanMatch, string> = {
  overlap: "F1, overlap",
  exact: "F1, exact",
  partial: "F1, partial credit",
};

// Each annotator against the document's gold set (the lead's adjudicated highlights): span
// F1 for each way of matching, and which labels they gave where the gold set has another.
export function GoldSection({
  gold,
  dimensions,
  labels,
  names,
  dimensionName,
  fileStem,
}: GoldSectionProps) {
  const dimensionSelect = useId();
  const annotatorSelect = useId();
  const firstWithGold =
    gold.hasGold === true
      ? (gold.dimensions.find((entry) => entry.goldHighlights > 0)?.dimensionId ?? allDimensions)
      : allDimensions;
  const [dimensionId, setDimensionId] = useState(firstWithGold);
  const [annotatorId, setAnnotatorId] = useState<string | null>(null);

  if (!gold.hasGold) {
    return (
      <section aria-labelledby="gold-heading" className="flex flex-col gap-3">
        <h2 id="gold-heading" className="text-xl font-semibold">
          Annotators against the gold set
        </h2>
        <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-2 text-sm">
          {gold.message}
        </p>
      </section>
    );
  }

  const name = (id: string) => names.get(id) ?? "Someone";
  const labelName = (id: string) => labels.get(id)?.label.name ?? "Unknown label";
  const dimension = gold.dimensions.find((entry) => entry.dimensionId === dimensionId) ?? null;
  const scopeName = dimension
    ? dimensionName(dimensions.find((entry) => entry.id === dimension.dimensionId)!)
    : "All dimensions";
  const rows: { annotatorId: string; highlights: number; scores: GoldScores }[] = dimension
    ? dimension.annotators
    : gold.allDimensions;
  const goldHighlights = dimension ? dimension.goldHighlights : gold.goldHighlights;
  const chosen =
    dimension?.annotators.find((entry) => entry.annotatorId === annotatorId) ??
    dimension?.annotators[0] ??
    null;
  const confusion = chosen?.confusion ?? null;
  // Only labels the gold set or this annotator used, so the matrix stays readable.
  const used = confusion
    ? confusion.labelIds
        .map((_, index) => index)
        .filter(
          (index) =>
            confusion.counts[index]!.some((count) => count > 0) ||
            confusion.counts.some((row) => row[index]! > 0) ||
            confusion.missed[index]! > 0 ||
            confusion.extra[index]! > 0,
        )
    : [];

  return (
    <section aria-labelledby="gold-heading" className="flex flex-col gap-3">
      <h2 id="gold-heading" className="text-xl font-semibold">
        Annotators against the gold set
      </h2>
      <p className="max-w-3xl text-sm text-stone-700">
        The gold set is the highlights a lead accepted, edited or added in adjudication (
        {gold.goldHighlights} highlight{gold.goldHighlights === 1 ? "" : "s"}). Each annotator’s
        highlights are scored against it as a reference, labelled: precision is the share of the
        annotator’s highlights the gold set confirms, recall the share of the gold set the annotator
        found. Where the gold set has nothing in a dimension, any highlight there scores 0.
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
            {gold.dimensions.map((entry) => {
              const info = dimensions.find((candidate) => candidate.id === entry.dimensionId)!;
              return (
                <option key={entry.dimensionId} value={entry.dimensionId}>
                  {dimensionName(info)} ({entry.goldHighlights} gold)
                </option>
              );
            })}
          </select>
        </div>
      </div>
      <ScrollArea label="Each annotator against the gold set">
        <table className="border-collapse text-left text-sm" data-testid="gold-summary">
          <caption className="py-1 text-left font-medium">
            Each annotator against the gold set, {scopeName} ({goldHighlights} gold highlight
            {goldHighlights === 1 ? "" : "s"})
          </caption>
          <thead>
            <tr className="border-b border-stone-400">
              <th scope="col" className="px-2 py-1 font-medium">
                Annotator
              </th>
              <th scope="col" className="px-2 py-1 font-medium">
                Highlights
              </th>
              {spanMatches.map((match) => (
                <th key={match} scope="col" className="px-2 py-1 font-medium">
                  {matchNames[match]}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 font-medium">
                Precision, recall (overlap)
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const overlap = row.scores.overlap;
              return (
                <tr key={row.annotatorId} className="border-b border-stone-200">
                  <th scope="row" className="px-2 py-1 font-medium">
                    {name(row.annotatorId)}
                  </th>
                  <td className="px-2 py-1 tabular-nums">{row.highlights}</td>
                  {spanMatches.map((match) => (
                    <td key={match} className="px-2 py-1 tabular-nums">
                      {formatMeasure(row.scores[match])}
                    </td>
                  ))}
                  <td className="px-2 py-1 tabular-nums">
                    {overlap.defined
                      ? `${overlap.detail.precision.toFixed(2)}, ${overlap.detail.recall.toFixed(2)}`
                      : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollArea>
      <div>
        <DownloadCsvButton
          label="Download F1 against the gold set (CSV)"
          fileName={toFileName("f1-against-gold", fileStem, scopeName)}
          data={{
            header: [
              "annotator",
              "highlights",
              "gold_highlights",
              ...spanMatches.flatMap((match) => [
                `f1_${match}`,
                `precision_${match}`,
                `recall_${match}`,
                `f1_${match}_undefined_reason`,
              ]),
            ],
            rows: rows.map((row) => [
              name(row.annotatorId),
              row.highlights,
              goldHighlights,
              ...spanMatches.flatMap((match) => {
                const result = row.scores[match];
                return [
                  measureCell(result),
                  result.defined ? Number(result.detail.precision.toFixed(6)) : "",
                  result.defined ? Number(result.detail.recall.toFixed(6)) : "",
                  reasonCell(result),
                ];
              }),
            ]),
          }}
        />
      </div>

      <h3 className="text-lg font-semibold">Labels against the gold set</h3>
      {!dimension || !chosen || !confusion ? (
        <p className="text-sm text-stone-700">
          Choose one dimension above to see which labels each annotator gave where the gold set has
          another one.
        </p>
      ) : (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor={annotatorSelect} className="text-sm font-medium">
              Annotator
            </label>
            <select
              id={annotatorSelect}
              value={chosen.annotatorId}
              onChange={(event) => setAnnotatorId(event.target.value)}
              className="w-fit rounded-md border border-stone-400 bg-white px-3 py-2"
            >
              {dimension.annotators.map((entry) => (
                <option key={entry.annotatorId} value={entry.annotatorId}>
                  {name(entry.annotatorId)}
                </option>
              ))}
            </select>
          </div>
          <p className="text-sm" data-testid="gold-top-confusions">
            {confusion.topConfusions.length === 0
              ? `Where ${name(chosen.annotatorId)}’s highlights overlap the gold set in ${scopeName}, the labels agree.`
              : `Where the gold set says one label and ${name(chosen.annotatorId)} another: ${confusion.topConfusions
                  .slice(0, 5)
                  .map(
                    (entry) =>
                      `gold ${labelName(entry.goldLabelId)}, ${name(chosen.annotatorId)} ${labelName(entry.annotatorLabelId)} (${entry.count})`,
                  )
                  .join("; ")}.`}
          </p>
          {used.length === 0 ? (
            <p className="text-sm text-stone-700">
              Neither the gold set nor {name(chosen.annotatorId)} has a highlight in {scopeName}.
            </p>
          ) : (
            <ScrollArea label="Label confusion against the gold set">
              <table className="border-collapse text-sm" data-testid="gold-confusion">
                <caption className="py-1 text-left font-medium">
                  Gold label (rows) against {name(chosen.annotatorId)}’s label (columns),
                  overlapping highlights, {scopeName}
                </caption>
                <thead>
                  <tr>
                    <td />
                    {used.map((index) => (
                      <th
                        key={index}
                        scope="col"
                        className="border-b border-stone-400 px-2 py-1 font-medium"
                      >
                        {labelName(confusion.labelIds[index]!)}
                      </th>
                    ))}
                    <th scope="col" className="border-b border-stone-400 px-2 py-1 font-medium">
                      Missed (no highlight of theirs overlaps)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {used.map((row) => (
                    <tr key={row} className="border-b border-stone-200">
                      <th scope="row" className="px-2 py-1 text-left font-medium">
                        {labelName(confusion.labelIds[row]!)}
                      </th>
                      {used.map((column) => (
                        <td
                          key={column}
                          className={`px-2 py-1 text-center tabular-nums ${row === column ? "font-semibold" : ""}`}
                        >
                          {confusion.counts[row]![column]}
                        </td>
                      ))}
                      <td className="px-2 py-1 text-center tabular-nums">
                        {confusion.missed[row]}
                      </td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row" className="px-2 py-1 text-left font-medium">
                      Not in the gold set
                    </th>
                    {used.map((column) => (
                      <td key={column} className="px-2 py-1 text-center tabular-nums">
                        {confusion.extra[column]}
                      </td>
                    ))}
                    <td />
                  </tr>
                </tbody>
              </table>
            </ScrollArea>
          )}
        </>
      )}
    </section>
  );
}
