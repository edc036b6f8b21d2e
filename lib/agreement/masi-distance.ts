// Set distances for multi-label values (several techniques on one span or token).

export type LabelSet = readonly string[] | ReadonlySet<string>;

function toSet(labels: LabelSet): ReadonlySet<string> {
  return labels instanceof Set ? labels : new Set(labels as readonly string[]);
}

function countShared(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  let shared = 0;
  for (const label of left) {
    if (right.has(label)) {
      shared += 1;
    }
  }
  return shared;
}

// Two empty sets are equal, so their distance is 0 rather than the 0/0 of the formula.
export function jaccardDistance(left: LabelSet, right: LabelSet): number {
  const a = toSet(left);
  const b = toSet(right);
  const shared = countShared(a, b);
  const union = a.size + b.size - shared;

  return union === 0 ? 0 : 1 - shared / union;
}

// Passonneau (2006): 1 − J·M. M uses NLTK's rounded weights 0.67 and 0.33, not 2/3
// and 1/3, because the published vectors (NLTK metrics.doctest: 0.868) are built on them.
export function masiDistance(left: LabelSet, right: LabelSet): number {
  const a = toSet(left);
  const b = toSet(right);
  const shared = countShared(a, b);
  const union = a.size + b.size - shared;

  if (union === 0) {
    return 0;
  }

  let monotonicity = 0;
  if (shared === a.size && shared === b.size) {
    monotonicity = 1;
  } else if (shared === a.size || shared === b.size) {
    monotonicity = 0.67;
  } else if (shared > 0) {
    monotonicity = 0.33;
  }

  return 1 - (shared / union) * monotonicity;
}

// Order-free key, so ["a","b"] and ["b","a"] count as the same value in α.
export function getLabelSetKey(labels: LabelSet): string {
  return [...toSet(labels)].sort().join("\u001f");
}
