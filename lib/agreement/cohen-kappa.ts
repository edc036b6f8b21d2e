import {
  createAgreement,
  createUndefined,
  reasons,
  type AgreementCounts,
  type AgreementResult,
} from "./agreement-result";
import type { Primitive } from "./reliability-data";
import { createTwoRaterTable, sumTwoRaterTable } from "./two-rater-table";

export type KappaDetail = { observedAgreement: number; expectedAgreement: number };
export type KappaResult = AgreementResult<KappaDetail>;

// Cohen (1960): chance agreement from each rater's own marginals.
export function computeCohenKappa<T extends Primitive>(
  first: readonly (T | null | undefined)[],
  second: readonly (T | null | undefined)[],
): KappaResult {
  return computeCohenKappaFromTable(createTwoRaterTable(first, second).table);
}

// table[i][j]: units rater A put in category i and rater B in category j.
export function computeCohenKappaFromTable(table: readonly (readonly number[])[]): KappaResult {
  const sums = sumTwoRaterTable(table);
  return computeCohenKappaFromSums(sums.total, sums.agreements, sums.productOfMarginals);
}

// Works on the sums so token-level code can feed 2 × 2 counts without building tables.
// Comparing products of counts (not rounded proportions) makes "no variation" exact.
export function computeCohenKappaFromSums(
  total: number,
  agreements: number,
  productOfMarginals: number,
  n: AgreementCounts = { units: total, annotators: 2, values: 2 * total },
): KappaResult {
  if (total === 0) {
    return createUndefined("no-pairable-units", reasons.noPairableUnits, n);
  }

  const squaredTotal = total * total;
  if (productOfMarginals >= squaredTotal) {
    return createUndefined("no-variation", reasons.noVariation, n);
  }

  return createAgreement(
    (total * agreements - productOfMarginals) / (squaredTotal - productOfMarginals),
    n,
    {
      observedAgreement: agreements / total,
      expectedAgreement: productOfMarginals / squaredTotal,
    },
  );
}
