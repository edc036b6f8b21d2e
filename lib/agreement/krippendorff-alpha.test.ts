import { describe, expect, it } from "vitest";

import type { AgreementResult } from "./agreement-result";
import { bootstrapKrippendorffAlpha } from "./bootstrap-alpha";
import {
  computeCoincidenceMatrix,
  computeKrippendorffAlpha,
  computeKrippendorffAlphaFromCounts,
} from "./krippendorff-alpha";

function valueOf(result: AgreementResult): number {
  if (!result.defined) {
    throw new Error(`Expected a defined result, got: ${result.reason}`);
  }
  return result.value;
}

const _ = null;

// Krippendorff (2011) example C = R irr's `nmm`: rows observers, columns units 1–12.
const exampleC = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

// Wikipedia's computational example: 3 coders × 15 units.
const wikipedia = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
];

describe("Krippendorff's alpha", () => {
  it("matches Krippendorff (2011) example C for all four levels", () => {
    // Published to three decimals (R irr, fast-krippendorff tests); recomputed to four.
    const expected = { nominal: 0.7434, ordinal: 0.8154, interval: 0.8491, ratio: 0.7974 };

    for (const [level, value] of Object.entries(expected)) {
      const alpha = valueOf(
        computeKrippendorffAlpha(exampleC, { level: level as keyof typeof expected }),
      );
      expect(alpha).toBeCloseTo(value, 4);
      expect(alpha).toBeCloseTo(Number(value.toFixed(3)), 3);
    }
  });

  it("ignores unit 12 of example C, which has a single value", () => {
    const withoutUnit12 = exampleC.map((row) => row.slice(0, 11));
    const result = computeKrippendorffAlpha(exampleC, { level: "nominal" });

    expect(valueOf(result)).toBe(
      valueOf(computeKrippendorffAlpha(withoutUnit12, { level: "nominal" })),
    );
    expect(result.n).toEqual({ units: 11, annotators: 4, values: 40 });
  });

  it("matches the Wikipedia example, nominal and interval, to six decimals", () => {
    expect(valueOf(computeKrippendorffAlpha(wikipedia, { level: "nominal" }))).toBeCloseTo(
      0.691358,
      6,
    );
    expect(valueOf(computeKrippendorffAlpha(wikipedia, { level: "interval" }))).toBeCloseTo(
      0.810845,
      6,
    );
  });

  it("builds the Wikipedia coincidence matrix", () => {
    const coincidences = computeCoincidenceMatrix(wikipedia, { level: "nominal" });

    expect(coincidences.values).toEqual([1, 2, 3, 4]);
    expect(coincidences.matrix).toEqual([
      [6, 0, 1, 0],
      [0, 4, 0, 0],
      [1, 0, 7, 2],
      [0, 0, 2, 3],
    ]);
    expect(coincidences.marginals).toEqual([7, 4, 10, 5]);
    expect(coincidences.pairableValues).toBe(26);
  });

  it("accepts value counts (units × values), as the Python package does", () => {
    const counts = [
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 2, 0, 0],
      [2, 0, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 1],
      [0, 0, 0, 3],
      [1, 0, 1, 0],
      [0, 2, 0, 0],
      [2, 0, 0, 0],
      [2, 0, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 2, 0],
      [0, 0, 0, 0],
      [0, 0, 1, 1],
    ];

    expect(valueOf(computeKrippendorffAlphaFromCounts(counts, { level: "nominal" }))).toBeCloseTo(
      0.691358,
      6,
    );
    expect(valueOf(computeKrippendorffAlphaFromCounts(counts, { level: "interval" }))).toBeCloseTo(
      0.810845,
      6,
    );
  });

  it("matches Krippendorff (2011) examples A and B", () => {
    const exampleA = [
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ];
    const exampleB = [[..."aabbdcccedda"], [..."babbbccceddd"]];

    expect(valueOf(computeKrippendorffAlpha(exampleA, { level: "nominal" }))).toBeCloseTo(0.095, 3);
    expect(valueOf(computeKrippendorffAlpha(exampleA, { level: "nominal" }))).toBeCloseTo(
      0.0952,
      4,
    );
    expect(valueOf(computeKrippendorffAlpha(exampleB, { level: "nominal" }))).toBeCloseTo(0.692, 3);
    expect(valueOf(computeKrippendorffAlpha(exampleB, { level: "nominal" }))).toBeCloseTo(0.692, 4);
  });

  it("matches the small vectors of the Python and npm packages", () => {
    const sentiment = [
      ["pos", "neg", "neu", NaN],
      ["pos", "neg", "neu", "pos"],
      ["pos", "neg", "pos", "pos"],
    ];

    expect(valueOf(computeKrippendorffAlpha(sentiment, { level: "nominal" }))).toBeCloseTo(
      0.722222,
      6,
    );
    expect(
      valueOf(
        computeKrippendorffAlpha(
          [
            [1, 2, 3],
            [1, 2, 4],
          ],
          { distance: (left: number, right: number) => Math.abs(left - right) },
        ),
      ),
    ).toBeCloseTo(0.761905, 6);
    expect(
      valueOf(
        computeKrippendorffAlpha(
          [
            [1, 2, 1],
            [1, 1, 1],
            [1, 2, 3],
          ],
          { level: "nominal" },
        ),
      ),
    ).toBeCloseTo(0.2, 10);
  });

  it("matches DKPro's Krippendorff (1995) digitised example (Bertha vs Bill)", () => {
    const bertha = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const bill = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];

    expect(valueOf(computeKrippendorffAlpha([bertha, bill], { level: "nominal" }))).toBeCloseTo(
      0.329,
      3,
    );
  });

  it("gives 1 for perfect agreement", () => {
    const data = [
      [1, 2, 3, _, 2],
      [1, 2, 3, 4, _],
      [1, _, 3, 4, 2],
    ];

    for (const level of ["nominal", "ordinal", "interval", "ratio"] as const) {
      expect(valueOf(computeKrippendorffAlpha(data, { level }))).toBe(1);
    }
  });

  it("is undefined, with a reason, when only one value occurs", () => {
    const result = computeKrippendorffAlpha(
      [
        [2, 2, 2],
        [2, 2, _],
      ],
      { level: "interval" },
    );

    expect(result).toMatchObject({ defined: false, code: "no-variation" });
    expect(result.defined || result.reason).toMatch(/no variation/);
  });

  it("is undefined when no unit has two values, or there is no data", () => {
    expect(
      computeKrippendorffAlpha(
        [
          [1, _, 3],
          [_, 2, _],
        ],
        { level: "nominal" },
      ),
    ).toMatchObject({ defined: false, code: "no-pairable-units" });
    expect(computeKrippendorffAlpha<number>([], { level: "nominal" })).toMatchObject({
      defined: false,
      code: "no-pairable-units",
    });
  });

  it("rejects numeric levels on non-numeric values at run time", () => {
    const strings = [["a", "b"]] as unknown as number[][];
    expect(() => computeKrippendorffAlpha(strings, { level: "interval" })).toThrow(TypeError);
  });

  it("handles label sets with MASI, treating set order as irrelevant", () => {
    const data = [
      [["a"], ["a", "b"], ["c"], []],
      [["a"], ["b", "a"], ["c", "d"], []],
      [["a"], ["a"], ["d"], ["a"]],
    ];
    const masi = computeKrippendorffAlpha(data, { level: "masi" });
    const perfect = computeKrippendorffAlpha(
      [
        [["a"], ["a", "b"], []],
        [["a"], ["b", "a"], []],
      ],
      { level: "masi" },
    );

    expect(valueOf(masi)).toBeGreaterThan(-1);
    expect(valueOf(masi)).toBeLessThan(1);
    expect(valueOf(perfect)).toBe(1);
  });

  it("reports observed and expected disagreement", () => {
    const result = computeKrippendorffAlpha(wikipedia, { level: "nominal" });
    if (!result.defined) {
      throw new Error(result.reason);
    }

    expect(1 - result.detail.observedDisagreement / result.detail.expectedDisagreement).toBeCloseTo(
      result.value,
      12,
    );
  });
});

describe("bootstrap interval for alpha", () => {
  it("is reproducible for a seed and brackets the estimate", () => {
    const first = bootstrapKrippendorffAlpha(
      exampleC,
      { level: "interval" },
      { resamples: 500, seed: 7 },
    );
    const again = bootstrapKrippendorffAlpha(
      exampleC,
      { level: "interval" },
      { resamples: 500, seed: 7 },
    );
    const other = bootstrapKrippendorffAlpha(
      exampleC,
      { level: "interval" },
      { resamples: 500, seed: 8 },
    );

    expect(first).toEqual(again);
    expect(first).not.toEqual(other);
    if (!first.defined || !first.interval?.defined) {
      throw new Error("Expected an interval.");
    }
    expect(first.value).toBeCloseTo(0.8491, 4);
    expect(first.interval.lower).toBeLessThanOrEqual(first.value);
    expect(first.interval.upper).toBeGreaterThanOrEqual(first.value - 0.05);
    expect(first.interval.upper).toBeLessThanOrEqual(1);
    expect(first.interval).toMatchObject({ resamples: 500, seed: 7, confidence: 0.95 });
  });

  it("narrows as the data grows", () => {
    const repeat = (times: number) =>
      exampleC.map((row) => Array.from({ length: times }, () => row).flat());
    const width = (result: AgreementResult) =>
      result.defined && result.interval?.defined
        ? result.interval.upper - result.interval.lower
        : NaN;

    const small = bootstrapKrippendorffAlpha(repeat(1), { level: "nominal" }, { resamples: 300 });
    const large = bootstrapKrippendorffAlpha(repeat(10), { level: "nominal" }, { resamples: 300 });

    expect(width(large)).toBeLessThan(width(small));
  });

  it("passes an undefined estimate through and validates its options", () => {
    expect(
      bootstrapKrippendorffAlpha(
        [
          [1, 1],
          [1, 1],
        ],
        { level: "nominal" },
      ),
    ).toMatchObject({
      defined: false,
      code: "no-variation",
    });
    expect(() =>
      bootstrapKrippendorffAlpha(exampleC, { level: "nominal" }, { resamples: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      bootstrapKrippendorffAlpha(exampleC, { level: "nominal" }, { confidence: 1.5 }),
    ).toThrow(RangeError);
  });
});
