export type BenchRow = {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
};

export function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) {
    return Number.NaN;
  }
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(name: string, values: number[]): BenchRow {
  return {
    name,
    medianMs: median(values),
    minMs: Math.min(...values),
    maxMs: Math.max(...values),
    runs: values.length,
  };
}
