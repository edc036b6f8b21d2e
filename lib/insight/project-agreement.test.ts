import { describe, expect, it } from "vitest";

import { formatMeasure } from "./format-measure";
import { computeProjectAgreement, listWeeks, startOfWeek } from "./project-agreement";
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

    expect(trend.map((point) => [point.weekStart, point.highlights, point.annotators])).toEqual([
      ["2026-01-05", 10, 2],
      ["2026-01-12", 10, 2],
      ["2026-01-19", 12, 3],
    ]);
    expect(Object.keys(trend[0]!.alpha)).toContain("framing");
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
    expect(listWeeks([])).toEqual([]);
    expect(startOfWeek(new Date("2026-01-11T23:59:00Z")).toISOString()).toBe(
      "2026-01-05T00:00:00.000Z",
    );
    expect(startOfWeek(new Date("2026-01-12T00:00:00Z")).toISOString()).toBe(
      "2026-01-12T00:00:00.000Z",
    );
  });
});
