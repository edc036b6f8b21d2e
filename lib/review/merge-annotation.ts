// Three-way merge of two edits of one highlight, field by field: the highlight as the
// person opened it (base), their edit (mine) and what was saved meanwhile (theirs). A
// field only one side changed takes that change; where both changed it differently,
// labels combine (one per single-choice dimension: mine), comments are joined, and
// confidence and placement keep mine. The conflict view shows the result before saving.

export type MergeableAnnotation = {
  labelIds: readonly string[];
  comment: string;
  confidence: number | null;
  start: number;
  end: number;
  exact: string;
};

export type MergedAnnotation = {
  labelIds: string[];
  comment: string;
  confidence: number | null;
  start: number;
  end: number;
  exact: string;
};

export type MergeField = "labels" | "comment" | "confidence" | "span";

type LabelDimensions = ReadonlyMap<string, { dimensionId: string; multiple: boolean }>;

export function mergeAnnotation({
  base,
  mine,
  theirs,
  dimensions,
}: {
  base: MergeableAnnotation;
  mine: MergeableAnnotation;
  theirs: MergeableAnnotation;
  dimensions: LabelDimensions;
}): { merged: MergedAnnotation; conflicts: MergeField[] } {
  const conflicts: MergeField[] = [];

  const pick = <T>(
    field: MergeField,
    get: (value: MergeableAnnotation) => T,
    same: (a: T, b: T) => boolean,
  ) => {
    const [b, m, t] = [get(base), get(mine), get(theirs)];
    if (same(m, b)) {
      return t;
    }
    if (!same(t, b) && !same(m, t)) {
      conflicts.push(field);
    }
    return m;
  };

  const span = pick(
    "span",
    (value) => ({ start: value.start, end: value.end, exact: value.exact }),
    (a, b) => a.start === b.start && a.end === b.end,
  );
  const confidence = pick(
    "confidence",
    (value) => value.confidence,
    (a, b) => a === b,
  );

  const baseComment = base.comment.trim();
  const mineComment = mine.comment.trim();
  const theirComment = theirs.comment.trim();
  let comment = mineComment;
  if (mineComment === baseComment) {
    comment = theirComment;
  } else if (theirComment !== baseComment && theirComment !== mineComment) {
    conflicts.push("comment");
    comment = `${mineComment}\n\n${theirComment}`;
  }

  return {
    merged: {
      ...span,
      confidence,
      comment,
      labelIds: mergeLabels(base, mine, theirs, dimensions, conflicts),
    },
    conflicts,
  };
}

function mergeLabels(
  base: MergeableAnnotation,
  mine: MergeableAnnotation,
  theirs: MergeableAnnotation,
  dimensions: LabelDimensions,
  conflicts: MergeField[],
): string[] {
  const inBase = new Set(base.labelIds);
  const inMine = new Set(mine.labelIds);
  const inTheirs = new Set(theirs.labelIds);
  const removed = new Set([...inBase].filter((id) => !inMine.has(id) || !inTheirs.has(id)));
  const candidates = [...new Set([...mine.labelIds, ...theirs.labelIds, ...base.labelIds])].filter(
    (id) => !removed.has(id),
  );

  const sameSets = (a: Set<string>, b: Set<string>) =>
    a.size === b.size && [...a].every((id) => b.has(id));
  const isBothChanged =
    !sameSets(inMine, inBase) && !sameSets(inTheirs, inBase) && !sameSets(inMine, inTheirs);

  // A single-choice dimension keeps one label: mine when both sides chose one.
  const chosen = new Map<string, string>();
  const merged: string[] = [];
  let clashed = false;
  const ordered = [...candidates].sort((a, b) => Number(inMine.has(b)) - Number(inMine.has(a)));
  for (const id of ordered) {
    const dimension = dimensions.get(id);
    if (dimension && !dimension.multiple) {
      if (chosen.has(dimension.dimensionId)) {
        clashed = true;
        continue;
      }
      chosen.set(dimension.dimensionId, id);
    }
    merged.push(id);
  }

  if (isBothChanged || clashed) {
    conflicts.push("labels");
  }
  return candidates.filter((id) => merged.includes(id));
}
