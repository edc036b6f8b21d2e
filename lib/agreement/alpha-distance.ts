import { masiDistance, type LabelSet } from "./masi-distance";

export type NumericLevel = "ordinal" | "interval" | "ratio";
export type AlphaLevel = "nominal" | NumericLevel;

// Returns δ² directly: a custom function is used as is, not squared (as in the Python
// `krippendorff` package), so |c − k| gives the non-squared metric of its tests.
export type DistanceFunction<T> = (left: T, right: T) => number;

// δ² as a dense V × V matrix over value ids. Ordinal distances depend on the marginals,
// so they are rebuilt for each (re)sample; every other metric is built once.
export type DistanceModel = {
  dependsOnMarginals: boolean;
  build: (marginals: Float64Array) => Float64Array;
};

export function createLevelDistance(level: AlphaLevel, values: readonly unknown[]): DistanceModel {
  if (level === "nominal") {
    return createFixedDistance(values, (left, right) => (left === right ? 0 : 1));
  }

  const numbers = values.map((value) => {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new TypeError(`The ${level} level needs finite numbers; got ${String(value)}.`);
    }
    return value;
  });

  if (level === "interval") {
    return createFixedDistance(numbers, (left, right) => (left - right) ** 2);
  }

  if (level === "ratio") {
    // Two zeros are identical, so the 0/0 case is a distance of 0.
    return createFixedDistance(numbers, (left, right) =>
      left + right === 0 ? 0 : ((left - right) / (left + right)) ** 2,
    );
  }

  return createOrdinalDistance(numbers);
}

export function createMasiDistance(values: readonly LabelSet[]): DistanceModel {
  return createFixedDistance(values, masiDistance);
}

export function createFixedDistance<T>(
  values: readonly T[],
  distance: DistanceFunction<T>,
): DistanceModel {
  const size = values.length;
  const matrix = new Float64Array(size * size);

  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      matrix[row * size + column] =
        row === column ? 0 : distance(values[row] as T, values[column] as T);
    }
  }

  return { dependsOnMarginals: false, build: () => matrix };
}

// δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over values in rank order.
function createOrdinalDistance(values: readonly number[]): DistanceModel {
  const size = values.length;
  const order = values.map((_, id) => id).sort((left, right) => values[left]! - values[right]!);

  function build(marginals: Float64Array): Float64Array {
    const matrix = new Float64Array(size * size);
    // cumulative[r] = Σ of n over ranks < r.
    const cumulative = new Float64Array(size + 1);
    order.forEach((id, rank) => {
      cumulative[rank + 1] = cumulative[rank]! + marginals[id]!;
    });

    for (let low = 0; low < size; low += 1) {
      for (let high = low + 1; high < size; high += 1) {
        const lowId = order[low]!;
        const highId = order[high]!;
        const between =
          cumulative[high + 1]! - cumulative[low]! - (marginals[lowId]! + marginals[highId]!) / 2;
        const squared = between * between;
        matrix[lowId * size + highId] = squared;
        matrix[highId * size + lowId] = squared;
      }
    }

    return matrix;
  }

  return { dependsOnMarginals: true, build };
}
