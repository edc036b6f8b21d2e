// One result shape for every measure, so the UI can show "undefined (no variation)"
// instead of NaN, and always report how much data a figure rests on.

export type AgreementCounts = {
  // What was compared: pairable units for α, tokens for token measures, spans for F1.
  units: number;
  annotators: number;
  // Pairable values for α, ratings for κ, spans for F1, annotator pairs for means over pairs.
  values: number;
};

export type UndefinedCode =
  | "empty-input"
  | "too-few-annotators"
  | "no-pairable-units"
  | "no-variation"
  | "unequal-ratings"
  | "no-spans"
  | "non-finite";

export type ConfidenceInterval =
  | {
      defined: true;
      lower: number;
      upper: number;
      confidence: number;
      resamples: number;
      // Resamples on which the measure was undefined; they are left out of the percentiles.
      undefinedResamples: number;
      seed: number;
    }
  | { defined: false; code: UndefinedCode; reason: string };

export type Detail = Record<string, number>;

export type DefinedAgreement<D extends Detail = Detail> = {
  defined: true;
  value: number;
  n: AgreementCounts;
  detail: D;
  interval?: ConfidenceInterval;
};

export type UndefinedAgreement = {
  defined: false;
  code: UndefinedCode;
  reason: string;
  n: AgreementCounts;
};

export type AgreementResult<D extends Detail = Detail> = DefinedAgreement<D> | UndefinedAgreement;

export const noCounts: AgreementCounts = { units: 0, annotators: 0, values: 0 };

// Every defined result goes through here, so a division that slipped past the
// explicit checks still cannot leak NaN or Infinity to a caller.
export function createAgreement<D extends Detail>(
  value: number,
  n: AgreementCounts,
  detail: D,
): AgreementResult<D> {
  const finiteDetail = Object.values(detail).every((entry) => Number.isFinite(entry));

  if (!Number.isFinite(value) || !finiteDetail) {
    return createUndefined(
      "non-finite",
      "The computation produced a non-finite number; the input is degenerate.",
      n,
    );
  }

  return { defined: true, value, n, detail };
}

export function createUndefined(
  code: UndefinedCode,
  reason: string,
  n: AgreementCounts = noCounts,
): UndefinedAgreement {
  return { defined: false, code, reason, n };
}

export const reasons = {
  emptyInput: "There is no data to compare.",
  tooFewAnnotators: "Agreement needs at least two annotators.",
  noPairableUnits: "No unit was coded by two or more annotators.",
  noVariation:
    "Undefined (no variation): every annotator used the same single value, so chance agreement is total.",
  noSpans: "Neither side marked any span.",
} as const;
