// A student's highlights against an answer key, for one document. Pure TypeScript.
// Offsets are Unicode code points, end exclusive, as everywhere in Framewise.
//
// Matching is one to one: a key highlight can credit at most one student highlight.
// 1. Exact pairs first: same start and same end (label sets do not matter for the pair).
// 2. Then overlap pairs among what is left: a student highlight and a key highlight that
//    share at least one character. Among those, the pairing with the most pairs is taken
//    (maximum bipartite matching, augmenting paths); candidates are tried in order of
//    overlap (intersection over union, highest first), then by position, so the result is
//    deterministic.
// Matched key highlights are "matched", the rest of the key is "missed", and student
// highlights with no partner are "extra".
//
// Scores (docs/classes.md has worked examples):
// - exact:    TP = exact pairs.             precision = TP / student highlights, recall = TP / key.
// - overlap:  TP = all pairs (exact + overlap), same denominators.
// - labelled: TP = pairs whose label sets are identical, same denominators.
// F1 = 2PR / (P + R), 0 when both are 0. Precision is null when the student made no
// highlight, recall null when the key is empty; F1 is null when both are empty.
// Label agreement, over matched pairs: the share with identical label sets, and the mean
// Jaccard index of the label sets (|A ∩ B| / |A ∪ B|; two empty sets count as 1).

export type ScoredSpan = { id: string; start: number; end: number; labelIds: readonly string[] };

export type MatchKind = "exact" | "overlap";

export type MatchedPair = {
  studentId: string;
  keyId: string;
  kind: MatchKind;
  // Jaccard index of the two spans' characters.
  spanOverlap: number;
  labelJaccard: number;
  labelsEqual: boolean;
};

export type PrecisionRecall = {
  truePositives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
};

export type KeyComparison = {
  pairs: MatchedPair[];
  missedKeyIds: string[];
  extraStudentIds: string[];
  studentCount: number;
  keyCount: number;
  exact: PrecisionRecall;
  overlap: PrecisionRecall;
  labelled: PrecisionRecall;
  labelAgreement: { pairs: number; identical: number; meanJaccard: number | null };
};

function spanJaccard(a: ScoredSpan, b: ScoredSpan): number {
  const intersection = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (intersection <= 0) {
    return 0;
  }
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return intersection / union;
}

export function labelJaccard(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  if (left.size === 0 && right.size === 0) {
    return 1;
  }
  let shared = 0;
  for (const label of left) {
    if (right.has(label)) {
      shared += 1;
    }
  }
  return shared / (left.size + right.size - shared);
}

function byPosition(a: ScoredSpan, b: ScoredSpan): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function scorePrecisionRecall(
  truePositives: number,
  studentCount: number,
  keyCount: number,
): PrecisionRecall {
  const precision = studentCount > 0 ? truePositives / studentCount : null;
  const recall = keyCount > 0 ? truePositives / keyCount : null;

  if (precision === null && recall === null) {
    return { truePositives, precision, recall, f1: null };
  }

  const p = precision ?? 0;
  const r = recall ?? 0;
  return { truePositives, precision, recall, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

function pairOf(student: ScoredSpan, key: ScoredSpan, kind: MatchKind): MatchedPair {
  const jaccard = labelJaccard(student.labelIds, key.labelIds);
  return {
    studentId: student.id,
    keyId: key.id,
    kind,
    spanOverlap: spanJaccard(student, key),
    labelJaccard: jaccard,
    labelsEqual: jaccard === 1,
  };
}

// Exact pairs: identical offsets, one to one; among several candidates the one with the
// most similar labels first.
function matchExact(students: ScoredSpan[], keys: ScoredSpan[]) {
  const pairs: MatchedPair[] = [];
  const usedKeys = new Set<string>();
  const usedStudents = new Set<string>();

  for (const student of students) {
    const candidates = keys
      .filter(
        (key) => !usedKeys.has(key.id) && key.start === student.start && key.end === student.end,
      )
      .sort(
        (a, b) =>
          labelJaccard(student.labelIds, b.labelIds) - labelJaccard(student.labelIds, a.labelIds),
      );
    const key = candidates[0];
    if (key) {
      usedKeys.add(key.id);
      usedStudents.add(student.id);
      pairs.push(pairOf(student, key, "exact"));
    }
  }

  return { pairs, usedKeys, usedStudents };
}

// Maximum bipartite matching (Kuhn's augmenting paths) between overlapping spans.
function matchOverlapping(students: ScoredSpan[], keys: ScoredSpan[]): MatchedPair[] {
  const candidates = students.map((student) =>
    keys
      .map((key, index) => ({ index, overlap: spanJaccard(student, key) }))
      .filter((candidate) => candidate.overlap > 0)
      .sort((a, b) => b.overlap - a.overlap || a.index - b.index)
      .map((candidate) => candidate.index),
  );
  const keyPartner = new Array<number>(keys.length).fill(-1);

  function augment(studentIndex: number, visited: boolean[]): boolean {
    for (const keyIndex of candidates[studentIndex] ?? []) {
      if (visited[keyIndex]) {
        continue;
      }
      visited[keyIndex] = true;
      const partner = keyPartner[keyIndex] ?? -1;
      if (partner < 0 || augment(partner, visited)) {
        keyPartner[keyIndex] = studentIndex;
        return true;
      }
    }
    return false;
  }

  for (let studentIndex = 0; studentIndex < students.length; studentIndex += 1) {
    augment(studentIndex, new Array<boolean>(keys.length).fill(false));
  }

  const pairs: MatchedPair[] = [];
  keyPartner.forEach((studentIndex, keyIndex) => {
    const student = students[studentIndex];
    const key = keys[keyIndex];
    if (student && key) {
      pairs.push(pairOf(student, key, "overlap"));
    }
  });
  return pairs;
}

export function compareWithKey(
  studentSpans: readonly ScoredSpan[],
  keySpans: readonly ScoredSpan[],
): KeyComparison {
  const students = [...studentSpans].sort(byPosition);
  const keys = [...keySpans].sort(byPosition);

  const exact = matchExact(students, keys);
  const overlapPairs = matchOverlapping(
    students.filter((student) => !exact.usedStudents.has(student.id)),
    keys.filter((key) => !exact.usedKeys.has(key.id)),
  );
  const pairs = [...exact.pairs, ...overlapPairs];
  const position = new Map(keys.map((key, index) => [key.id, index]));
  pairs.sort((a, b) => (position.get(a.keyId) ?? 0) - (position.get(b.keyId) ?? 0));

  const matchedKeys = new Set(pairs.map((pair) => pair.keyId));
  const matchedStudents = new Set(pairs.map((pair) => pair.studentId));
  const identical = pairs.filter((pair) => pair.labelsEqual).length;

  return {
    pairs,
    missedKeyIds: keys.filter((key) => !matchedKeys.has(key.id)).map((key) => key.id),
    extraStudentIds: students
      .filter((student) => !matchedStudents.has(student.id))
      .map((student) => student.id),
    studentCount: students.length,
    keyCount: keys.length,
    exact: scorePrecisionRecall(exact.pairs.length, students.length, keys.length),
    overlap: scorePrecisionRecall(pairs.length, students.length, keys.length),
    labelled: scorePrecisionRecall(identical, students.length, keys.length),
    labelAgreement: {
      pairs: pairs.length,
      identical,
      meanJaccard:
        pairs.length > 0
          ? pairs.reduce((sum, pair) => sum + pair.labelJaccard, 0) / pairs.length
          : null,
    },
  };
}

export type ComparisonTotals = {
  studentCount: number;
  keyCount: number;
  exact: PrecisionRecall;
  overlap: PrecisionRecall;
  labelled: PrecisionRecall;
  labelAgreement: { pairs: number; identical: number };
};

// Micro-average over documents: true positives and counts are summed, then scored.
export function sumComparisons(comparisons: readonly KeyComparison[]): ComparisonTotals {
  let studentCount = 0;
  let keyCount = 0;
  let exact = 0;
  let overlap = 0;
  let identical = 0;

  for (const comparison of comparisons) {
    studentCount += comparison.studentCount;
    keyCount += comparison.keyCount;
    exact += comparison.exact.truePositives;
    overlap += comparison.overlap.truePositives;
    identical += comparison.labelAgreement.identical;
  }

  return {
    studentCount,
    keyCount,
    exact: scorePrecisionRecall(exact, studentCount, keyCount),
    overlap: scorePrecisionRecall(overlap, studentCount, keyCount),
    labelled: scorePrecisionRecall(identical, studentCount, keyCount),
    labelAgreement: { pairs: overlap, identical },
  };
}
