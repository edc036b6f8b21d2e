import { isMissing, type Primitive } from "./reliability-data";

// A square contingency table of two raters' categories: rows rater A, columns rater B.
export type TwoRaterTable<T = Primitive> = {
  categories: T[];
  table: number[][];
};

// Units where either rater gave no value are dropped listwise, as R irr's kappa2 does.
export function createTwoRaterTable<T extends Primitive>(
  first: readonly (T | null | undefined)[],
  second: readonly (T | null | undefined)[],
): TwoRaterTable<T> {
  if (first.length !== second.length) {
    throw new RangeError(
      `Both raters must rate the same units (got ${first.length} and ${second.length}).`,
    );
  }

  const index = new Map<T, number>();
  const categories: T[] = [];
  const pairs: [number, number][] = [];
  const getIndex = (value: T) => {
    let found = index.get(value);
    if (found === undefined) {
      found = categories.length;
      index.set(value, found);
      categories.push(value);
    }
    return found;
  };

  first.forEach((left, unit) => {
    const right = second[unit];
    if (!isMissing(left) && !isMissing(right)) {
      pairs.push([getIndex(left), getIndex(right)]);
    }
  });

  const table = categories.map(() => categories.map(() => 0));
  for (const [row, column] of pairs) {
    table[row]![column]! += 1;
  }

  return { categories, table };
}

export type TwoRaterSums = {
  total: number;
  agreements: number;
  // Σ_k rowₖ · columnₖ (Cohen's chance term, times total²).
  productOfMarginals: number;
  // Σ_k (rowₖ + columnₖ)² (Scott's chance term, times 4 · total²).
  squaredPooledMarginals: number;
  categoriesUsed: number;
};

export function sumTwoRaterTable(table: readonly (readonly number[])[]): TwoRaterSums {
  const size = table.length;
  for (const row of table) {
    if (row.length !== size) {
      throw new RangeError("The contingency table must be square.");
    }
  }

  let total = 0;
  let agreements = 0;
  let productOfMarginals = 0;
  let squaredPooledMarginals = 0;
  let categoriesUsed = 0;

  for (let category = 0; category < size; category += 1) {
    let rowSum = 0;
    let columnSum = 0;
    for (let other = 0; other < size; other += 1) {
      rowSum += table[category]![other]!;
      columnSum += table[other]![category]!;
    }
    total += rowSum;
    agreements += table[category]![category]!;
    productOfMarginals += rowSum * columnSum;
    squaredPooledMarginals += (rowSum + columnSum) ** 2;
    if (rowSum + columnSum > 0) {
      categoriesUsed += 1;
    }
  }

  return { total, agreements, productOfMarginals, squaredPooledMarginals, categoriesUsed };
}
