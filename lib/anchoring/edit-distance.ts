// Levenshtein distance between two strings (UTF-16 units), computed only inside a
// diagonal band of width maxDistance; returns maxDistance + 1 when the distance is
// larger. O(maxDistance · length) time, O(length) memory.
export function editDistance(a: string, b: string, maxDistance: number): number {
  const limit = Math.max(0, Math.floor(maxDistance));

  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  if (a === b) {
    return 0;
  }

  const over = limit + 1;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);

  for (let column = 0; column <= b.length; column += 1) {
    previous[column] = column <= limit ? column : over;
  }

  for (let row = 1; row <= a.length; row += 1) {
    const from = Math.max(1, row - limit);
    const to = Math.min(b.length, row + limit);
    const code = a.charCodeAt(row - 1);
    let rowMinimum = over;

    // Cells just outside the band are read by this row and the next one.
    current[0] = row <= limit ? row : over;
    current[from - 1] = from === 1 ? (current[0] as number) : over;
    if (to < b.length) {
      current[to + 1] = over;
    }
    if (from === 1) {
      rowMinimum = current[0] as number;
    }

    for (let column = from; column <= to; column += 1) {
      const substitution =
        (previous[column - 1] as number) + (code === b.charCodeAt(column - 1) ? 0 : 1);
      const deletion = (previous[column] as number) + 1;
      const insertion = (current[column - 1] as number) + 1;
      const value = Math.min(substitution, deletion, insertion, over);
      current[column] = value;
      if (value < rowMinimum) {
        rowMinimum = value;
      }
    }

    if (rowMinimum > limit) {
      return over;
    }

    [previous, current] = [current, previous];
  }

  return Math.min(previous[b.length] as number, over);
}
