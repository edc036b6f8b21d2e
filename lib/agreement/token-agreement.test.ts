import { describe, expect, it } from "vitest";

import type { AgreementResult } from "./agreement-result";
import { computeCohenKappa } from "./cohen-kappa";
import { computeFleissKappaFromRatings } from "./fleiss-kappa";
import { computeKrippendorffAlpha } from "./krippendorff-alpha";
import { getLabelSetKey } from "./masi-distance";
import { computeTokenAgreement, type MultiLabelSpan } from "./token-agreement";
import { labelTokens } from "./token-spans";
import { tokenizeCharacters, tokenizeWords } from "./tokenize";

function valueOf(result: AgreementResult): number {
  if (!result.defined) {
    throw new Error(`Expected a defined result, got: ${result.reason}`);
  }
  return result.value;
}

const text = "The reckless plan, critics say, will devastate families and ruin the economy.";
const spansA: MultiLabelSpan[] = [
  { start: 4, end: 12, labels: ["Loaded_Language"] },
  { start: 37, end: 55, labels: ["Exaggeration"] },
  { start: 60, end: 64, labels: ["Loaded_Language"] },
];
const spansB: MultiLabelSpan[] = [
  { start: 4, end: 17, labels: ["Loaded_Language"] },
  { start: 32, end: 55, labels: ["Exaggeration"] },
  { start: 19, end: 30, labels: ["Doubt"] },
];
const annotators = [
  { id: "A", spans: spansA },
  { id: "B", spans: spansB },
];

describe("tokeniser", () => {
  it("splits words and punctuation like \\w+|[^\\w\\s] (15 tokens in the reference)", () => {
    const tokens = tokenizeWords(text);
    const words = tokens.map((token) => text.slice(token.start, token.end));

    expect(tokens).toHaveLength(15);
    expect(words.slice(0, 5)).toEqual(["The", "reckless", "plan", ",", "critics"]);
  });

  it("returns code-point offsets on text with emoji and accents", () => {
    const sample = "Fake 👍 news, naïve café";
    const tokens = tokenizeWords(sample);
    const codePoints = [...sample];

    expect(tokens.map((token) => codePoints.slice(token.start, token.end).join(""))).toEqual([
      "Fake",
      "👍",
      "news",
      ",",
      "naïve",
      "café",
    ]);
    expect(tokens[2]).toEqual({ start: 7, end: 11 });
  });

  it("keeps a combining mark in its word", () => {
    const tokens = tokenizeWords("cafe\u0301 ok");
    expect(tokens).toEqual([
      { start: 0, end: 5 },
      { start: 6, end: 8 },
    ]);
  });

  it("makes one unit per code point for character units", () => {
    expect(tokenizeCharacters(3)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
      { start: 2, end: 3 },
    ]);
  });
});

describe("token-level agreement", () => {
  const tokens = tokenizeWords(text);

  it("labels tokens as the reference BIO tags say", () => {
    const tags = labelTokens(tokens, spansA).map((labels, index, all) => {
      if (labels.length === 0) {
        return "O";
      }
      const continues = index > 0 && all[index - 1]!.join() === labels.join();
      return `${continues ? "I" : "B"}-${labels.join("+")}`;
    });

    // Reference BIO for A; "ruin" follows "and" (O), so it is a new B.
    expect(tags.join(" ")).toBe(
      "O B-Loaded_Language O O O O O O B-Exaggeration I-Exaggeration O B-Loaded_Language O O O",
    );
  });

  it("matches the reference Cohen κ, observed and expected agreement", () => {
    const first = labelTokens(tokens, spansA).map(getLabelSetKey);
    const second = labelTokens(tokens, spansB).map(getLabelSetKey);
    const direct = computeCohenKappa(first, second);
    if (!direct.defined) {
      throw new Error(direct.reason);
    }

    expect(direct.value).toBeCloseTo(0.409449, 6);
    expect(direct.detail.observedAgreement).toBeCloseTo(0.666667, 6);
    expect(direct.detail.expectedAgreement).toBeCloseTo(0.435556, 6);

    const result = computeTokenAgreement({ tokens, annotators });
    expect(valueOf(result.overall.cohenKappa)).toBeCloseTo(0.409449, 6);
    expect(result.overall.tokens).toBe(15);
  });

  it("matches the reference nominal α over all tokens", () => {
    const result = computeTokenAgreement({ tokens, annotators });

    expect(valueOf(result.overall.krippendorffAlpha)).toBeCloseTo(0.412955, 6);
    // No overlapping labels here, so MASI and nominal α agree.
    expect(valueOf(result.overall.masiAlpha)).toBeCloseTo(0.412955, 6);
  });

  it("matches the reference κ over tokens marked by at least one annotator", () => {
    const result = computeTokenAgreement({ tokens, annotators }, { scope: "marked" });

    expect(result.overall.tokens).toBe(8);
    expect(valueOf(result.overall.cohenKappa)).toBeCloseTo(0.2, 6);
  });

  it("agrees with the general measures on multi-label data with three annotators", () => {
    const three = [
      { id: "A", spans: [...spansA, { start: 4, end: 17, labels: ["Doubt", "Loaded_Language"] }] },
      { id: "B", spans: spansB },
      { id: "C", spans: [{ start: 0, end: 30, labels: ["Doubt"] }, ...spansA.slice(1)] },
    ];
    const result = computeTokenAgreement({ tokens, annotators: three });
    const labelled = three.map((annotator) => labelTokens(tokens, annotator.spans));

    const sets = labelled.map((perToken) => perToken.map(getLabelSetKey));
    expect(valueOf(result.overall.krippendorffAlpha)).toBeCloseTo(
      valueOf(computeKrippendorffAlpha(sets, { level: "nominal" })),
      12,
    );
    expect(valueOf(result.overall.masiAlpha)).toBeCloseTo(
      valueOf(computeKrippendorffAlpha(labelled, { level: "masi" })),
      12,
    );
    expect(valueOf(result.overall.fleissKappa)).toBeCloseTo(
      valueOf(computeFleissKappaFromRatings(sets)),
      12,
    );

    for (const entry of result.perLabel) {
      const binary = labelled.map((perToken) =>
        perToken.map((labels) => labels.includes(entry.label)),
      );
      const pairs = [
        [0, 1],
        [0, 2],
        [1, 2],
      ].map(([first, second]) => valueOf(computeCohenKappa(binary[first!]!, binary[second!]!)));

      expect(valueOf(entry.cohenKappa)).toBeCloseTo(
        pairs.reduce((sum, value) => sum + value) / 3,
        12,
      );
      expect(valueOf(entry.fleissKappa)).toBeCloseTo(
        valueOf(computeFleissKappaFromRatings(binary)),
        12,
      );
      expect(valueOf(entry.krippendorffAlpha)).toBeCloseTo(
        valueOf(computeKrippendorffAlpha(binary, { level: "nominal" })),
        12,
      );
    }
  });

  it("reports unused labels and lone annotators as undefined with a reason", () => {
    const result = computeTokenAgreement({ tokens, annotators, labels: ["Unused"] });
    const unused = result.perLabel.find((entry) => entry.label === "Unused")!;

    expect(result.perLabel.map((entry) => entry.label)).toEqual([
      "Unused",
      "Doubt",
      "Exaggeration",
      "Loaded_Language",
    ]);
    expect(unused.cohenKappa).toMatchObject({ defined: false });
    expect(unused.krippendorffAlpha).toMatchObject({ defined: false, code: "no-variation" });

    const alone = computeTokenAgreement({ tokens, annotators: annotators.slice(0, 1) });
    expect(alone.overall.fleissKappa).toMatchObject({ defined: false, code: "too-few-annotators" });
  });

  it("adds reproducible bootstrap intervals to every token-level α", () => {
    const options = { bootstrap: { resamples: 200, seed: 3 } };
    const first = computeTokenAgreement({ tokens, annotators }, options);
    const again = computeTokenAgreement({ tokens, annotators }, options);

    expect(first).toEqual(again);
    for (const alpha of [
      first.overall.krippendorffAlpha,
      first.overall.masiAlpha,
      ...first.perLabel.map((entry) => entry.krippendorffAlpha),
    ]) {
      expect(alpha.defined && alpha.interval?.defined).toBe(true);
    }
  });

  it("rejects unsorted or overlapping tokens", () => {
    expect(() =>
      computeTokenAgreement({
        tokens: [
          { start: 2, end: 4 },
          { start: 0, end: 3 },
        ],
        annotators,
      }),
    ).toThrow(RangeError);
  });
});
