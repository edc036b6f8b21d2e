import { describe, expect, it } from "vitest";

import { createDeadline, DeadlineExceededError } from "./deadline";
import { computeDocumentAgreement, summariseAnnotators } from "./document-agreement";
import { formatCounts, formatMeasure } from "./format-measure";
import {
  makeInsightDocument,
  makePresetDimensions,
  makeSummitScenario,
  spanOn,
} from "./testing/fixture-documents";

describe("computeDocumentAgreement on the wire report", () => {
  const { wire, dimensions } = makeSummitScenario();
  const view = computeDocumentAgreement(wire, dimensions);
  const framing = view.dimensions.find((entry) => entry.dimension.key === "framing")!;

  it("measures every dimension with its n", () => {
    expect(view.dimensions.map((entry) => entry.dimension.key)).toEqual([
      "stance",
      "sourcing",
      "accuracy",
      "framing",
      "ai_involvement",
    ]);
    expect(framing.annotatorIds).toEqual(["ana", "ben", "cleo"]);
    const alpha = framing.agreement.overall.tokens.krippendorffAlpha;
    expect(alpha.defined).toBe(true);
    expect(formatCounts(alpha, "tokens")).toMatch(/^n = [\d,]+ tokens, 3 annotators$/);
    expect(framing.agreement.overall.spanF1.labelled.overlap.defined).toBe(true);
    expect(view.codebookNote).toBeNull();
  });

  it("reports per label, with the spans and annotators behind each figure", () => {
    const loaded = framing.agreement.perLabel.find(
      (label) => label.label === "framing:Loaded_Language",
    )!;
    expect(loaded.spans).toBe(3);
    expect(loaded.annotatorsWithSpans).toBe(2);
    const unused = framing.agreement.perLabel.find(
      (label) => label.label === "framing:Whataboutism",
    )!;
    expect(formatMeasure(unused.unitizedAlpha)).toMatch(/^undefined: /);
  });

  it("builds a symmetric annotator matrix and each annotator's mean against the others", () => {
    const matrix = framing.pairs.overlap;
    expect(matrix).toHaveLength(3);
    expect(matrix[0]![1]).toBe(matrix[1]![0]);
    expect(matrix[0]![0]).toBeNull();
    // ana and ben overlap on both of ben's framing highlights, with the same label once.
    expect(matrix[0]![1]).toBeCloseTo(0.5, 4);

    const summary = summariseAnnotators(framing.annotatorIds, matrix);
    expect(summary.map((entry) => entry.annotatorId)).toEqual(["ana", "ben", "cleo"]);
    expect(summary[0]!.pairs).toBe(2);
    expect(view.allDimensions.annotatorIds).toEqual(["ana", "ben", "cleo"]);
  });
});

describe("bad input", () => {
  it("a document with one annotator: every measure undefined, needing two annotators", () => {
    const { wireText } = makeSummitScenario();
    const document = makeInsightDocument({
      id: "solo",
      text: wireText,
      spans: [spanOn(wireText, "assertive foreign policy", "ana", ["framing:Loaded_Language"])],
    });
    const view = computeDocumentAgreement(document, makePresetDimensions());
    const framing = view.dimensions.find((entry) => entry.dimension.key === "framing")!;

    expect(formatMeasure(framing.agreement.overall.tokens.krippendorffAlpha)).toBe(
      "undefined: needs at least two annotators",
    );
    expect(formatMeasure(framing.agreement.overall.unitizedAlpha)).toBe(
      "undefined: needs at least two annotators",
    );
    expect(formatMeasure(framing.agreement.overall.spanF1.labelled.overlap)).toBe(
      "undefined: needs at least two annotators",
    );
  });

  it("a document nobody annotated: every dimension undefined, nothing thrown", () => {
    const { wireText } = makeSummitScenario();
    const view = computeDocumentAgreement(
      makeInsightDocument({ id: "empty", text: wireText, spans: [] }),
      makePresetDimensions(),
    );

    expect(view.annotators).toEqual([]);
    expect(view.dimensions).toHaveLength(5);
    for (const entry of view.dimensions) {
      expect(formatMeasure(entry.agreement.overall.tokens.krippendorffAlpha)).toBe(
        "undefined: needs at least two annotators",
      );
    }
  });

  it("labels from two codebook versions: measured per version, with a note", () => {
    const { wireText } = makeSummitScenario();
    const v1 = makePresetDimensions("newsroom-v1", 1);
    const v2 = makePresetDimensions("newsroom-v2", 2);
    const document = makeInsightDocument({
      id: "versions",
      text: wireText,
      spans: [
        spanOn(wireText, "assertive foreign policy", "ana", ["framing:Loaded_Language"]),
        spanOn(wireText, "assertive foreign policy", "ben", ["framing:Loaded_Language"]),
        spanOn(wireText, "assertive foreign policy", "cleo", ["framing:Loaded_Language@v2"]),
      ],
    });
    const view = computeDocumentAgreement(document, [...v2, ...v1]);

    expect(view.codebookNote).toBe(
      "Highlights on this document use labels from 2 codebook versions (Newsroom review v2, Newsroom review v1). Each version is measured on its own, among the annotators who used it.",
    );
    const framingV1 = view.dimensions.find((entry) => entry.dimension.id === "framing")!;
    const framingV2 = view.dimensions.find((entry) => entry.dimension.id === "framing@v2")!;
    expect(framingV1.annotatorIds).toEqual(["ana", "ben"]);
    expect(framingV2.annotatorIds).toEqual(["cleo"]);
    expect(formatMeasure(framingV2.agreement.overall.tokens.krippendorffAlpha)).toBe(
      "undefined: needs at least two annotators",
    );
  });

  it("stops with a message when the time budget is spent", () => {
    const { wire, dimensions } = makeSummitScenario();
    let clock = 0;
    const deadline = createDeadline(5_000, () => {
      clock += 3_000;
      return clock;
    });

    expect(() => computeDocumentAgreement(wire, dimensions, deadline)).toThrow(
      DeadlineExceededError,
    );
    expect(() =>
      computeDocumentAgreement(
        wire,
        dimensions,
        createDeadline(5_000, () => 0),
      ),
    ).not.toThrow();
    expect(new DeadlineExceededError(5_000).message).toMatch(/longer than 5 seconds/);
  });
});
