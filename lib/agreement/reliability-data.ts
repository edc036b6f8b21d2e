import { createUnitTable, type UnitTable } from "./unit-table";

// Rows are annotators, columns are units (the layout of R irr, Python `krippendorff`
// and Krippendorff 2011). null, undefined and NaN mark a missing value.
export type ReliabilityData<T> = readonly (readonly (T | null | undefined)[])[];

export type Primitive = string | number | boolean;

export type TabulatedData<T> = {
  values: T[];
  table: UnitTable;
  annotators: number;
};

export function isMissing(value: unknown): value is null | undefined {
  return (
    value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))
  );
}

// Distinct values come back sorted when they are all numbers or all strings, so a
// coincidence matrix reads in the natural order; otherwise in order of appearance.
export function tabulateReliabilityData<T>(
  data: ReliabilityData<T>,
  getKey: (value: T) => unknown = (value) => value,
): TabulatedData<T> {
  const unitCount = data.reduce((longest, row) => Math.max(longest, row.length), 0);
  const firstByKey = new Map<unknown, T>();

  for (const row of data) {
    for (const value of row) {
      if (!isMissing(value)) {
        const key = getKey(value);
        if (!firstByKey.has(key)) {
          firstByKey.set(key, value);
        }
      }
    }
  }

  const values = sortValues([...firstByKey.values()]);
  const idByKey = new Map<unknown, number>();
  values.forEach((value, id) => idByKey.set(getKey(value), id));

  const units: [number, number][][] = [];
  for (let unit = 0; unit < unitCount; unit += 1) {
    const countById = new Map<number, number>();
    for (const row of data) {
      const value = row[unit];
      if (!isMissing(value)) {
        const id = idByKey.get(getKey(value)) as number;
        countById.set(id, (countById.get(id) ?? 0) + 1);
      }
    }
    units.push([...countById.entries()]);
  }

  return { values, table: createUnitTable(values.length, units), annotators: data.length };
}

function sortValues<T>(values: T[]): T[] {
  if (values.every((value) => typeof value === "number")) {
    return [...values].sort((left, right) => (left as number) - (right as number));
  }

  if (values.every((value) => typeof value === "string")) {
    return [...values].sort((left, right) =>
      (left as string) < (right as string) ? -1 : (left as string) > (right as string) ? 1 : 0,
    );
  }

  return values;
}
