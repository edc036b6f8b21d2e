"use client";

import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";

import { ChartFigure } from "./chart-figure";
import { ChartPatterns, getPatternFill, getPatternName, getPatternStroke } from "./chart-patterns";

export type GroupedSeries = { key: string; name: string };

type GroupedBarFigureProps = {
  title: string;
  description?: string;
  fileName: string;
  categories: string[];
  series: GroupedSeries[];
  // values[category][series]
  values: number[][];
  format: (value: number) => string;
  // Axis ticks, when they need another precision than the labels.
  tickFormat?: (value: number) => string;
  valueName: string;
  // What a series is, for the texture note ("outlet" by default; "label" in a profile).
  seriesNoun?: string;
};

// Outlets side by side: for each category one bar per outlet, each outlet with its own
// texture and every bar labelled "Outlet: value", so no legend or colour is needed.
export function GroupedBarFigure({
  title,
  description,
  fileName,
  categories,
  series,
  values,
  format,
  tickFormat = format,
  valueName,
  seriesNoun = "outlet",
}: GroupedBarFigureProps) {
  const prefix = `grp${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const data = categories.map((category, row) => {
    const entry: Record<string, string | number> = { category };
    series.forEach((item, column) => {
      const value = values[row]?.[column] ?? 0;
      entry[item.key] = value;
      entry[`${item.key}__label`] = `${item.name}: ${format(value)}`;
    });
    return entry;
  });
  const height = 40 + categories.length * (series.length * 22 + 18);

  return (
    <ChartFigure
      title={title}
      description={
        <>
          {description ? <p>{description}</p> : null}
          <p>
            Bars are labelled with the {seriesNoun}; each {seriesNoun} also has its own texture (
            {series.map((item, index) => `${item.name}: ${getPatternName(index)}`).join("; ")}).
          </p>
        </>
      }
      fileName={fileName}
      data={{
        header: ["category", ...series.map((item) => `${item.name} (${valueName})`)],
        rows: categories.map((category, row) => [
          category,
          ...series.map((_, column) => Number((values[row]?.[column] ?? 0).toFixed(4))),
        ]),
      }}
    >
      <BarChart
        responsive
        style={{ width: "100%", minWidth: 560, maxWidth: 860, height }}
        data={data}
        layout="vertical"
        margin={{ top: 8, right: 230, bottom: 8, left: 8 }}
        barCategoryGap={10}
        barGap={2}
        accessibilityLayer={false}
        title={title}
      >
        <ChartPatterns prefix={prefix} />
        <CartesianGrid horizontal={false} stroke="#d6d3d1" />
        <XAxis
          type="number"
          domain={[0, "auto"]}
          tickFormatter={tickFormat}
          stroke="#44403c"
          fontSize={12}
        />
        <YAxis
          type="category"
          dataKey="category"
          width={170}
          stroke="#44403c"
          fontSize={12}
          interval={0}
        />
        {series.map((item, index) => (
          <Bar
            key={item.key}
            dataKey={item.key}
            name={item.name}
            fill={getPatternFill(prefix, index)}
            stroke={getPatternStroke(index)}
            strokeWidth={1.5}
            barSize={16}
            isAnimationActive={false}
          >
            <LabelList
              dataKey={`${item.key}__label`}
              position="right"
              fill="#1c1917"
              fontSize={11}
            />
          </Bar>
        ))}
      </BarChart>
    </ChartFigure>
  );
}
