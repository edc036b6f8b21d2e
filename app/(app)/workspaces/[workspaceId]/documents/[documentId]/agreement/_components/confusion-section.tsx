"use client";

import { useId, useState } from "react";

import { DownloadCsvButton } from "@/components/insight/chart-figure";
import { ScrollArea } from "@/components/insight/scroll-area";
import type { DocumentAgreementView } from "@/lib/insight/document-agreement";
import { toFileName } from "@/lib/insight/to-csv";
import type { InsightDimension, LabelIndex } from "@/lib/insight/types";

type ConfusionSectionProps = {
  view: DocumentAgreementView;
  labels: LabelIndex;
  dimensionName: (dimension: Pick<InsightDimension, "name" | "codebookVersion">) => string;
  fileStem: string;
};

// Which labels annotators put on the same passages: agreement on the diagonal, swaps
// (Loaded language vs Name calling) off it.
export function ConfusionSection({ view, labels, dimensionName, fileStem }: ConfusionSectionProps) {
  const selectId = useId();
  const initial =
    view.dimensions.find((entry) => entry.confusion.topConfusions.length > 0) ?? view.dimensions[0];
  const [dimensionId, setDimensionId] = useState(initial?.dimension.id ?? "");
  const entry = view.dimensions.find((candidate) => candidate.dimension.id === dimensionId);

  if (!entry) {
    return null;
  }

  const { confusion } = entry;
  const labelName = (id: string) => labels.get(id)?.label.name ?? id;
  // Labels nobody used stay out, so the table fits.
  const used = confusion.labelIds
    .map((labelId, index) => ({ labelId, index }))
    .filter(
      ({ index }) =>
        confusion.notMarkedByOther[index]! > 0 ||
        confusion.counts[index]!.some((count) => count > 0),
    );
  const notMarked = "Not marked by the other";

  return (
    <section aria-labelledby="confusion-heading" className="flex flex-col gap-3">
      <h2 id="confusion-heading" className="text-xl font-semibold">
        Label confusion
      </h2>
      <p className="max-w-3xl text-sm text-stone-700">
        For every two annotators and every two of their highlights that overlap: a label both gave
        counts on the diagonal; a label only one gave is paired with the label only the other gave.
        “{notMarked}” counts highlights that nothing of the other annotator’s overlaps.
      </p>
      <div className="flex flex-col gap-1">
        <label htmlFor={selectId} className="text-sm font-medium">
          Dimension
        </label>
        <select
          id={selectId}
          value={dimensionId}
          onChange={(event) => setDimensionId(event.target.value)}
          className="w-fit rounded-md border border-stone-400 bg-white px-3 py-2"
        >
          {view.dimensions.map((candidate) => (
            <option key={candidate.dimension.id} value={candidate.dimension.id}>
              {dimensionName(candidate.dimension)}
            </option>
          ))}
        </select>
      </div>
      {confusion.topConfusions.length > 0 ? (
        <ul className="list-disc pl-5 text-sm" data-testid="top-confusions">
          {confusion.topConfusions.slice(0, 5).map((pair) => (
            <li key={`${pair.first}-${pair.second}`}>
              {labelName(pair.first)} vs {labelName(pair.second)}: {pair.count} overlapping pair
              {pair.count === 1 ? "" : "s"}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">
          No two annotators put different labels on overlapping passages here.
        </p>
      )}
      {used.length === 0 ? (
        <p className="text-sm">Nobody highlighted anything in this dimension.</p>
      ) : (
        <ScrollArea label="Label confusion table">
          <table className="border-collapse text-sm" data-testid="confusion-table">
            <caption className="py-1 text-left font-medium">
              Label pairs on overlapping highlights, {dimensionName(entry.dimension)} (
              {confusion.overlappingPairs} overlapping pairs)
            </caption>
            <thead>
              <tr>
                <td />
                {used.map(({ labelId }) => (
                  <th
                    key={labelId}
                    scope="col"
                    className="border-b border-stone-400 px-2 py-1 font-medium"
                  >
                    {labelName(labelId)}
                  </th>
                ))}
                <th scope="col" className="border-b border-stone-400 px-2 py-1 font-medium">
                  {notMarked}
                </th>
              </tr>
            </thead>
            <tbody>
              {used.map(({ labelId, index }) => (
                <tr key={labelId} className="border-b border-stone-200">
                  <th scope="row" className="px-2 py-1 text-left font-medium">
                    {labelName(labelId)}
                  </th>
                  {used.map((column) => (
                    <td
                      key={column.labelId}
                      className={`px-2 py-1 text-center tabular-nums ${column.index === index ? "font-semibold" : ""}`}
                    >
                      {confusion.counts[index]![column.index]}
                    </td>
                  ))}
                  <td className="px-2 py-1 text-center tabular-nums">
                    {confusion.notMarkedByOther[index]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <div>
        <DownloadCsvButton
          label="Download the confusion table (CSV)"
          fileName={toFileName("label-confusion", fileStem, entry.dimension.name)}
          data={{
            header: ["label", ...confusion.labelIds.map(labelName), notMarked],
            rows: confusion.labelIds.map((labelId, index) => [
              labelName(labelId),
              ...confusion.counts[index]!,
              confusion.notMarkedByOther[index]!,
            ]),
          }}
        />
      </div>
    </section>
  );
}
