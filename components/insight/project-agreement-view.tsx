"use client";

import Link from "next/link";

import type { ProjectAgreement, TrendPeriod } from "@/lib/insight/project-agreement";
import { formatCounts, formatMeasure, measureCell, reasonCell } from "@/lib/insight/format-measure";
import { toFileName, type CsvCell } from "@/lib/insight/to-csv";

import { DownloadCsvButton } from "./chart-figure";
import { ScrollArea } from "./scroll-area";
import { TrendFigure } from "./trend-figure";

type ProjectAgreementViewProps = {
  agreement: ProjectAgreement;
  // In the project's order: d1, d2 … in the reliability matrix.
  documents: { id: string; title: string; outlet: string }[];
  // The reliability matrix route of this project; ?dimension=<id> is added.
  matrixPath: string;
  fileStem: string;
  // This page, for the week / day switch (?trend=day).
  pagePath: string;
};

// Agreement across the documents of a collection or a workspace: per document and pooled,
// per dimension, and the pooled token α week by week.
export function ProjectAgreementView({
  agreement,
  documents,
  matrixPath,
  fileStem,
  pagePath,
}: ProjectAgreementViewProps) {
  const period = agreement.trendPeriod;
  const periodWord: Record<TrendPeriod, string> = { week: "week", day: "day" };

  const number = new Map(documents.map((document, index) => [document.id, `d${index + 1}`]));
  const versions = new Set(agreement.dimensions.map((entry) => entry.dimension.codebookVersion));
  const dimensionName = (entry: ProjectAgreement["dimensions"][number]) =>
    versions.size > 1
      ? `${entry.dimension.name} (v${entry.dimension.codebookVersion})`
      : entry.dimension.name;
  const series = agreement.dimensions.map((entry) => ({
    key: entry.dimension.id,
    name: dimensionName(entry),
  }));
  const csvRows: CsvCell[][] = agreement.dimensions.flatMap((entry) => [
    ...entry.documents.map((row) => [
      dimensionName(entry),
      `${number.get(row.documentId) ?? ""} ${row.outlet}`,
      row.annotators,
      measureCell(row.tokenAlpha),
      reasonCell(row.tokenAlpha),
      row.tokenAlpha.n.units,
      measureCell(row.overlapF1),
      reasonCell(row.overlapF1),
    ]),
    [
      dimensionName(entry),
      "All documents (pooled)",
      entry.pooledAlpha.n.annotators,
      measureCell(entry.pooledAlpha),
      reasonCell(entry.pooledAlpha),
      entry.pooledAlpha.n.units,
      "",
      "",
    ],
  ]);

  return (
    <section aria-labelledby="project-agreement-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h2 id="project-agreement-heading" className="text-xl font-semibold">
          Agreement across the documents
        </h2>
        <DownloadCsvButton
          label="Download agreement per document (CSV)"
          fileName={toFileName("agreement-across-documents", fileStem)}
          data={{
            header: [
              "dimension",
              "document",
              "annotators",
              "token_alpha",
              "token_alpha_undefined_reason",
              "n_tokens",
              "span_f1_overlap",
              "span_f1_undefined_reason",
            ],
            rows: csvRows,
          }}
        />
      </div>
      <p className="max-w-3xl text-sm text-stone-700">
        Token α per document, and pooled over every document’s tokens at once (each document’s
        annotators give values; everyone else is missing, as in the reliability matrix). Span F1 is
        the mean over annotator pairs, overlap match. Annotators are the people with a highlight on
        a document; those who read it and marked nothing are not counted.
      </p>
      {agreement.excluded.length > 0 ? (
        <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-2 text-sm">
          Left out:{" "}
          {agreement.excluded.map((entry) => `“${entry.title}” (${entry.reason})`).join("; ")}.
        </p>
      ) : null}
      {agreement.dimensions.map((entry) => (
        <div key={entry.dimension.id} className="flex flex-col gap-1">
          <ScrollArea label={`Agreement per document: ${dimensionName(entry)}`}>
            <table
              className="min-w-full border-collapse text-left text-sm"
              data-testid={`project-${entry.dimension.key}`}
            >
              <caption className="py-1 text-left font-semibold">{dimensionName(entry)}</caption>
              <thead>
                <tr className="border-b border-stone-400">
                  <th scope="col" className="px-2 py-1 font-medium">
                    Document
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    Annotators
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    Token α
                  </th>
                  <th scope="col" className="px-2 py-1 font-medium">
                    Span F1, overlap
                  </th>
                </tr>
              </thead>
              <tbody>
                {entry.documents.map((row) => (
                  <tr key={row.documentId} className="border-b border-stone-200 align-top">
                    <th scope="row" className="px-2 py-1 font-normal">
                      {number.get(row.documentId)} · {row.outlet}
                    </th>
                    <td className="px-2 py-1 tabular-nums">{row.annotators}</td>
                    <td className="px-2 py-1">
                      {formatMeasure(row.tokenAlpha)}
                      <span className="block text-xs text-stone-600">
                        {formatCounts(row.tokenAlpha, "tokens")}
                      </span>
                    </td>
                    <td className="px-2 py-1">
                      {formatMeasure(row.overlapF1)}
                      <span className="block text-xs text-stone-600">
                        {row.overlapF1.n.values} annotator pair
                        {row.overlapF1.n.values === 1 ? "" : "s"}
                      </span>
                    </td>
                  </tr>
                ))}
                <tr className="border-t-2 border-stone-400 align-top">
                  <th scope="row" className="px-2 py-1 font-semibold">
                    All documents (pooled)
                  </th>
                  <td className="px-2 py-1 tabular-nums">{entry.pooledAlpha.n.annotators}</td>
                  <td className="px-2 py-1 font-semibold">
                    {formatMeasure(entry.pooledAlpha)}
                    <span className="block text-xs font-normal text-stone-600">
                      {formatCounts(entry.pooledAlpha, "tokens")}
                    </span>
                  </td>
                  <td className="px-2 py-1" />
                </tr>
              </tbody>
            </table>
          </ScrollArea>
          <p className="text-sm">
            <a
              href={`${matrixPath}?dimension=${entry.dimension.id}`}
              download
              className="text-sky-800 underline"
            >
              {dimensionName(entry)} — reliability matrix for all documents (CSV)
            </a>{" "}
            <span className="text-stone-600">(units are labelled d1, d2 … in the order above)</span>
          </p>
        </div>
      ))}
      <div className="flex flex-col gap-2" data-testid="agreement-trend">
        <h3 className="text-lg font-semibold">How agreement moved over time</h3>
        <nav aria-label="Trend period" className="flex gap-3 text-sm">
          {(["week", "day"] as const).map((option) =>
            option === period ? (
              <span key={option} aria-current="page" className="font-semibold">
                By {periodWord[option]}
              </span>
            ) : (
              <Link
                key={option}
                href={option === "week" ? pagePath : `${pagePath}?trend=day`}
                className="text-sky-800 underline"
                scroll={false}
              >
                By {periodWord[option]}
              </Link>
            ),
          )}
        </nav>
        {agreement.trend.length === 0 ? (
          <p className="text-sm text-stone-700">No highlights yet, so there is no trend to show.</p>
        ) : (
          <>
            <TrendFigure
              title={`Pooled token α ${period} by ${period}`}
              description={`Each ${period} uses the highlights made by its end (${period === "week" ? "weeks start on Monday, UTC; at most the last 26" : "UTC days; at most the last 31"}). A gap means α was undefined then. The dashed lines mark 0.667 and 0.800.`}
              fileName={toFileName("agreement-trend-alpha", period, fileStem)}
              xName={period}
              points={agreement.trend.map((point) => ({ x: point.start, values: point.alpha }))}
              series={series}
            />
            <TrendFigure
              title={`Mean span F1 (overlap) ${period} by ${period}`}
              description={`The mean over every document’s annotator pairs of labelled span F1 (overlap match), from the highlights made by the end of each ${period}. A gap means no pair had anything to compare.`}
              fileName={toFileName("agreement-trend-f1", period, fileStem)}
              xName={period}
              minimum={0}
              points={agreement.trend.map((point) => ({ x: point.start, values: point.f1 }))}
              series={series}
            />
          </>
        )}
      </div>
    </section>
  );
}
