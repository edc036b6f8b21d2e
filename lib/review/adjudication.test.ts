import { describe, expect, it } from "vitest";

import { buildAdjudication, groupsToAcceptAll, type AdjudicationAnnotation } from "./adjudication";

let counter = 0;
function annotation(
  authorId: string,
  start: number,
  end: number,
  labelIds: string[],
  extra: Partial<AdjudicationAnnotation> = {},
): AdjudicationAnnotation {
  counter += 1;
  return {
    id: `a${counter}`,
    authorId,
    authorName: authorId.toUpperCase(),
    start,
    end,
    exact: `text ${start}-${end}`,
    labelIds,
    reviewState: "PENDING",
    isGold: false,
    isAdjudication: false,
    revision: 1,
    createdAt: `2026-01-01T00:00:${String(counter).padStart(2, "0")}.000Z`,
    ...extra,
  };
}

describe("buildAdjudication", () => {
  it("makes one lane per annotator and groups proposals by identical span", () => {
    const model = buildAdjudication([
      annotation("bo", 0, 5, ["x"]),
      annotation("al", 0, 5, ["x"]),
      annotation("al", 10, 15, ["y"]),
      annotation("bo", 10, 15, ["y", "z"]),
      annotation("al", 20, 25, ["y"]),
    ]);

    expect(model.lanes.map((lane) => [lane.name, lane.count])).toEqual([
      ["AL", 3],
      ["BO", 2],
    ]);
    expect(model.groups.map((group) => [group.key, group.isExactAgreement])).toEqual([
      ["0:5", true],
      ["10:15", false],
      ["20:25", false],
    ]);
    expect(model.groups[1]?.sharedLabelIds).toEqual(["y"]);
    expect(model.groups[2]?.missingAuthorIds).toEqual(["bo"]);
    expect(model.groups[0]?.proposals.map((proposal) => proposal.authorId)).toEqual(["al", "bo"]);
  });

  it("needs at least two annotators for exact agreement", () => {
    const model = buildAdjudication([annotation("al", 0, 5, ["x"])]);
    expect(model.groups[0]?.isExactAgreement).toBe(false);
  });

  it("clusters overlapping spans so lanes line up", () => {
    const model = buildAdjudication([
      annotation("al", 0, 10, ["x"]),
      annotation("bo", 5, 12, ["x"]),
      annotation("al", 20, 25, ["x"]),
    ]);
    expect(
      model.clusters.map((cluster) => [cluster.start, cluster.end, cluster.groups.length]),
    ).toEqual([
      [0, 12, 2],
      [20, 25, 1],
    ]);
  });

  it("keeps adjudication-made highlights out of the lanes but in the gold set", () => {
    const model = buildAdjudication([
      annotation("al", 0, 5, ["x"], { isGold: true, reviewState: "ACCEPTED" }),
      annotation("lead", 7, 9, ["x"], {
        isGold: true,
        reviewState: "EDITED",
        isAdjudication: true,
      }),
      annotation("bo", 0, 5, ["x"], { reviewState: "REJECTED" }),
      annotation("bo", 30, 35, ["x"], { isGold: true, reviewState: "REJECTED" }),
    ]);

    expect(model.lanes.map((lane) => lane.authorId)).toEqual(["al", "bo"]);
    expect(model.gold.map((gold) => [gold.authorId, gold.start])).toEqual([
      ["al", 0],
      ["lead", 7],
    ]);
  });
});

describe("groupsToAcceptAll", () => {
  it("takes only undecided exact agreements not yet in the gold set", () => {
    const model = buildAdjudication([
      annotation("al", 0, 5, ["x"]),
      annotation("bo", 0, 5, ["x"]),
      annotation("al", 10, 15, ["y"]),
      annotation("bo", 10, 15, ["y"], { reviewState: "REJECTED" }),
      annotation("al", 20, 25, ["y"]),
      annotation("bo", 20, 25, ["z"]),
      annotation("al", 30, 35, ["y"]),
      annotation("bo", 30, 35, ["y"]),
      annotation("lead", 30, 35, ["y"], {
        isGold: true,
        reviewState: "ACCEPTED",
        isAdjudication: true,
      }),
    ]);

    expect(groupsToAcceptAll(model).map((group) => group.key)).toEqual(["0:5"]);
  });
});
