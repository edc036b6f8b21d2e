import { describe, expect, it } from "vitest";

import type { AgreementResult } from "./agreement-result";
import type { Span } from "./spans";
import {
  computeUnitizedAlpha,
  type UnitizedAlpha,
  type UnitizedAlphaResult,
} from "./unitized-alpha";

// DKPro describes units as (offset, length, coder, category).
function unit(offset: number, length: number, label: string): Span {
  return { start: offset, end: offset + length, label };
}

function byLabel(result: UnitizedAlpha, label: string): UnitizedAlphaResult {
  const found = result.perLabel.find((entry) => entry.label === label);
  if (!found) {
    throw new Error(`No result for ${label}`);
  }
  return found.result;
}

function defined<R extends AgreementResult>(result: R): Extract<R, { defined: true }> {
  if (!result.defined) {
    throw new Error(`Expected a defined result, got: ${result.reason}`);
  }
  return result as Extract<R, { defined: true }>;
}

function expectWithin(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
}

// Krippendorff (2004: p. 254), DKPro Krippendorff2004Test: continuum [150, 450), two coders.
const example2004 = computeUnitizedAlpha({
  continuumStart: 150,
  continuumLength: 300,
  annotators: [
    [unit(225, 70, "c"), unit(370, 30, "c"), unit(180, 60, "k"), unit(300, 50, "k")],
    [
      unit(220, 80, "c"),
      unit(355, 20, "c"),
      unit(400, 20, "c"),
      unit(180, 60, "k"),
      unit(300, 50, "k"),
    ],
  ],
});

// Krippendorff (1995: p. 57), DKPro Krippendorff1995Test.createExample: four 24-position
// examples (A–D), each a pair of coders, scaled by `stretch` with Java's (int) truncation.
function create1995Example(stretch: number): UnitizedAlpha {
  const scale = (value: number) => Math.trunc(value * stretch);
  const coders: Span[][] = [[], []];
  const add = (offset: number, length: number, coder: 0 | 1, label: string) =>
    coders[coder]!.push(unit(scale(offset), scale(length), label));

  add(2, 8, 0, "A");
  add(14, 6, 0, "A");
  add(4, 4, 1, "A");
  add(15, 2, 1, "A");
  add(0, 18, 0, "B");
  add(0, 2, 1, "B");
  add(2, 1, 1, "B");
  add(3, 1, 1, "B");
  add(4, 1, 1, "B");
  add(5, 1, 1, "B");
  add(6, 3, 1, "B");
  add(9, 1, 1, "B");
  add(2, 6, 0, "C");
  add(10, 2, 0, "C");
  add(14, 4, 0, "C");
  add(20, 2, 0, "C");
  add(0, 2, 1, "C");
  add(4, 4, 1, "C");
  add(10, 4, 1, "C");
  add(16, 2, 1, "C");
  add(20, 2, 1, "C");
  add(0, 2, 0, "D");
  add(2, 8, 0, "D");
  add(10, 4, 0, "D");
  add(14, 6, 0, "D");
  add(20, 4, 0, "D");
  add(0, 4, 1, "D");
  add(4, 4, 1, "D");
  add(8, 7, 1, "D");
  add(15, 2, 1, "D");
  add(17, 7, 1, "D");

  return computeUnitizedAlpha({ continuumLength: scale(24), annotators: coders });
}

describe("unitized alpha (Krippendorff 1995/2004)", () => {
  it("matches the Krippendorff (2004) example per label", () => {
    const c = defined(byLabel(example2004, "c"));
    const k = defined(byLabel(example2004, "k"));

    expectWithin(c.detail.observedDisagreement, 0.0144, 0.0001);
    expectWithin(c.detail.expectedDisagreement, 0.0532, 0.0001);
    expectWithin(c.value, 0.7286, 0.0001);
    expectWithin(k.detail.observedDisagreement, 0, 0.0001);
    expectWithin(k.detail.expectedDisagreement, 0.049, 0.0001);
    expect(k.value).toBe(1);
  });

  it("matches the Krippendorff (2004) example overall, within DKPro's tolerance", () => {
    // DKPro asserts 0.8591 ± 0.0005; the exact arithmetic gives 0.8587.
    const overall = defined(example2004.overall);

    expectWithin(overall.value, 0.8591, 0.0005);
    expect(overall.value).toBeCloseTo(0.8587, 4);
  });

  it("reproduces DKPro's section distances through the observed disagreement", () => {
    // d(225/70, 220/80) = 50, d(370/30, 355/20) = 850, d(400/50 gap, 400/20) = 400:
    // D_o = 2 · 1300 / (2 · 1 · 300²).
    const c = defined(byLabel(example2004, "c"));
    expect(c.detail.observedDisagreement).toBeCloseTo((2 * 1300) / (2 * 300 * 300), 12);
  });

  it("matches the Krippendorff (1995) observed disagreements", () => {
    const result = create1995Example(1);
    const expected = { A: 0.03125, B: 2.26736, C: 0.02777, D: 0.38715 };

    for (const [label, value] of Object.entries(expected)) {
      expectWithin(defined(byLabel(result, label)).detail.observedDisagreement, value, 0.00001);
    }
  });

  it("matches the Krippendorff (1995) expected disagreements and α at stretch 50,000", () => {
    // DKPro's tolerances (0.005 for D_e, 0.02 for α): the paper's D_e has a small error.
    const result = create1995Example(50_000);
    const expected = {
      A: { de: 0.0699, alpha: 0.553 },
      B: { de: 1.17731, alpha: -0.926 },
      C: { de: 0.08642, alpha: 0.679 },
      D: { de: 0.41445, alpha: 0.066 },
    };

    for (const [label, { de, alpha }] of Object.entries(expected)) {
      const entry = defined(byLabel(result, label));
      expectWithin(entry.detail.expectedDisagreement, de, 0.005);
      expectWithin(entry.value, alpha, 0.02);
    }
  });

  it("follows the Krippendorff (1995) stretch series for category C", () => {
    const series = [
      { stretch: 5, de: 0.08234, alpha: 0.663 },
      { stretch: 50, de: 0.086, alpha: 0.677 },
      { stretch: 500, de: 0.08638, alpha: 0.678 },
      { stretch: 5000, de: 0.08642, alpha: 0.679 },
    ];

    for (const { stretch, de, alpha } of series) {
      const c = defined(byLabel(create1995Example(stretch), "C"));
      expectWithin(c.detail.observedDisagreement, 0.02777, 0.00001);
      expectWithin(c.detail.expectedDisagreement, de, 0.005);
      expectWithin(c.value, alpha, 0.02);
    }
  });

  it("matches DKPro's UnitizingAgreementTest", () => {
    // r0: -11111111-   r1: --1-1-1---
    const result = computeUnitizedAlpha({
      continuumLength: 10,
      annotators: [[unit(1, 8, "A")], [unit(2, 1, "A"), unit(4, 1, "A"), unit(6, 1, "A")]],
    });
    const a = defined(byLabel(result, "A"));

    expectWithin(a.detail.observedDisagreement, 0.91, 0.0001);
    expectWithin(a.detail.expectedDisagreement, 0.5351, 0.0001);
    expectWithin(a.value, -0.7003, 0.0001);
  });

  it("gives 0 for a single unit among three coders, as DKPro does", () => {
    const result = computeUnitizedAlpha({
      continuumLength: 20,
      annotators: [[unit(0, 1, "X")], [], []],
    });
    expect(defined(result.overall).value).toBeCloseTo(0, 12);
  });

  it("is undefined, with a reason, without spans, coders or text", () => {
    expect(
      computeUnitizedAlpha({ continuumLength: 20, annotators: [[], [], []] }).overall,
    ).toMatchObject({
      defined: false,
      code: "no-spans",
    });
    expect(
      computeUnitizedAlpha({ continuumLength: 20, annotators: [[unit(0, 2, "X")]] }).overall,
    ).toMatchObject({
      defined: false,
      code: "too-few-annotators",
    });
    expect(
      computeUnitizedAlpha({ continuumLength: 0, annotators: [[], []] }).overall,
    ).toMatchObject({
      defined: false,
      code: "empty-input",
    });

    const unused = computeUnitizedAlpha({
      continuumLength: 20,
      annotators: [[unit(0, 2, "X")], [unit(0, 2, "X")]],
      labels: ["Y"],
    });
    expect(byLabel(unused, "Y")).toMatchObject({ defined: false, code: "no-spans" });
    expect(defined(byLabel(unused, "X")).value).toBe(1);
  });

  it("merges a coder's overlapping units of one label", () => {
    const merged = computeUnitizedAlpha({
      continuumLength: 50,
      annotators: [[unit(10, 10, "X"), unit(15, 10, "X")], [unit(10, 15, "X")]],
    });
    expect(defined(merged.overall).value).toBe(1);
  });

  it("rejects spans outside the continuum", () => {
    expect(() =>
      computeUnitizedAlpha({ continuumLength: 10, annotators: [[unit(5, 6, "X")], []] }),
    ).toThrow(RangeError);
    expect(() =>
      computeUnitizedAlpha({ continuumLength: 10, annotators: [[unit(5, 0, "X")], []] }),
    ).toThrow(RangeError);
  });
});
