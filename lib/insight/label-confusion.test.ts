import { describe, expect, it } from "vitest";

import { collectDimensionSpans } from "./dimension-spans";
import { computeLabelConfusion } from "./label-confusion";
import { makeSummitScenario } from "./testing/fixture-documents";

describe("computeLabelConfusion on the wire report's framing highlights", () => {
  const { wire, dimensions } = makeSummitScenario();
  const framing = dimensions.find((dimension) => dimension.key === "framing")!;
  const labelIds = framing.labels.map((label) => label.id);
  const confusion = computeLabelConfusion(
    labelIds,
    collectDimensionSpans(wire, framing, ["ana", "ben", "cleo"]),
  );
  const at = (first: string, second: string) =>
    confusion.counts[labelIds.indexOf(`framing:${first}`)]![labelIds.indexOf(`framing:${second}`)];

  it("counts Loaded language against Name calling where passages overlap", () => {
    // "assertive foreign policy": ana and ben said Loaded language, cleo Name calling.
    expect(at("Loaded_Language", "Name_Calling-Labeling")).toBe(2);
    expect(at("Name_Calling-Labeling", "Loaded_Language")).toBe(2);
    // ana and ben agree there; ben's "deadliest conflict" overlaps ana's exaggeration.
    expect(at("Loaded_Language", "Loaded_Language")).toBe(1);
    expect(at("Exaggeration-Minimisation", "Loaded_Language")).toBe(1);
    expect(confusion.overlappingPairs).toBe(4);
  });

  it("lists the most frequent swaps first and counts what the other did not mark", () => {
    expect(confusion.topConfusions[0]).toEqual({
      first: "framing:Loaded_Language",
      second: "framing:Name_Calling-Labeling",
      count: 2,
    });
    // cleo marked nothing near "deadliest conflict": ana's and ben's highlights there count once each.
    expect(confusion.notMarkedByOther[labelIds.indexOf("framing:Exaggeration-Minimisation")]).toBe(
      1,
    );
    expect(confusion.notMarkedByOther[labelIds.indexOf("framing:Loaded_Language")]).toBe(1);
  });

  it("treats a shared label on multi-label highlights as agreement, not confusion", () => {
    const result = computeLabelConfusion(
      ["a", "b", "c"],
      [
        { id: "one", spans: [{ start: 0, end: 5, labels: ["a", "b"] }] },
        { id: "two", spans: [{ start: 2, end: 6, labels: ["a", "c"] }] },
      ],
    );

    expect(result.counts).toEqual([
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
  });
});
