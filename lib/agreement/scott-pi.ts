import {
  createAgreement,
  createUndefined,
  reasons,
  type AgreementCounts,
} from "./agreement-result";
import type { KappaResult } from "./cohen-kappa";
import type { Primitive } from "./reliability-data";
import { createTwoRaterTable, sumTwoRaterTable } from "./two-rater-table";

// Scott (1955): chance agreement from the pooled marginals of both raters, so it
// does not reward raters for having different category preferences.
export function computeScottPi<T extends Primitive>(
  first: readonly (T | null | undefined)[],
  second: readonly (T | null | undefined)[],
): KappaResult {
  return computeScottPiFromTable(createTwoRaterTable(first, second).table);
}

export function computeScottPiFromTable(table: readonly (readonly number[])[]): KappaResult {
  const sums = sumTwoRaterTable(table);
  return computeScottPiFromSums(sums.total, sums.agreements, sums.squaredPooledMarginals);
}

export function computeScottPiFromSums(
  total: number,
  agreements: number,
  squaredPooledMarginals: number,
  n: AgreementCounts = { units: total, annotators: 2, values: 2 * total },
): KappaResult {
  if (total === 0) {
    return createUndefined("no-pairable-units", reasons.noPairableUnits, n);
  }

  const scaledTotal = 4 * total * total;
  if (squaredPooledMarginals >= scaledTotal) {
    return createUndefined("no-variation", reasons.noVariation, n);
  }

  return createAgreement(
    (4 * total * agreements - squaredPooledMarginals) / (scaledTotal - squaredPooledMarginals),
    n,
    {
      observedAgreement: agreements / total,
      expectedAgreement: squaredPooledMarginals / scaledTotal,
    },
  );
}
