"use client";

import { BarFigure } from "@/components/insight/bar-figure";
import { DownloadCsvButton } from "@/components/insight/chart-figure";
import { ScrollArea } from "@/components/insight/scroll-area";
import type { AgreementResult } from "@/lib/agreement";
import type { DimensionAgreementView } from "@/lib/insight/document-agreement";
import {
  formatCounts,
  formatMeasure,
  measureCell,
  reasonCell,
  undefinedExplanations,
} from "@/lib/insight/format-measure";
import { toFileName, type CsvCell } from "@/lib/insight/to-csv";
import type { InsightDimension, LabelIndex } from "@/lib/insight/types";

type MeasuresSectionProps = {
  dimensions: DimensionAgreementView[];
  labels: LabelIndex;
  dimensionName: (dimension: Pick<InsightDimension, "name" | "codebookVersion">) => string;
  fileStem: string;
};

type Row = {
  label: string;
  tokenAlpha: AgreementResult;
  unitizedAlpha: AgreementResult;
  overlap: AgreementResult;
  exact: AgreementResult;
  partial: AgreementResult;
  fleiss: AgreementResult;
  cohen: AgreementResult;
  spans: number;
  annotatorsWithSpans: number | null;
};

const measureColumns = [
  ["tokenAlpha", "Token α (Krippendorff)", "tokens"],
  ["unitizedAlpha", "Unitized α", "highlights"],
  ["overlap", "Span F1, overlap", "annotator pairs"],
  ["exact", "Span F1, exact", "annotator pairs"],
  ["partial", "Span F1, partial", "annotator pairs"],
  ["fleiss", "Fleiss’ κ (tokens)", "tokens"],
  ["cohen", "Cohen’s κ, mean of pairs", "tokens"],
] as const;

function toRows(entry: DimensionAgreementView, labelName: (id: string) => string): Row[] {
  const { overall, perLabel } = entry.agreement;
  return [
    {
      label: "All labels",
      tokenAlpha: overall.tokens.krippendorffAlpha,
      unitizedAlpha: overall.unitizedAlpha,
      overlap: overall.spanF1.labelled.overlap,
      exact: overall.spanF1.labelled.exact,
      partial: overall.spanF1.labelled.partial,
      fleiss: overall.tokens.fleissKappa,
      cohen: overall.tokens.cohenKappa,
      spans: overall.spans,
      annotatorsWithSpans: null,
    },
    ...perLabel.map((label) => ({
      label: labelName(label.label),
      tokenAlpha: label.tokens.krippendorffAlpha,
      unitizedAlpha: label.unitizedAlpha,
      overlap: label.spanF1.overlap,
      exact: label.spanF1.exact,
      partial: label.spanF1.partial,
      fleiss: label.tokens.fleissKappa,
      cohen: label.tokens.cohenKappa,
      spans: label.spans,
      annotatorsWithSpans: label.annotatorsWithSpans,
    })),
  ];
}

// Every measure per dimension and per label, each with the n it rests on.
export function MeasuresSection({
  dimensions,
  labels,
  dimensionName,
  fileStem,
}: MeasuresSectionProps) {
  const labelName = (id: string) => labels.get(id)?.label.name ?? id;
  const csvRows: CsvCell[][] = dimensions.flatMap((entry) =>
    toRows(entry, labelName).flatMap((row) =>
      measureColumns.map(([key, name, unit]) => [
        dimensionName(entry.dimension),
        row.label,
        name,
        measureCell(row[key]),
        reasonCell(row[key]),
        row[key].n.units,
        unit,
        row[key].n.annotators,
      ]),
    ),
  );

  return (
    <section aria-labelledby="measures-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="measures-heading" className="text-xl font-semibold">
          Measures per dimension and label
        </h2>
        <DownloadCsvButton
          label="Download all measures (CSV)"
          fileName={toFileName("agreement", fileStem)}
          data={{
            header: [
              "dimension",
              "label",
              "measure",
              "value",
              "undefined_reason",
              "n_units",
              "unit",
              "n_annotators",
            ],
            rows: csvRows,
          }}
        />
      </div>
      <p className="max-w-3xl text-sm text-stone-700">
        Token measures compare every word token (letters and digits, or one punctuation mark) as
        marked or not, per label. Unitized α compares where highlights start and end, character by
        character. Span F1 averages over every pair of annotators: <em>exact</em> needs the same
        start and end, <em>overlap</em> one shared character, <em>partial</em> gives credit for the
        share that overlaps. n is what each figure rests on. See docs/agreement.md.
      </p>
      <p className="max-w-3xl text-sm text-stone-700">
        “undefined: no variation”: {undefinedExplanations["no-variation"]}. “undefined: nobody
        marked anything”: {undefinedExplanations["no-spans"]}. Labels nobody used are listed under
        each table; their figures are in the CSV.
      </p>
      {dimensions.map((entry) => {
        const allRows = toRows(entry, labelName);
        // Labels nobody used are undefined everywhere; one line says so instead of a row each.
        const rows = allRows.filter((row, index) => index === 0 || row.spans > 0);
        const unused = allRows.slice(1).filter((row) => row.spans === 0);
        const tableId = `measures-${entry.dimension.id}`;
        const charted = rows.slice(1).filter((row) => row.tokenAlpha.defined);

        if (entry.agreement.overall.spans === 0) {
          return (
            <div key={entry.dimension.id} className="flex flex-col gap-1">
              <h3 id={tableId} className="text-lg font-semibold">
                {dimensionName(entry.dimension)}
              </h3>
              <p className="text-sm" data-testid={`measures-${entry.dimension.key}`}>
                Nobody highlighted anything in {entry.dimension.name} ({entry.agreement.annotators}{" "}
                annotator{entry.agreement.annotators === 1 ? "" : "s"},{" "}
                {entry.agreement.tokens.toLocaleString("en")} word tokens), so every figure is
                undefined.
              </p>
            </div>
          );
        }

        return (
          <div key={entry.dimension.id} className="flex flex-col gap-2">
            <h3 id={tableId} className="text-lg font-semibold">
              {dimensionName(entry.dimension)}
            </h3>
            <p className="text-sm text-stone-700">
              {entry.agreement.annotators} annotators ·{" "}
              {entry.agreement.tokens.toLocaleString("en")} word tokens ·{" "}
              {entry.agreement.overall.spans} highlights
            </p>
            <ScrollArea label={`Measures: ${dimensionName(entry.dimension)}`}>
              <table
                aria-labelledby={tableId}
                className="min-w-full border-collapse text-left text-sm"
                data-testid={`measures-${entry.dimension.key}`}
              >
                <thead>
                  <tr className="border-b border-stone-400">
                    <th scope="col" className="px-2 py-1 font-medium">
                      Label
                    </th>
                    {measureColumns.map(([key, name]) => (
                      <th key={key} scope="col" className="px-2 py-1 font-medium">
                        {name}
                      </th>
                    ))}
                    <th scope="col" className="px-2 py-1 font-medium">
                      Highlights
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.label} className="border-b border-stone-200 align-top">
                      <th scope="row" className="px-2 py-1 font-medium">
                        {row.label}
                      </th>
                      {measureColumns.map(([key, , unit]) => (
                        <td key={key} className="px-2 py-1">
                          <span
                            className={
                              row[key].defined ? "font-semibold tabular-nums" : "text-stone-700"
                            }
                          >
                            {formatMeasure(row[key])}
                          </span>
                          <span className="block text-xs text-stone-600">
                            {formatCounts(row[key], unit)}
                          </span>
                        </td>
                      ))}
                      <td className="px-2 py-1 tabular-nums">
                        {row.spans}
                        {row.annotatorsWithSpans === null ? "" : ` by ${row.annotatorsWithSpans}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
            {unused.length > 0 ? (
              <p className="text-sm text-stone-700">
                Not used by anyone here: {unused.map((row) => row.label).join(", ")}.
              </p>
            ) : null}
            {charted.length > 0 ? (
              <BarFigure
                title={`Token α per label: ${dimensionName(entry.dimension)}`}
                description={`Labels with a defined α only (${charted.length} of ${allRows.length - 1}). 1 is perfect agreement, 0 is chance; 0.667 is the usual floor for tentative conclusions, 0.800 for firm ones.`}
                fileName={toFileName("token-alpha", fileStem, entry.dimension.name)}
                valueName="token alpha"
                domain={[-1, 1]}
                data={charted.map((row) => ({
                  name: row.label,
                  value: row.tokenAlpha.defined ? Number(row.tokenAlpha.value.toFixed(4)) : 0,
                  label: formatMeasure(row.tokenAlpha),
                }))}
                table={{
                  header: ["label", "token alpha", "n tokens", "n annotators"],
                  rows: charted.map((row) => [
                    row.label,
                    row.tokenAlpha.defined ? Number(row.tokenAlpha.value.toFixed(4)) : "",
                    row.tokenAlpha.n.units,
                    row.tokenAlpha.n.annotators,
                  ]),
                }}
              />
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
