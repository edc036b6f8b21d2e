import {
  createAgreement,
  createUndefined,
  reasons,
  type AgreementCounts,
  type AgreementResult,
} from "./agreement-result";
import { isMissing, type Primitive, type ReliabilityData } from "./reliability-data";
import { createUnitTable, getUnitCount, type UnitTable } from "./unit-table";

export type FleissDetail = { meanObservedAgreement: number; expectedAgreement: number };
export type FleissResult = AgreementResult<FleissDetail>;

// counts[i][j]: how many raters put unit i in category j. Fleiss (1971) assumes the
// same number of ratings m on every unit; units with no rating are skipped, any other
// difference makes κ undefined (Krippendorff's α is the measure for missing data).
export function computeFleissKappa(counts: readonly (readonly number[])[]): FleissResult {
  const width = counts.reduce((widest, row) => Math.max(widest, row.length), 0);
  const table = createUnitTable(
    width,
    counts.map((row) => row.map((count, category) => [category, count] as const)),
  );
  return computeFleissKappaFromTable(table);
}

// Rows are annotators, columns units. Units missing any rating are dropped listwise
// (as R irr's kappam.fleiss does), so every remaining unit has all m ratings.
export function computeFleissKappaFromRatings<T extends Primitive>(
  data: ReliabilityData<T>,
): FleissResult {
  const unitCount = data.reduce((longest, row) => Math.max(longest, row.length), 0);
  const index = new Map<T, number>();
  const units: [number, number][][] = [];

  for (let unit = 0; unit < unitCount; unit += 1) {
    const ratings = data.map((row) => row[unit]);
    if (ratings.some((rating) => isMissing(rating))) {
      continue;
    }

    const countByCategory = new Map<number, number>();
    for (const rating of ratings as T[]) {
      let category = index.get(rating);
      if (category === undefined) {
        category = index.size;
        index.set(rating, category);
      }
      countByCategory.set(category, (countByCategory.get(category) ?? 0) + 1);
    }
    units.push([...countByCategory.entries()]);
  }

  return computeFleissKappaFromTable(createUnitTable(index.size, units), undefined, data.length);
}

// P_i = (Σ_j n_ij² − m) / (m(m − 1)), P̄_e = Σ_j p_j², κ = (P̄ − P̄_e) / (1 − P̄_e).
export function computeFleissKappaFromTable(
  table: UnitTable,
  weights?: Float64Array,
  annotators?: number,
): FleissResult {
  const unitCount = getUnitCount(table);
  const categoryTotals = new Float64Array(table.valueCount);
  let raters = 0;
  let units = 0;
  let sumOfSquares = 0;

  for (let unit = 0; unit < unitCount; unit += 1) {
    const weight = weights ? weights[unit]! : 1;
    let ratings = 0;
    let squares = 0;

    for (let entry = table.unitStart[unit]!; entry < table.unitStart[unit + 1]!; entry += 1) {
      const count = table.counts[entry]!;
      ratings += count;
      squares += count * count;
      const category = table.valueIds[entry]!;
      categoryTotals[category] = categoryTotals[category]! + weight * count;
    }

    if (ratings === 0 || weight === 0) {
      continue;
    }

    if (raters === 0) {
      raters = ratings;
    } else if (ratings !== raters) {
      return createUndefined(
        "unequal-ratings",
        `Fleiss' κ needs the same number of ratings on every unit (found ${raters} and ${ratings}); use Krippendorff's α for missing ratings.`,
        { units: 0, annotators: annotators ?? 0, values: 0 },
      );
    }

    units += weight;
    sumOfSquares += weight * squares;
  }

  const n: AgreementCounts = {
    units,
    annotators: annotators ?? raters,
    values: units * raters,
  };

  if (units === 0) {
    return createUndefined("empty-input", reasons.emptyInput, n);
  }
  if (raters < 2) {
    return createUndefined("too-few-annotators", reasons.tooFewAnnotators, n);
  }

  const ratingsTotal = units * raters;
  let squaredTotals = 0;
  for (const total of categoryTotals) {
    squaredTotals += total * total;
  }

  // All ratings in one category: P̄_e = 1 exactly, compared on counts to avoid rounding.
  if (squaredTotals >= ratingsTotal * ratingsTotal) {
    return createUndefined("no-variation", reasons.noVariation, n);
  }

  const meanObservedAgreement = (sumOfSquares - ratingsTotal) / (ratingsTotal * (raters - 1));
  const expectedAgreement = squaredTotals / (ratingsTotal * ratingsTotal);

  return createAgreement((meanObservedAgreement - expectedAgreement) / (1 - expectedAgreement), n, {
    meanObservedAgreement,
    expectedAgreement,
  });
}
