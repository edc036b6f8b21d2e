"use client";

import { CartesianGrid, LabelList, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";

import { formatValue } from "@/lib/insight/format-measure";

import { ChartFigure } from "./chart-figure";
import { getPatternStroke } from "./chart-patterns";

export type TrendSeries = { key: string; name: string };

type TrendFigureProps = {
  title: string;
  description?: string;
  fileName: string;
  // x labels, e.g. week starts
  points: { x: string; values: Record<string, number | null> }[];
  series: TrendSeries[];
  // What x is, for the table and CSV header ("week", "day").
  xName?: string;
  // Lowest value on the y axis: −1 for α, 0 for F1.
  minimum?: number;
};

const dashes = ["", "8 4", "2 3", "10 3 2 3", "4 4"];
const markers = ["circle", "square", "triangle", "diamond", "cross"] as const;

// Lines told apart by dash pattern and marker shape, each named at its last point.
export function TrendFigure({
  title,
  description,
  fileName,
  points,
  series,
  xName = "week",
  minimum = -1,
}: TrendFigureProps) {
  const data = points.map((point) => ({ x: point.x, ...point.values }));

  return (
    <ChartFigure
      title={title}
      description={description}
      fileName={fileName}
      tableBeside
      data={{
        header: [xName, ...series.map((item) => item.name)],
        rows: points.map((point) => [
          point.x,
          ...series.map((item) => point.values[item.key] ?? null),
        ]),
      }}
    >
      <LineChart
        responsive
        style={{ width: "100%", minWidth: 560, maxWidth: 860, height: 340 }}
        data={data}
        margin={{ top: 16, right: 190, bottom: 8, left: 8 }}
        accessibilityLayer={false}
        title={title}
      >
        <CartesianGrid stroke="#d6d3d1" />
        <XAxis dataKey="x" stroke="#44403c" fontSize={12} />
        <YAxis
          domain={[minimum, 1]}
          ticks={[-1, -0.5, 0, 0.5, 0.667, 0.8, 1].filter((tick) => tick >= minimum)}
          stroke="#44403c"
          fontSize={12}
          width={48}
        />
        <ReferenceLine
          y={0.8}
          stroke="#44403c"
          strokeDasharray="3 3"
          label={{ value: "0.800 firm", position: "insideTopRight", fontSize: 11, fill: "#1c1917" }}
        />
        <ReferenceLine
          y={0.667}
          stroke="#78716c"
          strokeDasharray="3 3"
          label={{
            value: "0.667 tentative",
            position: "insideBottomRight",
            fontSize: 11,
            fill: "#1c1917",
          }}
        />
        {series.map((item, index) => {
          const lastIndex = data
            .map((entry) => (entry as Record<string, unknown>)[item.key])
            .findLastIndex((value) => value !== null && value !== undefined);
          return (
            <Line
              key={item.key}
              dataKey={item.key}
              name={item.name}
              stroke={getPatternStroke(index)}
              strokeWidth={2}
              strokeDasharray={dashes[index % dashes.length]}
              dot={
                <Marker shape={markers[index % markers.length]!} color={getPatternStroke(index)} />
              }
              isAnimationActive={false}
              connectNulls={false}
            >
              <LabelList
                dataKey={item.key}
                position="top"
                fontSize={11}
                fill="#1c1917"
                formatter={(value: unknown) =>
                  typeof value === "number" ? formatValue(value) : ""
                }
              />
              <LabelList
                dataKey={item.key}
                content={(props) => {
                  const {
                    x,
                    y,
                    index: pointIndex,
                  } = props as { x?: number | string; y?: number | string; index?: number };
                  if (pointIndex !== lastIndex || x === undefined || y === undefined) {
                    return null;
                  }
                  return (
                    <text x={Number(x) + 10} y={Number(y) + 4} fontSize={12} fill="#1c1917">
                      {item.name}
                    </text>
                  );
                }}
              />
            </Line>
          );
        })}
      </LineChart>
    </ChartFigure>
  );
}

type MarkerProps = { cx?: number; cy?: number; shape: (typeof markers)[number]; color: string };

function Marker({ cx, cy, shape, color }: MarkerProps) {
  if (cx === undefined || cy === undefined || Number.isNaN(cx) || Number.isNaN(cy)) {
    return null;
  }
  const size = 5;
  if (shape === "square") {
    return <rect x={cx - size} y={cy - size} width={size * 2} height={size * 2} fill={color} />;
  }
  if (shape === "triangle") {
    return (
      <path
        d={`M${cx},${cy - size} L${cx + size},${cy + size} L${cx - size},${cy + size} Z`}
        fill={color}
      />
    );
  }
  if (shape === "diamond") {
    return (
      <path
        d={`M${cx},${cy - size} L${cx + size},${cy} L${cx},${cy + size} L${cx - size},${cy} Z`}
        fill={color}
      />
    );
  }
  if (shape === "cross") {
    return (
      <path
        d={`M${cx - size},${cy - size} L${cx + size},${cy + size} M${cx + size},${cy - size} L${cx - size},${cy + size}`}
        stroke={color}
        strokeWidth={2.5}
      />
    );
  }
  return <circle cx={cx} cy={cy} r={size} fill={color} />;
}
