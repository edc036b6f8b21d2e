import { getUnitCount, type UnitTable } from "./unit-table";

// Krippendorff (2011): every ordered pair of values from different coders in unit u
// adds 1/(m_u − 1) to o_ck. Units with fewer than two values are not pairable.
export type Coincidences = {
  valueCount: number;
  // Dense, row-major valueCount × valueCount.
  matrix: Float64Array;
  marginals: Float64Array;
  // n: the number of pairable values.
  total: number;
  pairableUnits: number;
};

// `weights` counts how often each row of the table occurs: 1 for plain data,
// the multiplicity for compressed tables, the draw count for a bootstrap resample.
export function computeCoincidences(table: UnitTable, weights?: Float64Array): Coincidences {
  const size = table.valueCount;
  const matrix = new Float64Array(size * size);
  const unitCount = getUnitCount(table);
  let pairableUnits = 0;
  // Counted directly rather than summed from the matrix, so n stays a whole number.
  let pairableValues = 0;

  for (let unit = 0; unit < unitCount; unit += 1) {
    const weight = weights ? weights[unit]! : 1;
    if (weight === 0) {
      continue;
    }

    const from = table.unitStart[unit]!;
    const to = table.unitStart[unit + 1]!;
    let pairable = 0;
    for (let entry = from; entry < to; entry += 1) {
      pairable += table.counts[entry]!;
    }

    if (pairable < 2) {
      continue;
    }

    pairableUnits += weight;
    pairableValues += weight * pairable;
    const scale = weight / (pairable - 1);

    for (let left = from; left < to; left += 1) {
      const leftValue = table.valueIds[left]!;
      const leftCount = table.counts[left]!;

      for (let right = from; right < to; right += 1) {
        const rightValue = table.valueIds[right]!;
        const rightCount = table.counts[right]! - (left === right ? 1 : 0);
        const cell = leftValue * size + rightValue;
        matrix[cell] = matrix[cell]! + leftCount * rightCount * scale;
      }
    }
  }

  const marginals = new Float64Array(size);
  for (let row = 0; row < size; row += 1) {
    let sum = 0;
    for (let column = 0; column < size; column += 1) {
      sum += matrix[row * size + column]!;
    }
    marginals[row] = sum;
  }

  return { valueCount: size, matrix, marginals, total: pairableValues, pairableUnits };
}
