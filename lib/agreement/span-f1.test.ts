import { describe, expect, it } from "vitest";

import { computePairwiseSpanF1 } from "./pairwise-span-f1";
import { computeSpanF1, type SpanF1Result, type SpanMatch } from "./span-f1";
import type { Span } from "./spans";

function defined(result: SpanF1Result): Extract<SpanF1Result, { defined: true }> {
  if (!result.defined) {
    throw new Error(`Expected a defined result, got: ${result.reason}`);
  }
  return result;
}

// Reference §2.3 derived vector. Text (77 chars):
// "The reckless plan, critics say, will devastate families and ruin the economy."
const a: Span[] = [
  { start: 4, end: 12, label: "Loaded_Language" },
  { start: 37, end: 55, label: "Exaggeration" },
  { start: 60, end: 64, label: "Loaded_Language" },
];
const b: Span[] = [
  { start: 4, end: 17, label: "Loaded_Language" },
  { start: 32, end: 55, label: "Exaggeration" },
  { start: 19, end: 30, label: "Doubt" },
];

describe("span F1", () => {
  const table: Record<SpanMatch, { precision: number; recall: number; f1: number }> = {
    exact: { precision: 0, recall: 0, f1: 0 },
    overlap: { precision: 0.666667, recall: 0.666667, f1: 0.666667 },
    partial: { precision: 0.666667, recall: 0.465998, f1: 0.548556 },
  };

  for (const [match, expected] of Object.entries(table) as [SpanMatch, (typeof table)["exact"]][]) {
    for (const labelled of [true, false]) {
      it(`matches the reference table: ${match}, ${labelled ? "labelled" : "unlabelled"}`, () => {
        const result = defined(computeSpanF1(a, b, { match, labelled }));

        expect(result.detail.precision).toBeCloseTo(expected.precision, 6);
        expect(result.detail.recall).toBeCloseTo(expected.recall, 6);
        expect(result.value).toBeCloseTo(expected.f1, 6);
      });
    }
  }

  it("swaps precision and recall when the sides swap, keeping F1", () => {
    for (const match of ["exact", "overlap", "partial"] as const) {
      const forward = defined(computeSpanF1(a, b, { match }));
      const backward = defined(computeSpanF1(b, a, { match }));

      expect(backward.detail.precision).toBeCloseTo(forward.detail.recall, 12);
      expect(backward.detail.recall).toBeCloseTo(forward.detail.precision, 12);
      expect(backward.value).toBeCloseTo(forward.value, 12);
    }
  });

  it("needs the same label when labelled", () => {
    const relabelled = b.map((span) => ({ ...span, label: "Other" }));

    expect(defined(computeSpanF1(a, relabelled, { match: "overlap" })).value).toBe(0);
    expect(
      defined(computeSpanF1(a, relabelled, { match: "overlap", labelled: false })).value,
    ).toBeCloseTo(2 / 3, 12);
  });

  it("merges overlapping spans before partial credit, as the SemEval scorer does", () => {
    const split: Span[] = [
      { start: 0, end: 6, label: "X" },
      { start: 4, end: 10, label: "X" },
    ];
    const whole: Span[] = [{ start: 0, end: 10, label: "X" }];

    expect(defined(computeSpanF1(split, whole, { match: "partial" })).value).toBe(1);
    expect(defined(computeSpanF1(split, whole, { match: "exact" })).value).toBe(0);
  });

  it("scores one empty side 0 and two empty sides as undefined unless asked for SemEval's 1", () => {
    expect(defined(computeSpanF1(a, [], { match: "overlap" })).value).toBe(0);
    expect(computeSpanF1([], [], { match: "overlap" })).toMatchObject({
      defined: false,
      code: "no-spans",
    });
    expect(defined(computeSpanF1([], [], { match: "partial", bothEmpty: "perfect" })).value).toBe(
      1,
    );
  });

  it("gives 1 for identical span sets", () => {
    for (const match of ["exact", "overlap", "partial"] as const) {
      expect(defined(computeSpanF1(a, [...a].reverse(), { match })).value).toBe(1);
    }
  });
});

describe("pairwise span F1", () => {
  it("averages over unordered pairs and skips pairs with no spans", () => {
    const result = computePairwiseSpanF1(
      [
        { id: "a", spans: a },
        { id: "b", spans: b },
        { id: "c", spans: a },
        { id: "d", spans: [] },
      ],
      { match: "overlap" },
    );

    expect(result.pairs).toHaveLength(6);
    expect(result.pairs.map((pair) => `${pair.first}-${pair.second}`)).toEqual([
      "a-b",
      "a-c",
      "a-d",
      "b-c",
      "b-d",
      "c-d",
    ]);
    // a-b 2/3, a-c 1, a-d 0, b-c 2/3, b-d 0, c-d 0.
    expect(result.mean).toMatchObject({ defined: true, detail: { pairs: 6, definedPairs: 6 } });
    expect(result.mean.defined && result.mean.value).toBeCloseTo((2 / 3 + 1 + 2 / 3) / 6, 12);
  });

  it("is undefined with fewer than two annotators or no spans at all", () => {
    expect(computePairwiseSpanF1([{ id: "a", spans: a }], { match: "exact" }).mean).toMatchObject({
      defined: false,
      code: "too-few-annotators",
    });
    expect(
      computePairwiseSpanF1(
        [
          { id: "a", spans: [] },
          { id: "b", spans: [] },
        ],
        { match: "exact" },
      ).mean,
    ).toMatchObject({ defined: false, code: "no-spans" });
  });

  it("restricts to one label", () => {
    const result = computePairwiseSpanF1(
      [
        { id: "a", spans: a },
        { id: "b", spans: b },
      ],
      { match: "overlap", label: "Doubt" },
    );

    expect(result.mean.defined && result.mean.value).toBe(0);
  });
});
