"use client";

import { useId, useRef, useState, type ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { toCsv, type CsvCell } from "@/lib/insight/to-csv";

import { downloadBlob, downloadText, serializeSvg, svgToPng } from "./download-file";
import { ScrollArea } from "./scroll-area";

export type FigureData = { header: string[]; rows: CsvCell[][] };

type ChartFigureProps = {
  title: string;
  description?: ReactNode;
  // Without extension; .svg, .png and .csv are added.
  fileName: string;
  data: FigureData;
  children: ReactNode;
  // Show the table next to the chart (wrapping under it on narrow screens) rather than
  // folded away under "Show the numbers as a table".
  tableBeside?: boolean;
};

// A chart with what every figure in Framewise offers: its title and what it shows, the
// chart as SVG or PNG, the numbers behind it as CSV, and the same numbers as a table for
// anyone who cannot see the chart.
export function ChartFigure({
  title,
  description,
  fileName,
  data,
  children,
  tableBeside = false,
}: ChartFigureProps) {
  const titleId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState<string | null>(null);

  function getSvg(): SVGSVGElement | null {
    return (
      chartRef.current?.querySelector("svg.recharts-surface") ??
      chartRef.current?.querySelector("svg") ??
      null
    );
  }

  function onDownloadSvg() {
    const svg = getSvg();
    if (!svg) {
      setMessage("The chart is not drawn yet; try again in a moment.");
      return;
    }
    setMessage(null);
    const { markup } = serializeSvg(svg);
    downloadText(
      `<?xml version="1.0" encoding="UTF-8"?>\n${markup}`,
      `${fileName}.svg`,
      "image/svg+xml",
    );
  }

  async function onDownloadPng() {
    const svg = getSvg();
    if (!svg) {
      setMessage("The chart is not drawn yet; try again in a moment.");
      return;
    }
    try {
      const { markup, width, height } = serializeSvg(svg);
      downloadBlob(await svgToPng(markup, width, height), `${fileName}.png`);
      setMessage(null);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "The image could not be made.");
    }
  }

  const chart = (
    <ScrollArea label={`Chart: ${title}`}>
      <div
        ref={chartRef}
        role="img"
        aria-label={`Chart: ${title}. The same numbers are in the table ${tableBeside ? "beside" : "below"} it.`}
      >
        {children}
      </div>
    </ScrollArea>
  );

  return (
    <figure
      aria-labelledby={titleId}
      className="flex flex-col gap-2 rounded-lg border border-stone-300 bg-white p-4"
    >
      <h3 id={titleId} className="font-semibold">
        {title}
      </h3>
      {description ? <div className="text-sm text-stone-700">{description}</div> : null}
      {tableBeside ? (
        <div className="flex flex-wrap items-start gap-4">
          <div className="min-w-0 flex-1">{chart}</div>
          <div className="min-w-0 flex-none" data-testid="figure-table">
            <DataTable data={data} caption={title} />
          </div>
        </div>
      ) : (
        <>
          {chart}
          <details className="text-sm">
            <summary className="cursor-pointer text-sky-800 underline">
              Show the numbers as a table
            </summary>
            <DataTable data={data} caption={title} />
          </details>
        </>
      )}
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Downloads for ${title}`}>
        <Button variant="secondary" onClick={onDownloadSvg}>
          Download SVG
        </Button>
        <Button variant="secondary" onClick={() => void onDownloadPng()}>
          Download PNG
        </Button>
        <Button
          variant="secondary"
          onClick={() =>
            downloadText(toCsv(data.header, data.rows), `${fileName}.csv`, "text/csv;charset=utf-8")
          }
        >
          Download data (CSV)
        </Button>
      </div>
      <p role="status" aria-live="polite" className="text-sm text-red-800">
        {message}
      </p>
    </figure>
  );
}

export function DataTable({ data, caption }: { data: FigureData; caption: string }) {
  return (
    <ScrollArea label={`Table: ${caption}`}>
      <table className="min-w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {data.header.map((cell) => (
              <th
                key={cell}
                scope="col"
                className="border-b border-stone-300 px-2 py-1 font-medium"
              >
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, rowIndex) => (
            <tr key={rowIndex} className="border-b border-stone-200">
              {row.map((cell, cellIndex) =>
                cellIndex === 0 ? (
                  <th key={cellIndex} scope="row" className="px-2 py-1 font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={cellIndex} className="px-2 py-1 tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}

// A button that saves CSV built from data already on the page.
export function DownloadCsvButton({
  label,
  fileName,
  data,
}: {
  label: string;
  fileName: string;
  data: FigureData;
}) {
  return (
    <Button
      variant="secondary"
      onClick={() =>
        downloadText(toCsv(data.header, data.rows), `${fileName}.csv`, "text/csv;charset=utf-8")
      }
    >
      {label}
    </Button>
  );
}
