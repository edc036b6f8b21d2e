"use client";

import { describeTarget, type StanceByTarget } from "@/lib/insight/stance-targets";

import { GroupedBarFigure } from "./grouped-bar-figure";

type StanceTargetFigureProps = {
  stance: StanceByTarget;
  fileName: string;
};

// One article's stance toward each target: for each target one bar per stance label used,
// "No target given" as its own row.
export function StanceTargetFigure({ stance, fileName }: StanceTargetFigureProps) {
  const used = stance.targets[0]?.labels
    .map((label, index) => ({ ...label, index }))
    .filter(({ index }) => stance.targets.some((group) => group.labels[index]!.highlights > 0));

  return (
    <GroupedBarFigure
      title={`${stance.dimensionName} by target`}
      description={`${stance.highlights} highlight${stance.highlights === 1 ? "" : "s"}, grouped by the target the annotator named (spelling and case set aside; the most common spelling is shown). Highlights without a target are counted under “No target given”.`}
      fileName={fileName}
      categories={stance.targets.map(describeTarget)}
      series={(used ?? []).map((label) => ({ key: `l${label.index}`, name: label.name }))}
      values={stance.targets.map((group) =>
        (used ?? []).map((label) => group.labels[label.index]!.highlights),
      )}
      format={(value) => String(value)}
      valueName="highlights"
      seriesNoun="label"
    />
  );
}
