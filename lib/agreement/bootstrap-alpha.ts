import type { ConfidenceInterval } from "./agreement-result";
import type { DistanceModel } from "./alpha-distance";
import { computeCoincidences } from "./coincidence-matrix";
import {
  computeAlphaFromCoincidences,
  prepareKrippendorffAlpha,
  type AlphaResult,
  type KrippendorffAlphaOptions,
} from "./krippendorff-alpha";
import type { ReliabilityData } from "./reliability-data";
import { createSeededRandom } from "./seeded-random";
import {
  compressUnitTable,
  getUnitCount,
  getUnitTotals,
  type CompressedUnitTable,
} from "./unit-table";

export type BootstrapOptions = {
  resamples?: number;
  seed?: number;
  confidence?: number;
};

export const defaultBootstrap = { resamples: 1000, seed: 1, confidence: 0.95 } as const;

// Percentile bootstrap over units: each resample draws units with replacement, keeping
// a unit's values together (they are not independent). This is not Krippendorff's own
// algorithm (Hayes & Krippendorff 2007), which resamples pairs of values. For tokens,
// neighbouring tokens are correlated too, so intervals there are on the narrow side.
export function bootstrapKrippendorffAlpha<T>(
  data: ReliabilityData<T>,
  options: KrippendorffAlphaOptions<T>,
  bootstrap: BootstrapOptions = {},
): AlphaResult {
  const prepared = prepareKrippendorffAlpha(data, options);
  const compressed = compressUnitTable(prepared.table);
  const coincidences = computeCoincidences(compressed.types, compressed.weights);
  const estimate = computeAlphaFromCoincidences(
    coincidences,
    prepared.distance.build(coincidences.marginals),
    prepared.annotators,
  );

  if (!estimate.defined) {
    return estimate;
  }

  // Units with fewer than two values carry no information; drawing them would only
  // make the resampled number of pairable units random.
  const totals = getUnitTotals(compressed.types);
  const pairable = compressed.typeOfUnit.filter((type) => totals[type]! >= 2);
  const [intervals] = computeBootstrapIntervals(
    [{ units: { ...compressed, typeOfUnit: pairable }, distances: [prepared.distance] }],
    bootstrap,
  );

  return { ...estimate, interval: intervals![0]! };
}

// Several α values over the same units (token measures: each label, nominal and MASI).
// All typeOfUnit arrays index the same units; −1 leaves a unit out of one target. Every
// resample draws the units once and all targets use that draw, so the intervals come
// from one joint resample of the data and cost one set of random draws.
export type BootstrapTarget = {
  units: CompressedUnitTable;
  distances: readonly DistanceModel[];
};

export function computeBootstrapIntervals(
  targets: readonly BootstrapTarget[],
  { resamples, seed, confidence }: BootstrapOptions,
): ConfidenceInterval[][] {
  const draws = resamples ?? defaultBootstrap.resamples;
  const level = confidence ?? defaultBootstrap.confidence;
  const start = seed ?? defaultBootstrap.seed;

  if (!Number.isInteger(draws) || draws < 1) {
    throw new RangeError(`resamples must be a positive whole number, got ${draws}.`);
  }
  if (!(level > 0 && level < 1)) {
    throw new RangeError(`confidence must be between 0 and 1, got ${level}.`);
  }

  const unitCount = targets[0]?.units.typeOfUnit.length ?? 0;
  if (targets.some((target) => target.units.typeOfUnit.length !== unitCount)) {
    throw new RangeError("Bootstrap targets must index the same units.");
  }

  const random = createSeededRandom(start);
  const multiplicity = new Int32Array(unitCount);
  const estimates = targets.map((target) => target.distances.map((): number[] => []));
  const fixed = targets.map((target) =>
    target.distances.map((distance) =>
      distance.dependsOnMarginals ? undefined : distance.build(new Float64Array()),
    ),
  );
  const drawn = targets.map((target) => new Float64Array(getUnitCount(target.units.types)));
  const sparse = targets.map((target) => splitByCommonType(target.units.typeOfUnit));

  for (let resample = 0; resample < draws; resample += 1) {
    multiplicity.fill(0);
    for (let draw = 0; draw < unitCount; draw += 1) {
      const unit = Math.floor(random() * unitCount);
      multiplicity[unit] = multiplicity[unit]! + 1;
    }

    targets.forEach((target, targetIndex) => {
      const counts = drawn[targetIndex]!;
      const { commonType, others } = sparse[targetIndex]!;
      const typeOfUnit = target.units.typeOfUnit;
      let drawnOthers = 0;
      counts.fill(0);

      for (const unit of others) {
        const times = multiplicity[unit]!;
        if (times > 0) {
          const type = typeOfUnit[unit]!;
          drawnOthers += times;
          if (type >= 0) {
            counts[type] = counts[type]! + times;
          }
        }
      }
      if (commonType >= 0) {
        counts[commonType] = counts[commonType]! + unitCount - drawnOthers;
      }

      const coincidences = computeCoincidences(target.units.types, counts);
      target.distances.forEach((distance, distanceIndex) => {
        const result = computeAlphaFromCoincidences(
          coincidences,
          fixed[targetIndex]![distanceIndex] ?? distance.build(coincidences.marginals),
          0,
        );
        if (result.defined) {
          estimates[targetIndex]![distanceIndex]!.push(result.value);
        }
      });
    });
  }

  return estimates.map((perDistance) =>
    perDistance.map((values) => summariseEstimates(values, draws, level, start)),
  );
}

// Most tokens share one type (unmarked, or out of scope). Counting only the others and
// giving the rest of the draws to the common type keeps each target's cost per resample
// proportional to its marked units, not to the text.
function splitByCommonType(typeOfUnit: Int32Array): { commonType: number; others: Int32Array } {
  const frequency = new Map<number, number>();
  for (const type of typeOfUnit) {
    frequency.set(type, (frequency.get(type) ?? 0) + 1);
  }

  let commonType = -1;
  let highest = -1;
  for (const [type, count] of frequency) {
    if (count > highest) {
      commonType = type;
      highest = count;
    }
  }

  const others: number[] = [];
  typeOfUnit.forEach((type, unit) => {
    if (type !== commonType) {
      others.push(unit);
    }
  });

  return { commonType, others: Int32Array.from(others) };
}

function summariseEstimates(
  values: number[],
  draws: number,
  level: number,
  seed: number,
): ConfidenceInterval {
  if (values.length === 0) {
    return {
      defined: false,
      code: "no-variation",
      reason: "α was undefined on every bootstrap resample.",
    };
  }

  values.sort((left, right) => left - right);
  const tail = (1 - level) / 2;

  return {
    defined: true,
    lower: getQuantile(values, tail),
    upper: getQuantile(values, 1 - tail),
    confidence: level,
    resamples: draws,
    undefinedResamples: draws - values.length,
    seed,
  };
}

// Linear interpolation between order statistics (R's type 7, NumPy's default).
function getQuantile(sorted: readonly number[], probability: number): number {
  const position = (sorted.length - 1) * probability;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);

  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}
