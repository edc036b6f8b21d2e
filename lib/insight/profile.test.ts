import { describe, expect, it } from "vitest";

import { computeArticleProfile, getSourcingGroup, unionLength } from "./profile";
import { makeInsightDocument, makeSummitScenario } from "./testing/fixture-documents";

describe("computeArticleProfile on the wire report", () => {
  const { wire, wireText, dimensions } = makeSummitScenario();
  const profile = computeArticleProfile(wire, dimensions);
  const textLength = Array.from(wireText).length;

  it("says what it rests on: every annotator, since there is no gold set", () => {
    expect(profile.basis).toEqual({
      kind: "all-annotators",
      annotators: 3,
      highlights: 12,
      note: "From all 3 annotators' highlights pooled: there is no gold (adjudicated) set in Framewise yet.",
    });
    expect(profile.textLength).toBe(textLength);
  });

  it("measures the share of text highlighted per dimension, per annotator and together", () => {
    const framing = profile.coverage.find((entry) => entry.dimensionName === "Framing technique")!;
    const assertive = "assertive foreign policy".length;
    const war = "Europe’s deadliest conflict since World War II".length;
    const deadliest = "deadliest conflict".length;

    expect(framing.meanShare).toBeCloseTo(
      (assertive + war + (assertive + deadliest) + assertive) / 3 / textLength,
      10,
    );
    expect(framing.unionShare).toBeCloseTo((assertive + war) / textLength, 10);
    const ai = profile.coverage.find((entry) => entry.dimensionName === "AI involvement")!;
    expect(ai.meanShare).toBe(0);
  });

  it("gives each dimension's label distribution and the sourcing mix", () => {
    const framing = profile.distributions.find((entry) => entry.dimensionKey === "framing")!;
    const loaded = framing.labels.find((label) => label.key === "Loaded_Language")!;
    expect(framing.highlights).toBe(5);
    expect(loaded).toMatchObject({ highlights: 3, annotators: 2, share: 3 / 5 });

    const accuracy = profile.distributions.find((entry) => entry.dimensionKey === "accuracy")!;
    expect(accuracy.labels.map((label) => [label.key, label.highlights])).toEqual([
      ["accurate", 3],
      ["missing_context", 1],
      ["misleading", 0],
      ["false", 0],
      ["unverifiable", 0],
      ["opinion", 0],
    ]);
    expect(profile.sourcingMix).toEqual([
      { group: "named", name: "Named", highlights: 3, share: 1 },
      { group: "anonymous", name: "Anonymous or vague", highlights: 0, share: 0 },
      { group: "none", name: "No source", highlights: 0, share: 0 },
    ]);
  });

  it("groups the blog's vague attributions as anonymous", () => {
    const { blog } = makeSummitScenario();
    const mix = computeArticleProfile(blog, dimensions).sourcingMix!;
    expect(mix.map((entry) => [entry.group, entry.highlights])).toEqual([
      ["named", 2],
      ["anonymous", 2],
      ["none", 0],
    ]);
    expect(getSourcingGroup("no_source")).toBe("none");
    expect(getSourcingGroup("something_else")).toBe("other");
  });

  it("handles a document nobody annotated", () => {
    const empty = computeArticleProfile(
      makeInsightDocument({ id: "empty", text: wireText, spans: [] }),
      dimensions,
    );
    expect(empty.basis.annotators).toBe(0);
    expect(empty.coverage.every((entry) => entry.meanShare === 0 && entry.unionShare === 0)).toBe(
      true,
    );
    expect(
      empty.distributions.every((entry) => entry.labels.every((label) => label.share === 0)),
    ).toBe(true);
  });

  it("counts overlapping characters once", () => {
    expect(
      unionLength([
        { start: 0, end: 5 },
        { start: 3, end: 8 },
        { start: 10, end: 12 },
      ]),
    ).toBe(10);
  });
});
