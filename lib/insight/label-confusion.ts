import type { AnnotatorSpans, MultiLabelSpan } from "../agreement";

// Which labels annotators swap for one another: for every two annotators and every two
// of their highlights (one each) that overlap, labels both gave count as agreement (the
// diagonal) and each label only one gave is paired with each label only the other gave.
// A highlight that nothing of the other annotator's overlaps counts as "not marked by the
// other" for each of its labels, once per other annotator.
export type LabelConfusion = {
  labelIds: string[];
  // counts[i][j] = counts[j][i]: overlapping pairs where one said labelIds[i], the other labelIds[j].
  counts: number[][];
  notMarkedByOther: number[];
  // Off-diagonal cells with a count, most first.
  topConfusions: { first: string; second: string; count: number }[];
  overlappingPairs: number;
};

export function computeLabelConfusion(
  labelIds: readonly string[],
  annotators: readonly AnnotatorSpans<MultiLabelSpan>[],
): LabelConfusion {
  const position = new Map(labelIds.map((labelId, index) => [labelId, index]));
  const size = labelIds.length;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const notMarkedByOther = new Array<number>(size).fill(0);
  const sorted = annotators.map((annotator) =>
    [...annotator.spans]
      .filter((span) => span.labels.some((label) => position.has(label)))
      .sort((left, right) => left.start - right.start || left.end - right.end),
  );
  let overlappingPairs = 0;

  for (let first = 0; first < sorted.length; first += 1) {
    for (let second = first + 1; second < sorted.length; second += 1) {
      const left = sorted[first]!;
      const right = sorted[second]!;
      const rightMatched = new Array<boolean>(right.length).fill(false);

      for (const a of left) {
        let isMatched = false;
        for (let index = 0; index < right.length && right[index]!.start < a.end; index += 1) {
          const b = right[index]!;
          if (b.end <= a.start) {
            continue;
          }
          isMatched = true;
          rightMatched[index] = true;
          overlappingPairs += 1;
          addPair(a.labels, b.labels, position, counts);
        }
        if (!isMatched) {
          countLabels(a.labels, position, notMarkedByOther);
        }
      }
      right.forEach((b, index) => {
        if (!rightMatched[index]) {
          countLabels(b.labels, position, notMarkedByOther);
        }
      });
    }
  }

  const topConfusions: LabelConfusion["topConfusions"] = [];
  for (let row = 0; row < size; row += 1) {
    for (let column = row + 1; column < size; column += 1) {
      const count = counts[row]![column]!;
      if (count > 0) {
        topConfusions.push({ first: labelIds[row]!, second: labelIds[column]!, count });
      }
    }
  }
  topConfusions.sort((left, right) => right.count - left.count);

  return { labelIds: [...labelIds], counts, notMarkedByOther, topConfusions, overlappingPairs };
}

function addPair(
  leftLabels: readonly string[],
  rightLabels: readonly string[],
  position: ReadonlyMap<string, number>,
  counts: number[][],
): void {
  const left = new Set(leftLabels.filter((label) => position.has(label)));
  const right = new Set(rightLabels.filter((label) => position.has(label)));

  for (const label of left) {
    if (right.has(label)) {
      const index = position.get(label)!;
      counts[index]![index]! += 1;
    }
  }
  for (const label of left) {
    if (right.has(label)) {
      continue;
    }
    for (const other of right) {
      if (left.has(other)) {
        continue;
      }
      const row = position.get(label)!;
      const column = position.get(other)!;
      counts[row]![column]! += 1;
      counts[column]![row]! += 1;
    }
  }
}

function countLabels(
  labels: readonly string[],
  position: ReadonlyMap<string, number>,
  target: number[],
): void {
  for (const label of new Set(labels)) {
    const index = position.get(label);
    if (index !== undefined) {
      target[index]! += 1;
    }
  }
}
