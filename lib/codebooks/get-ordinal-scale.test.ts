import { describe, expect, it } from "vitest";

import { getOrdinalScale } from "./get-ordinal-scale";

const label = (key: string, rating?: number) => ({ key, name: key, description: "", rating });

describe("getOrdinalScale", () => {
  it("derives ratings from the order when no label has one, first label best", () => {
    expect(
      getOrdinalScale({ fieldType: "ordinal", labels: [label("good"), label("ok"), label("bad")] }),
    ).toEqual({
      bestRating: 3,
      worstRating: 1,
      ratings: [
        { labelKey: "good", rating: 3 },
        { labelKey: "ok", rating: 2 },
        { labelKey: "bad", rating: 1 },
      ],
    });
  });

  it("uses explicit ratings, sorts best first and leaves unrated labels off the scale", () => {
    expect(
      getOrdinalScale({
        fieldType: "ordinal",
        labels: [label("mild", 0), label("none"), label("severe", -1), label("fine", 1)],
      }),
    ).toEqual({
      bestRating: 1,
      worstRating: -1,
      ratings: [
        { labelKey: "fine", rating: 1 },
        { labelKey: "mild", rating: 0 },
        { labelKey: "severe", rating: -1 },
      ],
    });
  });

  it("is null for non-ordinal dimensions and empty scales", () => {
    expect(getOrdinalScale({ fieldType: "labels", labels: [label("a", 1)] })).toBeNull();
    expect(getOrdinalScale({ labels: [label("a")] })).toBeNull();
    expect(getOrdinalScale({ fieldType: "ordinal", labels: [] })).toBeNull();
  });
});
