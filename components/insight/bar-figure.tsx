"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, XAxis, YAxis } from "recharts";

import { ChartFigure, type FigureData } from "./chart-figure";
import { ChartPatterns, getPatternFill, getPatternStroke } from "./chart-patterns";

export type BarDatum = { name: string; value: number; label: string };

type BarFigureProps = {
  title: string;
  description?: string;
  fileName: string;
  data: BarDatum[];
  // The numbers as a table and CSV; defaults to name and value.
  table?: FigureData;
  valueName: string;
  // Fixed axis range, e.g. [0, 1] for shares; otherwise from the data.
  domain?: [number, number];
  tickFormat?: (value: number) => string;
  // Counts: whole-number ticks only.
  isCount?: boolean;
};

// Horizontal bars, each with its own texture and its value written beside it, so neither
// the category nor the value depends on telling colours apart.
export function BarFigure({
  title,
  description,
  fileName,
  data,
  table,
  valueName,
  domain,
  tickFormat,
  isCount = false,
}: BarFigureProps) {
  const prefix = `bar${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const height = 48 + data.length * 34;

  return (
    <ChartFigure
      title={title}
      description={description}
      fileName={fileName}
      data={
        table ?? {
          header: ["category", valueName],
          rows: data.map((datum) => [datum.name, datum.value]),
        }
      }
    >
      <BarChart
        responsive
        style={{ width: "100%", minWidth: 460, maxWidth: 720, height }}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 120, bottom: 8, left: 8 }}
        accessibilityLayer={false}
        title={title}
      >
        <ChartPatterns prefix={prefix} />
        <CartesianGrid horizontal={false} stroke="#d6d3d1" />
        <XAxis
          type="number"
          domain={domain ?? [0, "auto"]}
          allowDecimals={!isCount}
          tickFormatter={tickFormat}
          stroke="#44403c"
          fontSize={12}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={190}
          stroke="#44403c"
          fontSize={12}
          interval={0}
        />
        <Bar dataKey="value" isAnimationActive={false} barSize={20}>
          {data.map((datum, index) => (
            <Cell
              key={datum.name}
              fill={getPatternFill(prefix, index)}
              stroke={getPatternStroke(index)}
              strokeWidth={1.5}
            />
          ))}
          <LabelList dataKey="label" position="right" fill="#1c1917" fontSize={12} />
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
