import { describe, expect, it } from "vitest";

import type { AgreementResult } from "./agreement-result";
import { computeCohenKappa, computeCohenKappaFromTable } from "./cohen-kappa";
import { computeKrippendorffAlpha } from "./krippendorff-alpha";
import { computeScottPi, computeScottPiFromTable } from "./scott-pi";

function valueOf(result: AgreementResult): number {
  if (!result.defined) {
    throw new Error(`Expected a defined result, got: ${result.reason}`);
  }
  return result.value;
}

// DKPro Krippendorff1995Test: digitised unitizations, one pair of raters each.
const digitised = {
  bertha: "001111111100001111110000",
  bill: "000011110000000110000000",
  john: "111111111111111111000000",
  jill: "111111111100000000000000",
  gerret: "001111110011001111001100",
  gill: "110011110011110011001100",
  heather: "111111111111111111111111",
};
const toCodes = (text: string) => [...text].map(Number);

describe("Cohen's kappa and Scott's pi", () => {
  it("matches the Wikipedia 2 × 2 example", () => {
    const result = computeCohenKappaFromTable([
      [20, 5],
      [10, 15],
    ]);

    expect(result).toMatchObject({ defined: true, detail: { observedAgreement: 0.7 } });
    if (!result.defined) {
      throw new Error(result.reason);
    }
    expect(result.detail.expectedAgreement).toBeCloseTo(0.5, 12);
    expect(result.value).toBeCloseTo(0.4, 12);
  });

  it("tells κ, π and α apart on Bertha vs Bill (DKPro)", () => {
    const bertha = toCodes(digitised.bertha);
    const bill = toCodes(digitised.bill);

    expect(valueOf(computeCohenKappa(bertha, bill))).toBeCloseTo(0.385, 3);
    expect(valueOf(computeScottPi(bertha, bill))).toBeCloseTo(0.314, 3);
    expect(valueOf(computeKrippendorffAlpha([bertha, bill], { level: "nominal" }))).toBeCloseTo(
      0.329,
      3,
    );
  });

  it("matches DKPro's other digitised pairs", () => {
    const john = toCodes(digitised.john);
    const jill = toCodes(digitised.jill);
    const gerret = toCodes(digitised.gerret);
    const gill = toCodes(digitised.gill);

    expect(valueOf(computeCohenKappa(john, jill))).toBeCloseTo(0.385, 3);
    expect(valueOf(computeScottPi(john, jill))).toBeCloseTo(0.314, 3);
    expect(valueOf(computeCohenKappa(gerret, gill))).toBeCloseTo(0.314, 3);
    expect(valueOf(computeScottPi(gerret, gill))).toBeCloseTo(0.314, 3);
  });

  it("is undefined (no variation) when both raters use one category throughout", () => {
    const heather = toCodes(digitised.heather);

    for (const result of [computeCohenKappa(heather, heather), computeScottPi(heather, heather)]) {
      expect(result).toMatchObject({ defined: false, code: "no-variation" });
      expect(result.defined || result.reason).toMatch(/no variation/);
    }
  });

  it("drops units either rater skipped (listwise)", () => {
    const first = ["a", "b", null, "a", "b"];
    const second = ["a", "b", "a", undefined, "a"];

    const result = computeCohenKappa(first, second);
    expect(result.n.units).toBe(3);
    expect(valueOf(result)).toBe(valueOf(computeCohenKappa(["a", "b", "b"], ["a", "b", "a"])));
  });

  it("is undefined for no pairable units and rejects raters of different length", () => {
    expect(computeCohenKappa([null], ["a"])).toMatchObject({
      defined: false,
      code: "no-pairable-units",
    });
    expect(computeScottPiFromTable([])).toMatchObject({
      defined: false,
      code: "no-pairable-units",
    });
    expect(() => computeCohenKappa(["a"], ["a", "b"])).toThrow(RangeError);
    expect(() => computeCohenKappaFromTable([[1, 2]])).toThrow(RangeError);
  });

  it("gives 1 for perfect agreement and −1 for perfect balanced disagreement", () => {
    expect(valueOf(computeCohenKappa([1, 2, 1, 2], [1, 2, 1, 2]))).toBe(1);
    expect(valueOf(computeCohenKappa([1, 2, 1, 2], [2, 1, 2, 1]))).toBe(-1);
    expect(valueOf(computeScottPi([1, 2, 1, 2], [2, 1, 2, 1]))).toBe(-1);
  });
});
