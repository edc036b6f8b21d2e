import { describe, expect, it } from "vitest";

import { computeFleissKappa, computeFleissKappaFromRatings } from "./fleiss-kappa";
import { computeScottPi } from "./scott-pi";

// Wikipedia / MATLAB dnafinder Fleiss: 10 subjects × 14 raters × 5 categories.
const wikipedia = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe("Fleiss' kappa", () => {
  it("matches the Wikipedia example", () => {
    const result = computeFleissKappa(wikipedia);
    if (!result.defined) {
      throw new Error(result.reason);
    }

    expect(result.detail.meanObservedAgreement).toBeCloseTo(0.378022, 6);
    expect(result.detail.expectedAgreement).toBeCloseTo(0.212755, 6);
    expect(result.value).toBeCloseTo(0.209931, 6);
    expect(result.n).toEqual({ units: 10, annotators: 14, values: 140 });
  });

  it("is undefined when units have different numbers of ratings", () => {
    const result = computeFleissKappa([
      [2, 1],
      [1, 1],
    ]);

    expect(result).toMatchObject({ defined: false, code: "unequal-ratings" });
    expect(result.defined || result.reason).toMatch(/same number of ratings/);
  });

  it("skips units without ratings and is undefined without variation", () => {
    expect(
      computeFleissKappa([
        [0, 0],
        [3, 0],
        [3, 0],
      ]),
    ).toMatchObject({
      defined: false,
      code: "no-variation",
    });
    expect(computeFleissKappa([])).toMatchObject({ defined: false, code: "empty-input" });
    expect(
      computeFleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toMatchObject({
      defined: false,
      code: "too-few-annotators",
    });
  });

  it("drops units with a missing rating when built from ratings", () => {
    const result = computeFleissKappaFromRatings([
      ["a", "b", "a", null],
      ["a", "b", "b", "a"],
      ["a", "a", "b", "a"],
    ]);

    expect(result.n.units).toBe(3);
    expect(result.n.annotators).toBe(3);
    expect(result.defined).toBe(true);
  });

  it("equals Scott's pi for two raters", () => {
    const first = [1, 1, 2, 3, 2, 1, 3, 3];
    const second = [1, 2, 2, 3, 1, 1, 3, 2];
    const fleiss = computeFleissKappaFromRatings([first, second]);
    const scott = computeScottPi(first, second);

    expect(fleiss.defined && scott.defined && fleiss.value - scott.value).toBeCloseTo(0, 12);
  });
});
