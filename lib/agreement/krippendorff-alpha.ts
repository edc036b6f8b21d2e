import {
  createAgreement,
  createUndefined,
  reasons,
  type AgreementCounts,
  type AgreementResult,
} from "./agreement-result";
import {
  createFixedDistance,
  createLevelDistance,
  createMasiDistance,
  type AlphaLevel,
  type DistanceFunction,
  type DistanceModel,
  type NumericLevel,
} from "./alpha-distance";
import { computeCoincidences, type Coincidences } from "./coincidence-matrix";
import { getLabelSetKey, type LabelSet } from "./masi-distance";
import {
  tabulateReliabilityData,
  type Primitive,
  type ReliabilityData,
  type TabulatedData,
} from "./reliability-data";
import { createUnitTable } from "./unit-table";

export type AlphaDetail = { observedDisagreement: number; expectedDisagreement: number };
export type AlphaResult = AgreementResult<AlphaDetail>;

export type CustomDistanceOptions<T> = {
  distance: DistanceFunction<T>;
  // Which values count as the same; defaults to ===. Needed for object values.
  key?: (value: T) => Primitive;
};

// The level must fit the values: numeric levels need numbers, MASI needs label sets.
export type KrippendorffAlphaOptions<T> =
  | ([T] extends [Primitive] ? { level: "nominal" } : never)
  | ([T] extends [number] ? { level: NumericLevel } : never)
  | ([T] extends [LabelSet] ? { level: "masi" } : never)
  | CustomDistanceOptions<T>;

export type PreparedAlpha<T> = TabulatedData<T> & { distance: DistanceModel };

export function prepareKrippendorffAlpha<T>(
  data: ReliabilityData<T>,
  options: KrippendorffAlphaOptions<T>,
): PreparedAlpha<T> {
  if ("distance" in options) {
    const tabulated = tabulateReliabilityData(data, options.key);
    return { ...tabulated, distance: createFixedDistance(tabulated.values, options.distance) };
  }

  if (options.level === "masi") {
    const tabulated = tabulateReliabilityData(data, (value) => getLabelSetKey(value as LabelSet));
    return {
      ...tabulated,
      distance: createMasiDistance(tabulated.values as readonly LabelSet[]),
    };
  }

  const tabulated = tabulateReliabilityData(data);
  return { ...tabulated, distance: createLevelDistance(options.level, tabulated.values) };
}

// Reliability data: rows are annotators, columns are units; null/undefined/NaN are missing.
// Units with fewer than two values are ignored, as the coincidence-matrix form requires.
export function computeKrippendorffAlpha<T>(
  data: ReliabilityData<T>,
  options: KrippendorffAlphaOptions<T>,
): AlphaResult {
  const prepared = prepareKrippendorffAlpha(data, options);
  const coincidences = computeCoincidences(prepared.table);

  return computeAlphaFromCoincidences(
    coincidences,
    prepared.distance.build(coincidences.marginals),
    prepared.annotators,
  );
}

// Value counts as in the Python package: rows are units, columns are values; column j
// stands for `values[j]` (default j + 1, so ordinal/interval see 1, 2, 3, …).
export function computeKrippendorffAlphaFromCounts(
  counts: readonly (readonly number[])[],
  options: { level: AlphaLevel; values?: readonly number[] } | CustomDistanceOptions<number>,
): AlphaResult {
  const width = counts.reduce((widest, row) => Math.max(widest, row.length), 0);
  const values =
    "values" in options && options.values
      ? [...options.values]
      : Array.from({ length: width }, (_, index) => index + 1);

  if (values.length < width) {
    throw new RangeError(`Expected ${width} values for the count columns, got ${values.length}.`);
  }

  const table = createUnitTable(
    values.length,
    counts.map((row) => row.map((count, column) => [column, count] as const)),
  );
  const distance =
    "distance" in options
      ? createFixedDistance(values, options.distance)
      : createLevelDistance(options.level, values);
  const coincidences = computeCoincidences(table);
  // Counts do not say who rated; the most values on one unit is the best lower bound.
  const annotators = counts.reduce(
    (most, row) =>
      Math.max(
        most,
        row.reduce((sum, count) => sum + count, 0),
      ),
    0,
  );

  return computeAlphaFromCoincidences(
    coincidences,
    distance.build(coincidences.marginals),
    annotators,
  );
}

export type CoincidenceMatrix<T> = {
  values: T[];
  matrix: number[][];
  marginals: number[];
  pairableValues: number;
  pairableUnits: number;
};

export function computeCoincidenceMatrix<T>(
  data: ReliabilityData<T>,
  options: KrippendorffAlphaOptions<T>,
): CoincidenceMatrix<T> {
  const prepared = prepareKrippendorffAlpha(data, options);
  const coincidences = computeCoincidences(prepared.table);
  const size = coincidences.valueCount;

  return {
    values: prepared.values,
    matrix: Array.from({ length: size }, (_, row) =>
      Array.from(coincidences.matrix.subarray(row * size, (row + 1) * size)),
    ),
    marginals: Array.from(coincidences.marginals),
    pairableValues: coincidences.total,
    pairableUnits: coincidences.pairableUnits,
  };
}

// α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, i.e. 1 − D_o / D_e.
export function computeAlphaFromCoincidences(
  coincidences: Coincidences,
  distance: Float64Array,
  annotators: number,
): AlphaResult {
  const { matrix, marginals, total, valueCount, pairableUnits } = coincidences;
  const n: AgreementCounts = { units: pairableUnits, annotators, values: total };

  if (total === 0) {
    return createUndefined("no-pairable-units", reasons.noPairableUnits, n);
  }

  let observed = 0;
  let expected = 0;
  for (let row = 0; row < valueCount; row += 1) {
    const rowMarginal = marginals[row]!;
    for (let column = 0; column < valueCount; column += 1) {
      const delta = distance[row * valueCount + column]!;
      if (delta !== 0) {
        observed += matrix[row * valueCount + column]! * delta;
        expected += rowMarginal * marginals[column]! * delta;
      }
    }
  }

  if (expected <= 0) {
    return createUndefined("no-variation", reasons.noVariation, n);
  }

  const observedDisagreement = observed / total;
  const expectedDisagreement = expected / (total * (total - 1));

  return createAgreement(1 - observedDisagreement / expectedDisagreement, n, {
    observedDisagreement,
    expectedDisagreement,
  });
}
