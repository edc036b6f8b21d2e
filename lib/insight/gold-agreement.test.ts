import { describe, expect, it } from "vitest";

import { computeGoldAgreement, noGoldMessage } from "./gold-agreement";
import { makeInsightDocument, makeSummitScenario, spanOn } from "./testing/fixture-documents";

const loaded = "framing:Loaded_Language";
const nameCalling = "framing:Name_Calling-Labeling";
const exaggeration = "framing:Exaggeration-Minimisation";

describe("computeGoldAgreement on the wire report", () => {
  const { wire, wireText, dimensions } = makeSummitScenario();
  // The lead's ruling: "assertive foreign policy" is loaded language, "deadliest conflict"
  // an exaggeration.
  const adjudicated = makeInsightDocument({
    ...wire,
    gold: [
      spanOn(wireText, "assertive foreign policy", "lead", [loaded]),
      spanOn(wireText, "deadliest conflict", "lead", [exaggeration]),
    ],
  });
  const view = computeGoldAgreement(adjudicated, dimensions);
  if (!view.hasGold) {
    throw new Error("expected a gold set");
  }
  const framing = view.dimensions.find((entry) => entry.dimensionId === "framing")!;
  const row = (id: string) => framing.annotators.find((entry) => entry.annotatorId === id)!;
  const value = (result: { defined: boolean; value?: number }) =>
    result.defined ? result.value : null;

  it("scores each annotator's spans against the gold set: exact, overlap and partial", () => {
    expect(framing.goldHighlights).toBe(2);
    // Lead is not an annotator; the three annotators are compared.
    expect(framing.annotators.map((entry) => entry.annotatorId)).toEqual(["ana", "ben", "cleo"]);
    // Ana: same span for "assertive foreign policy"; a longer exaggeration span.
    expect(value(row("ana").scores.exact)).toBeCloseTo(0.5, 10);
    expect(value(row("ana").scores.overlap)).toBeCloseTo(1, 10);
    expect(row("ana").highlights).toBe(2);
    // Ben: both spans exact, one with the wrong label.
    expect(value(row("ben").scores.exact)).toBeCloseTo(0.5, 10);
    expect(value(row("ben").scores.overlap)).toBeCloseTo(0.5, 10);
    // Cleo: the right passage, the wrong label, nothing else.
    expect(value(row("cleo").scores.exact)).toBe(0);
    expect(value(row("cleo").scores.partial)).toBe(0);
    const partial = row("ana").scores.partial;
    expect(partial.defined && partial.detail.recall).toBeCloseTo(1, 10);
    // "deadliest conflict" is 18 of the 46 code points of "Europe’s deadliest conflict since World War II".
    expect(partial.defined && partial.detail.precision).toBeCloseTo((1 + 18 / 46) / 2, 10);
  });

  it("counts the labels an annotator gave where the gold set has another one", () => {
    const labelIndex = (id: string) => row("cleo").confusion.labelIds.indexOf(id);
    const cleo = row("cleo").confusion;
    expect(cleo.counts[labelIndex(loaded)]![labelIndex(nameCalling)]).toBe(1);
    expect(cleo.topConfusions).toEqual([
      { goldLabelId: loaded, annotatorLabelId: nameCalling, count: 1 },
    ]);
    expect(cleo.missed[labelIndex(exaggeration)]).toBe(1);
    const ben = row("ben").confusion;
    expect(ben.counts[labelIndex(loaded)]![labelIndex(loaded)]).toBe(1);
    expect(ben.counts[labelIndex(exaggeration)]![labelIndex(loaded)]).toBe(1);
    expect(ben.extra.every((count) => count === 0)).toBe(true);
  });

  it("gives 0 where the gold set has highlights and the annotator none, undefined where neither has", () => {
    const sourcing = view.dimensions.find((entry) => entry.dimensionId === "sourcing")!;
    const stance = view.dimensions.find((entry) => entry.dimensionId === "stance")!;
    // Gold has no sourcing highlights, the annotators have some: precision 0.
    expect(
      sourcing.annotators.find((entry) => entry.annotatorId === "ana")!.scores.exact,
    ).toMatchObject({
      defined: true,
      value: 0,
    });
    expect(stance.annotators[0]!.scores.overlap).toMatchObject({
      defined: false,
      code: "no-spans",
    });
  });

  it("says plainly when a document has no gold set", () => {
    expect(computeGoldAgreement(wire, dimensions)).toEqual({
      hasGold: false,
      message: noGoldMessage,
    });
  });
});
