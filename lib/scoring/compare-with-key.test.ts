import { describe, expect, it } from "vitest";

import {
  compareWithKey,
  labelJaccard,
  scorePrecisionRecall,
  sumComparisons,
  type ScoredSpan,
} from "./compare-with-key";

function span(id: string, start: number, end: number, ...labelIds: string[]): ScoredSpan {
  return { id, start, end, labelIds };
}

describe("compareWithKey", () => {
  it("scores a perfect copy of the key as 1 everywhere", () => {
    const key = [span("k1", 0, 5, "loaded"), span("k2", 10, 20, "vague")];
    const student = [span("s1", 10, 20, "vague"), span("s2", 0, 5, "loaded")];

    const result = compareWithKey(student, key);

    expect(result.pairs.map((pair) => [pair.studentId, pair.keyId, pair.kind])).toEqual([
      ["s2", "k1", "exact"],
      ["s1", "k2", "exact"],
    ]);
    expect(result.missedKeyIds).toEqual([]);
    expect(result.extraStudentIds).toEqual([]);
    expect(result.exact).toEqual({ truePositives: 2, precision: 1, recall: 1, f1: 1 });
    expect(result.overlap.f1).toBe(1);
    expect(result.labelled.f1).toBe(1);
    expect(result.labelAgreement).toEqual({ pairs: 2, identical: 2, meanJaccard: 1 });
  });

  it("separates matched, missed and extra, and counts overlap but not exact credit", () => {
    // k1 is hit exactly, k2 only overlapped (with another label), k3 missed; s3 is extra.
    const key = [span("k1", 0, 5, "a"), span("k2", 10, 20, "b"), span("k3", 30, 40, "c")];
    const student = [span("s1", 0, 5, "a"), span("s2", 12, 25, "x"), span("s3", 50, 55, "a")];

    const result = compareWithKey(student, key);

    expect(result.pairs.map((pair) => [pair.studentId, pair.keyId, pair.kind])).toEqual([
      ["s1", "k1", "exact"],
      ["s2", "k2", "overlap"],
    ]);
    expect(result.missedKeyIds).toEqual(["k3"]);
    expect(result.extraStudentIds).toEqual(["s3"]);
    // exact: 1 of 3 each way.
    expect(result.exact.precision).toBeCloseTo(1 / 3, 12);
    expect(result.exact.recall).toBeCloseTo(1 / 3, 12);
    expect(result.exact.f1).toBeCloseTo(1 / 3, 12);
    // overlap: 2 of 3 each way.
    expect(result.overlap.f1).toBeCloseTo(2 / 3, 12);
    // labelled: only the exact pair has the same labels.
    expect(result.labelled.truePositives).toBe(1);
    expect(result.labelAgreement.identical).toBe(1);
    expect(result.labelAgreement.meanJaccard).toBeCloseTo(0.5, 12);
    // s2 (12–25) against k2 (10–20): 8 shared of 15 in the union.
    expect(result.pairs[1]?.spanOverlap).toBeCloseTo(8 / 15, 12);
  });

  it("matches one to one: one long student highlight credits only one key highlight", () => {
    const key = [span("k1", 0, 5), span("k2", 6, 10)];
    const student = [span("s1", 0, 10)];

    const result = compareWithKey(student, key);

    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]?.keyId).toBe("k1");
    expect(result.missedKeyIds).toEqual(["k2"]);
    expect(result.overlap.precision).toBe(1);
    expect(result.overlap.recall).toBe(0.5);
  });

  it("finds the pairing with the most matches where a greedy choice would lose one", () => {
    // s1 overlaps k1 best, but s2 can only use k1; the maximum matching gives s1 → k2.
    const key = [span("k1", 0, 10), span("k2", 9, 30)];
    const student = [span("s1", 0, 12), span("s2", 1, 4)];

    const result = compareWithKey(student, key);

    expect(result.pairs.map((pair) => [pair.studentId, pair.keyId])).toEqual([
      ["s2", "k1"],
      ["s1", "k2"],
    ]);
    expect(result.overlap.f1).toBe(1);
  });

  it("gives null precision when the student made no highlight and null F1 when both are empty", () => {
    const onlyKey = compareWithKey([], [span("k1", 0, 4)]);
    expect(onlyKey.exact).toEqual({ truePositives: 0, precision: null, recall: 0, f1: 0 });
    expect(onlyKey.missedKeyIds).toEqual(["k1"]);

    const onlyStudent = compareWithKey([span("s1", 0, 4)], []);
    expect(onlyStudent.overlap).toEqual({ truePositives: 0, precision: 0, recall: null, f1: 0 });

    const neither = compareWithKey([], []);
    expect(neither.overlap.f1).toBeNull();
    expect(neither.labelAgreement.meanJaccard).toBeNull();
  });

  it("does not count touching highlights as overlapping", () => {
    const result = compareWithKey([span("s1", 0, 5)], [span("k1", 5, 9)]);

    expect(result.pairs).toEqual([]);
    expect(result.missedKeyIds).toEqual(["k1"]);
    expect(result.extraStudentIds).toEqual(["s1"]);
  });

  it("prefers, among two identical key spans, the one with the same labels", () => {
    const key = [span("k1", 0, 5, "a"), span("k2", 0, 5, "b")];
    const result = compareWithKey([span("s1", 0, 5, "b")], key);

    expect(result.pairs[0]).toMatchObject({ keyId: "k2", labelsEqual: true });
  });
});

describe("the pieces", () => {
  it("computes Jaccard of label sets, with two empty sets agreeing", () => {
    expect(labelJaccard([], [])).toBe(1);
    expect(labelJaccard(["a"], [])).toBe(0);
    expect(labelJaccard(["a", "b"], ["b", "c"])).toBeCloseTo(1 / 3, 12);
  });

  it("derives F1 from precision and recall", () => {
    expect(scorePrecisionRecall(1, 2, 4)).toEqual({
      truePositives: 1,
      precision: 0.5,
      recall: 0.25,
      f1: (2 * 0.5 * 0.25) / 0.75,
    });
    expect(scorePrecisionRecall(0, 3, 3).f1).toBe(0);
  });

  it("micro-averages over documents", () => {
    const first = compareWithKey([span("s1", 0, 5)], [span("k1", 0, 5)]);
    const second = compareWithKey([span("s2", 0, 5), span("s3", 8, 9)], [span("k2", 20, 25)]);

    const totals = sumComparisons([first, second]);

    expect(totals.studentCount).toBe(3);
    expect(totals.keyCount).toBe(2);
    expect(totals.exact.precision).toBeCloseTo(1 / 3, 12);
    expect(totals.exact.recall).toBe(0.5);
    expect(totals.overlap.f1).toBeCloseTo(0.4, 12);
  });
});
