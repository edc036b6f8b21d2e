import type { Interval } from "./spans";
import type { Token } from "./tokenize";

// A token belongs to a span when they share at least one character: highlights rarely
// stop exactly on token boundaries, and a half-selected word was still selected.
// Returns the token index range [first, last) for a span; tokens must be sorted and
// disjoint.
export function findTokenRange(
  tokenEnds: Int32Array | readonly number[],
  tokenStarts: Int32Array | readonly number[],
  span: Interval,
): [number, number] {
  let low = 0;
  let high = tokenEnds.length;

  while (low < high) {
    const middle = (low + high) >>> 1;
    if (tokenEnds[middle]! <= span.start) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }

  let last = low;
  while (last < tokenStarts.length && tokenStarts[last]! < span.end) {
    last += 1;
  }

  return [low, last];
}

// The labels each token carries for one annotator, sorted; [] is "outside" (BIO's O).
export function labelTokens(
  tokens: readonly Token[],
  spans: readonly { start: number; end: number; labels: readonly string[] }[],
): string[][] {
  const starts = tokens.map((token) => token.start);
  const ends = tokens.map((token) => token.end);
  const labels = tokens.map(() => new Set<string>());

  for (const span of spans) {
    const [first, last] = findTokenRange(ends, starts, span);
    for (let token = first; token < last; token += 1) {
      for (const label of span.labels) {
        labels[token]!.add(label);
      }
    }
  }

  return labels.map((set) => [...set].sort());
}
