import { describe, expect, it } from "vitest";

import { formatMeasure } from "./format-measure";
import { computeProjectAgreement, listPeriods, startOfWeek } from "./project-agreement";
import { makeInsightDocument, makeSummitScenario, spanOn } from "./testing/fixture-documents";

describe("computeProjectAgreement over the two summit articles", () => {
  const { wire, blog, dimensions } = makeSummitScenario();
  const result = computeProjectAgreement([wire, blog], dimensions);
  const framing = result.dimensions.find((entry) => entry.dimension.key === "framing")!;

  it("reports each document and the pooled figure, with n", () => {
    expect(result.documents).toBe(2);
    expect(framing.documents.map((row) => [row.outlet, row.annotators])).toEqual([
      ["Wire service", 3],
      ["Joab Peter's Blog", 2],
    ]);
    expect(framing.pooledAlpha.defined).toBe(true);
    expect(framing.pooledAlpha.n.annotators).toBe(3);
    // The blog's two framing highlights do not overlap: F1 is 0 there.
    expect(framing.documents[1]!.overlapF1).toMatchObject({ defined: true, value: 0 });
  });

  it("follows the pooled α week by week", () => {
    const early = (span: (typeof wire.spans)[number]) => ({
      ...span,
      createdAt: "2026-01-05T09:00:00.000Z",
    });
    const late = (span: (typeof wire.spans)[number]) => ({
      ...span,
      createdAt: "2026-01-21T09:00:00.000Z",
    });
    const staged = {
      ...wire,
      spans: wire.spans.map((span) => (span.annotatorId === "cleo" ? late(span) : early(span))),
    };
    const { trend } = computeProjectAgreement([staged], dimensions);

    expect(trend.map((point) => [point.start, point.highlights, point.annotators])).toEqual([
      ["2026-01-05", 10, 2],
      ["2026-01-12", 10, 2],
      ["2026-01-19", 12, 3],
    ]);
    expect(Object.keys(trend[0]!.alpha)).toContain("framing");
    // Before Cleo: Ana and Ben share "assertive foreign policy" as loaded language and
    // "deadliest conflict" overlaps Ana's exaggeration with another label, so their one
    // framing pair has overlap F1 = 2PR/(P+R) with P = R = 1/2.
    expect(trend[0]!.f1.framing).toBeCloseTo(0.5, 4);
    // With Cleo: three pairs, Cleo's Name calling matches nobody's label.
    expect(trend[2]!.f1.framing).toBeCloseTo(0.5 / 3, 4);
  });

  it("follows the figures day by day when asked, at most the last 31 days", () => {
    const spread = {
      ...wire,
      spans: wire.spans.map((span, index) => ({
        ...span,
        createdAt: new Date(Date.UTC(2026, 0, 1 + index * 4, 12)).toISOString(),
      })),
    };
    const daily = computeProjectAgreement([spread], dimensions, undefined, "day");
    expect(daily.trendPeriod).toBe("day");
    expect(daily.trend).toHaveLength(31);
    expect(daily.trend.at(-1)!.start).toBe("2026-02-14");
    expect(daily.trend.at(-1)!.highlights).toBe(12);
    expect(daily.trend[0]!.start).toBe("2026-01-15");
  });
});

describe("bad input", () => {
  it("annotators with no overlap: pooled α undefined with the reason", () => {
    const { wireText, blogText, dimensions } = makeSummitScenario();
    const apart = [
      makeInsightDocument({
        id: "wire",
        text: wireText,
        spans: [spanOn(wireText, "assertive foreign policy", "ana", ["framing:Loaded_Language"])],
      }),
      makeInsightDocument({
        id: "blog",
        text: blogText,
        spans: [
          spanOn(blogText, "high-stakes diplomatic huddle", "ben", ["framing:Loaded_Language"]),
        ],
      }),
    ];
    const framing = computeProjectAgreement(apart, dimensions).dimensions.find(
      (entry) => entry.dimension.key === "framing",
    )!;

    expect(formatMeasure(framing.pooledAlpha)).toBe(
      "undefined: no passage was coded by two or more annotators",
    );
    expect(formatMeasure(framing.documents[0]!.tokenAlpha)).toBe(
      "undefined: needs at least two annotators",
    );
  });

  it("leaves out a document with more than 100 annotators and says why", () => {
    const { wireText, wire, dimensions } = makeSummitScenario();
    const crowd = makeInsightDocument({
      id: "crowd",
      title: "Crowded",
      text: wireText,
      spans: Array.from({ length: 101 }, (_, index) =>
        spanOn(wireText, "assertive foreign policy", `person-${index}`, [
          "framing:Loaded_Language",
        ]),
      ),
    });
    const result = computeProjectAgreement([wire, crowd], dimensions);

    expect(result.documents).toBe(1);
    expect(result.excluded).toEqual([
      {
        documentId: "crowd",
        title: "Crowded",
        reason: "101 annotators, more than the 100 compared here",
      },
    ]);
  });

  it("has no trend without highlights, and keeps weeks on Mondays (UTC)", () => {
    expect(listPeriods([])).toEqual([]);
    expect(listPeriods([], "day")).toEqual([]);
    expect(startOfWeek(new Date("2026-01-11T23:59:00Z")).toISOString()).toBe(
      "2026-01-05T00:00:00.000Z",
    );
    expect(startOfWeek(new Date("2026-01-12T00:00:00Z")).toISOString()).toBe(
      "2026-01-12T00:00:00.000Z",
    );
  });
});
