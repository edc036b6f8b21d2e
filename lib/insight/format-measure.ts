import type { AgreementResult, UndefinedCode } from "../agreement";

// How an agreement figure reads on screen and in CSV: a value with what it rests on, or
// "undefined: <why>" in words a class can follow. Never NaN, never a bare number.

const undefinedReasons: Record<UndefinedCode, string> = {
  "too-few-annotators": "needs at least two annotators",
  "no-pairable-units": "no passage was coded by two or more annotators",
  "no-variation": "no variation",
  "no-spans": "nobody marked anything",
  "empty-input": "no data",
  "unequal-ratings": "annotators rated different numbers of units",
  "non-finite": "degenerate data",
};

// The longer reading of the short reasons, for a legend under tables.
export const undefinedExplanations: Partial<Record<UndefinedCode, string>> = {
  "no-variation":
    "every annotator gave every unit the same value (for example nobody used the label), so chance agreement is total and the coefficient is 0/0",
  "no-spans": "neither annotator of any pair marked anything, so F1 has nothing to compare",
  "no-pairable-units": "no unit has values from two annotators, so nothing can be compared",
};

export function describeUndefined(code: UndefinedCode): string {
  return `undefined: ${undefinedReasons[code]}`;
}

export function formatValue(value: number, digits = 2): string {
  // −0.00 reads as a sign error; show 0.00.
  const fixed = value.toFixed(digits);
  return /^-0\.0+$/.test(fixed) ? fixed.slice(1) : fixed.replace("-", "−");
}

export function formatMeasure(result: AgreementResult, digits = 2): string {
  return result.defined ? formatValue(result.value, digits) : describeUndefined(result.code);
}

// What the figure rests on, e.g. "n = 412 tokens, 3 annotators".
export function formatCounts(result: AgreementResult, unit: string): string {
  return `n = ${result.n.units.toLocaleString("en")} ${unit}, ${result.n.annotators} annotator${result.n.annotators === 1 ? "" : "s"}`;
}

// A number for CSV cells: the value, or empty when undefined (the reason goes in its own column).
export function measureCell(result: AgreementResult): number | "" {
  return result.defined ? Number(result.value.toFixed(6)) : "";
}

export function reasonCell(result: AgreementResult): string {
  return result.defined ? "" : describeUndefined(result.code);
}

// 0.1234 → "12%"; below 1% but above zero → "<1%", so a small share never reads as none.
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) {
    return "<1%";
  }
  return `${Math.round(share * 100)}%`;
}

// Axis ticks need more precision than labels: 0.0025 → "0.25%", 0.5 → "50%".
export function formatPercentTick(share: number): string {
  return `${Number((share * 100).toPrecision(2))}%`;
}
