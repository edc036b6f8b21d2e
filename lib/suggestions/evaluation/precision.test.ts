import { describe, expect, it } from "vitest";

import { evaluateSuggestions } from "./evaluate-suggestions";
import { handLabelledPassages } from "./hand-labelled";

// Measured on this set when the rules were written (docs/suggestions.md): precision 31/32
// = 0.969, recall 30/35 = 0.857. The floors leave a margin of about 0.05 so that small,
// deliberate trade-offs pass, and a rule that starts misfiring does not.
const precisionFloor = 0.92;
const recallFloor = 0.8;

describe("offline suggestions on the hand-labelled set", () => {
  const evaluation = evaluateSuggestions(handLabelledPassages);

  it("has about thirty passages, neutral and loaded", () => {
    expect(handLabelledPassages.length).toBeGreaterThanOrEqual(30);
    expect(
      handLabelledPassages.filter((passage) => passage.expected.length === 0).length,
    ).toBeGreaterThanOrEqual(10);
    expect(new Set(handLabelledPassages.map((passage) => passage.id)).size).toBe(
      handLabelledPassages.length,
    );
  });

  it("keeps precision and recall above the measured figures minus a margin", () => {
    const { overall, byKind } = evaluation;
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

    console.info(
      [
        `overall: precision ${overall.correct}/${overall.predicted} = ${percent(overall.precision)}, recall ${overall.found}/${overall.expected} = ${percent(overall.recall)}`,
        ...Object.entries(byKind).map(
          ([kind, scores]) =>
            `${kind}: precision ${scores.correct}/${scores.predicted} = ${percent(scores.precision)}, recall ${scores.found}/${scores.expected} = ${percent(scores.recall)}`,
        ),
      ].join("\n"),
    );

    expect(overall.precision).toBeGreaterThanOrEqual(precisionFloor);
    expect(overall.recall).toBeGreaterThanOrEqual(recallFloor);
  });

  it("raises no suggestion on the neutral passages", () => {
    const neutral = new Set(
      handLabelledPassages
        .filter((passage) => passage.expected.length === 0)
        .map((passage) => passage.id),
    );

    expect(evaluation.falsePositives.filter((entry) => neutral.has(entry.passageId))).toEqual([]);
  });
});
