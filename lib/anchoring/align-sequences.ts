// Longest common subsequence of two integer sequences by Myers' O((N+M)·D) diff
// ("An O(ND) Difference Algorithm and Its Variations", 1986), after trimming the
// common head and tail. Used to carry offsets from one version of a text to the next.

export type Alignment = {
  // Matched index pairs in ascending order: a[aIndices[i]] === b[bIndices[i]].
  aIndices: number[];
  bIndices: number[];
};

// Returns null when more than maxEdits insertions and deletions would be needed: the
// trace kept for backtracking grows with the square of the edit count, and past a few
// thousand edits the texts are rewrites rather than edits.
export function alignSequences(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  maxEdits = 2000,
): Alignment | null {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) {
    head += 1;
  }

  let tailA = a.length;
  let tailB = b.length;
  while (tailA > head && tailB > head && a[tailA - 1] === b[tailB - 1]) {
    tailA -= 1;
    tailB -= 1;
  }

  const middle = alignMiddle(a, b, head, tailA - head, tailB - head, maxEdits);
  if (!middle) {
    return null;
  }

  const aIndices: number[] = [];
  const bIndices: number[] = [];

  for (let index = 0; index < head; index += 1) {
    aIndices.push(index);
    bIndices.push(index);
  }
  for (let pair = middle.length - 2; pair >= 0; pair -= 2) {
    aIndices.push(head + (middle[pair] as number));
    bIndices.push(head + (middle[pair + 1] as number));
  }
  for (let offset = 0; tailA + offset < a.length; offset += 1) {
    aIndices.push(tailA + offset);
    bIndices.push(tailB + offset);
  }

  return { aIndices, bIndices };
}

// Myers on a[from, from+n) against b[from, from+m). Returns the matched pairs as a flat
// [x, y, x, y, ...] list relative to `from`, last pair first.
function alignMiddle(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  from: number,
  n: number,
  m: number,
  maxEdits: number,
): number[] | null {
  if (n === 0 || m === 0) {
    return [];
  }

  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  const frontier = new Int32Array(2 * limit + 3);
  // trace[d] holds the frontier before round d, for diagonals -d-1 .. d+1.
  const trace: Int32Array[] = [];
  let rounds = -1;

  search: for (let d = 0; d <= limit; d += 1) {
    trace.push(frontier.slice(offset - d - 1, offset + d + 2));

    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!);
      let x = down ? frontier[offset + k + 1]! : frontier[offset + k - 1]! + 1;
      let y = x - k;

      while (x < n && y < m && a[from + x] === b[from + y]) {
        x += 1;
        y += 1;
      }

      frontier[offset + k] = x;
      if (x >= n && y >= m) {
        rounds = d;
        break search;
      }
    }
  }

  if (rounds < 0) {
    return null;
  }

  const pairs: number[] = [];
  let x = n;
  let y = m;

  for (let d = rounds; d >= 0; d -= 1) {
    const saved = trace[d]!;
    const base = d + 1;
    const k = x - y;
    const down = k === -d || (k !== d && saved[base + k - 1]! < saved[base + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : saved[base + previousK]!;
    const previousY = d === 0 ? 0 : previousX - previousK;

    while (x > previousX && y > previousY) {
      x -= 1;
      y -= 1;
      pairs.push(x, y);
    }

    x = previousX;
    y = previousY;
  }

  return pairs;
}
