import { describe, expect, it } from "vitest";

import { mergeAnnotation, type MergeableAnnotation } from "./merge-annotation";

const dimensions = new Map([
  ["stance:critical", { dimensionId: "stance", multiple: false }],
  ["stance:supportive", { dimensionId: "stance", multiple: false }],
  ["framing:loaded", { dimensionId: "framing", multiple: true }],
  ["framing:doubt", { dimensionId: "framing", multiple: true }],
]);

const base: MergeableAnnotation = {
  labelIds: ["framing:loaded"],
  comment: "Emotive",
  confidence: 2,
  start: 10,
  end: 20,
  exact: "reckless gamble",
};

describe("mergeAnnotation", () => {
  it("takes each side's change when they touched different fields", () => {
    const mine = { ...base, comment: "Very emotive" };
    const theirs = { ...base, labelIds: ["framing:loaded", "framing:doubt"], confidence: 3 };

    expect(mergeAnnotation({ base, mine, theirs, dimensions })).toEqual({
      merged: {
        ...base,
        comment: "Very emotive",
        confidence: 3,
        labelIds: ["framing:loaded", "framing:doubt"],
      },
      conflicts: [],
    });
  });

  it("combines labels both added, and honours a removal by either side", () => {
    const mine = { ...base, labelIds: ["stance:critical"] };
    const theirs = { ...base, labelIds: ["framing:loaded", "framing:doubt"] };
    const { merged, conflicts } = mergeAnnotation({ base, mine, theirs, dimensions });

    expect(merged.labelIds.sort()).toEqual(["framing:doubt", "stance:critical"]);
    expect(conflicts).toEqual(["labels"]);
  });

  it("keeps one label per single-choice dimension, mine first", () => {
    const mine = { ...base, labelIds: ["framing:loaded", "stance:critical"] };
    const theirs = { ...base, labelIds: ["framing:loaded", "stance:supportive"] };
    const { merged, conflicts } = mergeAnnotation({ base, mine, theirs, dimensions });

    expect(merged.labelIds.sort()).toEqual(["framing:loaded", "stance:critical"]);
    expect(conflicts).toContain("labels");
  });

  it("joins two different new comments and keeps my confidence and placement", () => {
    const mine = {
      ...base,
      comment: "Mine",
      confidence: 1,
      start: 11,
      end: 20,
      exact: "eckless gamble",
    };
    const theirs = {
      ...base,
      comment: "Theirs",
      confidence: 3,
      start: 9,
      end: 20,
      exact: " reckless gamble",
    };
    const { merged, conflicts } = mergeAnnotation({ base, mine, theirs, dimensions });

    expect(merged).toMatchObject({ comment: "Mine\n\nTheirs", confidence: 1, start: 11, end: 20 });
    expect(conflicts.sort()).toEqual(["comment", "confidence", "span"]);
  });

  it("takes their placement when only they moved it (re-anchored text)", () => {
    const theirs = { ...base, start: 30, end: 40 };
    const mine = { ...base, labelIds: [] };
    const { merged, conflicts } = mergeAnnotation({ base, mine, theirs, dimensions });

    expect(merged).toMatchObject({ start: 30, end: 40, labelIds: [] });
    expect(conflicts).toEqual([]);
  });
});
