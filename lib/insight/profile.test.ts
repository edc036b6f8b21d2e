import { describe, expect, it } from "vitest";

import { computeArticleProfile, getSourcingGroup, unionLength } from "./profile";
import { noTargetName } from "./stance-targets";
import { makeInsightDocument, makeSummitScenario, spanOn } from "./testing/fixture-documents";

describe("computeArticleProfile on the wire report", () => {
  const { wire, wireText, dimensions } = makeSummitScenario();
  const profile = computeArticleProfile(wire, dimensions);
  const textLength = Array.from(wireText).length;

  it("says what it rests on: every annotator, since this document has no gold set", () => {
    expect(profile.basis).toEqual({
      kind: "all-annotators",
      annotators: 3,
      highlights: 12,
      note: "From all 3 annotators’ highlights pooled, 12 highlights: this document has no agreed (gold) set yet.",
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

describe("computeArticleProfile with a gold set", () => {
  const { wire, wireText, dimensions } = makeSummitScenario();
  const gold = [
    spanOn(wireText, "assertive foreign policy", "lead", ["framing:Loaded_Language"]),
    spanOn(wireText, "deadliest conflict", "lead", ["framing:Exaggeration-Minimisation"]),
    spanOn(wireText, "Emmanuel Macron announced", "ana", ["sourcing:named_person"]),
  ];
  const profile = computeArticleProfile(makeInsightDocument({ ...wire, gold }), dimensions);

  it("rests on the gold set alone and says so", () => {
    expect(profile.basis).toEqual({
      kind: "gold",
      annotators: 0,
      highlights: 3,
      note: "From the agreed (gold) set, 3 highlights: the highlights a lead accepted, edited or added in adjudication.",
    });
    const framing = profile.distributions.find((entry) => entry.dimensionKey === "framing")!;
    expect(framing.highlights).toBe(2);
    expect(
      framing.labels.find((label) => label.key === "Exaggeration-Minimisation")!.highlights,
    ).toBe(1);
    const coverage = profile.coverage.find((entry) => entry.dimensionName === "Framing technique")!;
    const covered = "assertive foreign policy".length + "deadliest conflict".length;
    expect(coverage.meanShare).toBeCloseTo(covered / Array.from(wireText).length, 10);
    expect(coverage.unionShare).toBeCloseTo(coverage.meanShare, 10);
  });
});

describe("stance by target", () => {
  const { wireText, dimensions } = makeSummitScenario();
  const critical = "stance:critical";
  const supportive = "stance:supportive";
  const document = makeInsightDocument({
    id: "stance",
    text: wireText,
    spans: [
      spanOn(wireText, "assertive foreign policy", "ana", [critical], {
        targets: { stance: "Trump" },
      }),
      spanOn(wireText, "assertive foreign policy", "ben", [critical], {
        targets: { stance: " trump " },
      }),
      spanOn(wireText, "deadliest conflict", "ben", [supportive], { targets: { stance: "TRUMP" } }),
      spanOn(wireText, "Emmanuel Macron announced", "ana", [supportive], {
        targets: { stance: "Emmanuel  Macron" },
      }),
      spanOn(wireText, "Emmanuel Macron announced", "cleo", [critical], {
        // A target for another dimension does not count for stance.
        targets: { framing: "Macron" },
      }),
      spanOn(wireText, "delegates from 35 countries", "cleo", [critical], {
        targets: { stance: "   " },
      }),
      // Not a stance highlight: left out.
      spanOn(wireText, "Russia occupies", "ana", ["framing:Loaded_Language"], {
        targets: { stance: "Russia" },
      }),
    ],
  });
  const [stance] = computeArticleProfile(document, dimensions).stanceByTarget;

  it("groups targets by trimmed, case-folded name, shows the most common spelling, and keeps 'no target given'", () => {
    expect(stance!.dimensionKey).toBe("stance");
    expect(stance!.highlights).toBe(6);
    expect(
      stance!.targets.map((group) => [
        group.target ?? noTargetName,
        group.highlights,
        Object.fromEntries(
          group.labels
            .filter((label) => label.highlights > 0)
            .map((label) => [label.name, label.highlights]),
        ),
      ]),
    ).toEqual([
      ["Trump", 3, { Supportive: 1, Critical: 2 }],
      ["Emmanuel Macron", 1, { Supportive: 1 }],
      [noTargetName, 2, { Critical: 2 }],
    ]);
  });

  it("is empty when no stance highlight exists", () => {
    const { wire } = makeSummitScenario();
    expect(computeArticleProfile(wire, dimensions).stanceByTarget).toEqual([]);
  });
});
