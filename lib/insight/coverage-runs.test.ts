import { describe, expect, it } from "vitest";

import { sliceByCodePoints } from "@/lib/anchoring/text-position";

import { buildCoverageRuns, describeRun } from "./coverage-runs";
import { makeSummitScenario, spanOn } from "./testing/fixture-documents";
import { indexLabels } from "./types";

describe("buildCoverageRuns on the wire report", () => {
  const { wire, wireText, dimensions } = makeSummitScenario();
  const labels = indexLabels(dimensions);
  const labelName = (id: string) => labels.get(id)?.label.name ?? id;
  const textLength = Array.from(wireText).length;
  const runs = buildCoverageRuns(textLength, wire.spans, [...labels.keys()]);

  it("tiles the whole text with no gaps or overlaps", () => {
    expect(runs[0]!.start).toBe(0);
    expect(runs[runs.length - 1]!.end).toBe(textLength);
    runs.slice(1).forEach((run, index) => expect(run.start).toBe(runs[index]!.end));
  });

  it("counts annotators and labels on a passage three people marked", () => {
    const run = runs.find(
      (candidate) =>
        sliceByCodePoints(wireText, candidate.start, candidate.end) === "assertive foreign policy",
    )!;

    expect(run.annotatorIds.sort()).toEqual(["ana", "ben", "cleo"]);
    expect(describeRun(run, 3, labelName)).toBe(
      "3 of 3 annotators: Loaded language (2), Name calling (1)",
    );
    expect(run.spanIds).toHaveLength(3);
  });

  it("splits nested highlights into the part both marked and the part one marked", () => {
    const inside = runs.find(
      (candidate) =>
        sliceByCodePoints(wireText, candidate.start, candidate.end) === "deadliest conflict",
    )!;
    // Ties follow codebook order.
    expect(describeRun(inside, 3, labelName)).toBe(
      "2 of 3 annotators: Loaded language (1), Exaggeration or minimisation (1)",
    );
    const after = runs[runs.indexOf(inside) + 1]!;
    expect(sliceByCodePoints(wireText, after.start, after.end)).toBe(" since World War II");
    expect(describeRun(after, 3, labelName)).toBe(
      "1 of 3 annotators: Exaggeration or minimisation (1)",
    );
    expect(describeRun(runs[0]!, 3, labelName)).toBe("Not marked by any of 3");
  });

  it("merges one person's adjacent highlights into one passage", () => {
    const text = "alpha beta gamma";
    const merged = buildCoverageRuns(16, [
      spanOn(text, "alpha ", "ana", ["x"]),
      spanOn(text, "beta", "ana", ["x"]),
    ]);

    expect(merged.map((run) => [run.start, run.end, run.annotatorIds.length])).toEqual([
      [0, 10, 1],
      [10, 16, 0],
    ]);
    expect(merged[0]!.spanIds).toHaveLength(2);
  });
});
