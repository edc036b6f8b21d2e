import { describe, expect, it } from "vitest";

import { countByLabel, filterAnnotations, isFilterActive, noFilter } from "./filter-annotations";

const dimensionOfLabel = new Map([
  ["loaded", "framing"],
  ["fear", "framing"],
  ["vague", "sourcing"],
]);

const annotations = [
  { id: "a", labelIds: ["loaded", "vague"], author: { id: "ana" }, origin: "PERSON" as const },
  { id: "b", labelIds: ["fear"], author: { id: "ben" }, origin: "SUGGESTION" as const },
  { id: "c", labelIds: [], author: { id: "ana" }, origin: "PERSON" as const },
];

function ids(filter: Partial<typeof noFilter>) {
  return filterAnnotations(annotations, { ...noFilter, ...filter }, dimensionOfLabel).map(
    (annotation) => annotation.id,
  );
}

describe("filterAnnotations", () => {
  it("keeps everything without a filter", () => {
    expect(ids({})).toEqual(["a", "b", "c"]);
    expect(isFilterActive(noFilter)).toBe(false);
  });

  it("filters by dimension, label and author, combined with AND", () => {
    expect(ids({ dimensionId: "framing" })).toEqual(["a", "b"]);
    expect(ids({ dimensionId: "sourcing" })).toEqual(["a"]);
    expect(ids({ labelId: "fear" })).toEqual(["b"]);
    expect(ids({ authorId: "ana" })).toEqual(["a", "c"]);
    expect(ids({ authorId: "ana", dimensionId: "framing" })).toEqual(["a"]);
    expect(ids({ authorId: "ben", labelId: "vague" })).toEqual([]);
    expect(isFilterActive({ ...noFilter, authorId: "ben" })).toBe(true);
    expect(ids({ origin: "SUGGESTION" })).toEqual(["b"]);
    expect(ids({ origin: "PERSON", authorId: "ana" })).toEqual(["a", "c"]);
  });
});

describe("countByLabel", () => {
  it("counts each highlight once per label", () => {
    const counts = countByLabel([...annotations, { labelIds: ["fear", "fear"] }]);
    expect(Object.fromEntries(counts)).toEqual({ loaded: 1, vague: 1, fear: 2 });
  });
});
