import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

import { labelPath } from "./codebook-content";

const labelSelect = {
  id: true,
  key: true,
  name: true,
  dimension: { select: { id: true, key: true, name: true, multiple: true, scope: true } },
} as const satisfies Prisma.LabelSelect;

type LabelRow = Prisma.LabelGetPayload<{ select: typeof labelSelect }>;

export type LabelRef = { id: string; dimensionKey: string; key: string; name: string };

export type LabelMove = { from: LabelRef; to: LabelRef; annotationIds: string[] };

export type AnswerMove = { from: LabelRef; to: LabelRef; answerIds: string[] };

export type MigrationSummary = {
  annotationCount: number;
  // One entry per (old label → new label) pair that carried highlights.
  moves: LabelMove[];
  // The same for whole-document answers (DocumentAnswerLabel).
  answerCount: number;
  answerMoves: AnswerMove[];
};

type MigrateCodebookAnnotationsOptions = {
  tx: Prisma.TransactionClient;
  fromCodebookId: string;
  toCodebookId: string;
  toVersion: number;
  // Destinations other than "the label with the same keys", as labelPath()s in the new
  // version: per old label id, or per old label id and highlight (a split).
  labelMoves?: ReadonlyMap<string, string>;
  annotationMoves?: ReadonlyMap<string, ReadonlyMap<string, string>>;
};

function toRef(label: LabelRow): LabelRef {
  return { id: label.id, dimensionKey: label.dimension.key, key: label.key, name: label.name };
}

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// Moves every highlight's labels from one version of a codebook to another, in the
// caller's transaction: by default to the label with the same dimension and label key,
// otherwise where the mapping says. Refuses, before writing anything, a mapping that
// would leave a highlight's label without a place, put several labels of a one-choice
// dimension on one highlight, or move a passage's label to a whole-document dimension.
export async function migrateCodebookAnnotations({
  tx,
  fromCodebookId,
  toCodebookId,
  toVersion,
  labelMoves = new Map(),
  annotationMoves = new Map(),
}: MigrateCodebookAnnotationsOptions): Promise<MigrationSummary> {
  const fromLabels = await tx.label.findMany({
    where: { dimension: { codebookId: fromCodebookId } },
    select: labelSelect,
  });
  const toLabels = await tx.label.findMany({
    where: { dimension: { codebookId: toCodebookId } },
    select: labelSelect,
  });
  const fromById = new Map(fromLabels.map((label) => [label.id, label]));
  const toByPath = new Map(
    toLabels.map((label) => [labelPath(label.dimension.key, label.key), label]),
  );

  const rows = await tx.annotationLabel.findMany({
    where: { labelId: { in: fromLabels.map((label) => label.id) } },
    select: { annotationId: true, labelId: true },
    orderBy: [{ annotationId: "asc" }, { labelId: "asc" }],
  });

  const unplaced = new Map<string, { label: LabelRow; count: number }>();
  const toDocument = new Map<string, { label: LabelRow; count: number }>();
  const pairs: { annotationId: string; from: LabelRow; to: LabelRow }[] = [];

  for (const row of rows) {
    const from = fromById.get(row.labelId);
    if (!from) {
      continue;
    }
    const destination =
      annotationMoves.get(row.labelId)?.get(row.annotationId) ??
      labelMoves.get(row.labelId) ??
      labelPath(from.dimension.key, from.key);
    const to = toByPath.get(destination);

    if (!to) {
      const entry = unplaced.get(from.id) ?? { label: from, count: 0 };
      entry.count += 1;
      unplaced.set(from.id, entry);
      continue;
    }
    if (from.dimension.scope === "SPAN" && to.dimension.scope === "DOCUMENT") {
      const entry = toDocument.get(to.dimension.id) ?? { label: to, count: 0 };
      entry.count += 1;
      toDocument.set(to.dimension.id, entry);
    }
    pairs.push({ annotationId: row.annotationId, from, to });
  }

  if (unplaced.size > 0) {
    const entries = [...unplaced.values()];
    const fieldErrors = Object.fromEntries(
      entries.map(({ label, count }) => [
        `moves.${label.id}`,
        [`Choose where the ${plural(count, "highlight")} with “${label.name}” go.`],
      ]),
    );
    throw new AppError(
      "INVALID_INPUT",
      `Version ${toVersion} has no place for ${entries.length === 1 ? "this label, which is" : "these labels, which are"} on highlights: ${entries
        .map(
          ({ label, count }) =>
            `“${label.name}” (${label.dimension.name}, key “${label.key}”, ${plural(count, "highlight")})`,
        )
        .join(
          "; ",
        )}. Map ${entries.length === 1 ? "it" : "each"} to a label of version ${toVersion}; nothing was changed.`,
      fieldErrors,
    );
  }

  if (toDocument.size > 0) {
    const entries = [...toDocument.values()];
    throw new AppError(
      "INVALID_INPUT",
      `${entries
        .map(
          ({ label, count }) =>
            `“${label.dimension.name}” is about whole documents in version ${toVersion}, but ${plural(count, "highlighted passage")} would get its labels`,
        )
        .join("; ")}. Keep it about passages, or map those labels elsewhere; nothing was changed.`,
    );
  }

  // One-choice dimensions must stay one choice per highlight after the move.
  const perAnnotation = new Map<string, Map<string, Set<string>>>();
  for (const { annotationId, to } of pairs) {
    const byDimension = perAnnotation.get(annotationId) ?? new Map<string, Set<string>>();
    const labels = byDimension.get(to.dimension.id) ?? new Set<string>();
    labels.add(to.id);
    byDimension.set(to.dimension.id, labels);
    perAnnotation.set(annotationId, byDimension);
  }
  const crowded = new Map<string, { name: string; count: number }>();
  const toDimensions = new Map(toLabels.map((label) => [label.dimension.id, label.dimension]));
  for (const byDimension of perAnnotation.values()) {
    for (const [dimensionId, labels] of byDimension) {
      const dimension = toDimensions.get(dimensionId);
      if (dimension && !dimension.multiple && labels.size > 1) {
        const entry = crowded.get(dimensionId) ?? { name: dimension.name, count: 0 };
        entry.count += 1;
        crowded.set(dimensionId, entry);
      }
    }
  }
  if (crowded.size > 0) {
    throw new AppError(
      "INVALID_INPUT",
      `${[...crowded.values()]
        .map(
          ({ name, count }) =>
            `“${name}” takes one label per highlight in version ${toVersion}, but ${plural(count, "highlight")} would get several`,
        )
        .join(
          "; ",
        )}. Allow several labels there, or map the labels differently; nothing was changed.`,
    );
  }

  const answerPairs = await planAnswerMoves({
    tx,
    fromLabels,
    fromById,
    toByPath,
    toVersion,
    labelMoves,
    annotationMoves,
  });

  // Only the rows read above are replaced: a highlight saved meanwhile keeps its labels.
  const annotationIds = [...new Set(pairs.map((pair) => pair.annotationId))];
  await tx.annotationLabel.deleteMany({
    where: {
      labelId: { in: fromLabels.map((label) => label.id) },
      annotationId: { in: annotationIds },
    },
  });
  // Merged labels meet on one highlight: skipDuplicates keeps one row.
  await tx.annotationLabel.createMany({
    data: pairs.map(({ annotationId, to }) => ({ annotationId, labelId: to.id })),
    skipDuplicates: true,
  });

  const moves = new Map<string, LabelMove>();
  for (const { annotationId, from, to } of pairs) {
    const id = `${from.id}>${to.id}`;
    const move = moves.get(id) ?? { from: toRef(from), to: toRef(to), annotationIds: [] };
    move.annotationIds.push(annotationId);
    moves.set(id, move);
  }

  const answerIds = [...new Set(answerPairs.map((pair) => pair.answerId))];
  await tx.documentAnswerLabel.deleteMany({
    where: {
      labelId: { in: fromLabels.map((label) => label.id) },
      answerId: { in: answerIds },
    },
  });
  await tx.documentAnswerLabel.createMany({
    data: answerPairs.map(({ answerId, to }) => ({ answerId, labelId: to.id })),
    skipDuplicates: true,
  });
  const answerMoves = new Map<string, AnswerMove>();
  for (const { answerId, from, to } of answerPairs) {
    const id = `${from.id}>${to.id}`;
    const move = answerMoves.get(id) ?? { from: toRef(from), to: toRef(to), answerIds: [] };
    move.answerIds.push(answerId);
    answerMoves.set(id, move);
  }

  return {
    annotationCount: annotationIds.length,
    moves: [...moves.values()],
    answerCount: answerIds.length,
    answerMoves: [...answerMoves.values()],
  };
}

type PlanAnswerMovesOptions = {
  tx: Prisma.TransactionClient;
  fromLabels: LabelRow[];
  fromById: ReadonlyMap<string, LabelRow>;
  toByPath: ReadonlyMap<string, LabelRow>;
  toVersion: number;
  labelMoves: ReadonlyMap<string, string>;
  annotationMoves: ReadonlyMap<string, ReadonlyMap<string, string>>;
};

// Whole-document answers (DocumentAnswerLabel) reference labels like highlights do, so they
// move with the same mapping (per answer id where a split assigns them, else per label,
// else by keys) and are refused for the same reasons, before anything is written.
async function planAnswerMoves({
  tx,
  fromLabels,
  fromById,
  toByPath,
  toVersion,
  labelMoves,
  annotationMoves,
}: PlanAnswerMovesOptions) {
  const rows = await tx.documentAnswerLabel.findMany({
    where: { labelId: { in: fromLabels.map((label) => label.id) } },
    select: { answerId: true, labelId: true },
    orderBy: [{ answerId: "asc" }, { labelId: "asc" }],
  });

  const unplaced = new Map<string, { label: LabelRow; count: number }>();
  const pairs: { answerId: string; from: LabelRow; to: LabelRow }[] = [];
  for (const row of rows) {
    const from = fromById.get(row.labelId);
    if (!from) {
      continue;
    }
    const destination =
      annotationMoves.get(row.labelId)?.get(row.answerId) ??
      labelMoves.get(row.labelId) ??
      labelPath(from.dimension.key, from.key);
    const to = toByPath.get(destination);
    if (!to) {
      const entry = unplaced.get(from.id) ?? { label: from, count: 0 };
      entry.count += 1;
      unplaced.set(from.id, entry);
      continue;
    }
    if (from.dimension.scope === "DOCUMENT" && to.dimension.scope === "SPAN") {
      throw new AppError(
        "INVALID_INPUT",
        `“${to.dimension.name}” is about passages in version ${toVersion}, but ${plural(1, "whole-document answer")} with “${from.name}” would get its labels. Map that label to a whole-document dimension; nothing was changed.`,
      );
    }
    pairs.push({ answerId: row.answerId, from, to });
  }

  if (unplaced.size > 0) {
    const entries = [...unplaced.values()];
    throw new AppError(
      "INVALID_INPUT",
      `Version ${toVersion} has no place for ${entries
        .map(
          ({ label, count }) =>
            `“${label.name}” (${label.dimension.name}, key “${label.key}”, ${plural(count, "whole-document answer")})`,
        )
        .join("; ")}. Map each to a label of version ${toVersion}; nothing was changed.`,
      Object.fromEntries(
        entries.map(({ label, count }) => [
          `moves.${label.id}`,
          [`Choose where the ${plural(count, "whole-document answer")} with “${label.name}” go.`],
        ]),
      ),
    );
  }

  // One-choice dimensions stay one choice per answer after the move.
  const perAnswer = new Map<string, { to: LabelRow; labels: Set<string> }>();
  for (const { answerId, to } of pairs) {
    const key = `${answerId}:${to.dimension.id}`;
    const entry = perAnswer.get(key) ?? { to, labels: new Set<string>() };
    entry.labels.add(to.id);
    perAnswer.set(key, entry);
  }
  for (const { to, labels } of perAnswer.values()) {
    if (!to.dimension.multiple && labels.size > 1) {
      throw new AppError(
        "INVALID_INPUT",
        `“${to.dimension.name}” takes one label in version ${toVersion}, but a whole-document answer would get several. Allow several labels there, or map the labels differently; nothing was changed.`,
      );
    }
  }

  return pairs;
}

// The mapping as the audit log keeps it: label keys and counts, and which highlights
// moved wherever a label did not keep its keys.
export function describeMigration(summary: MigrationSummary): Prisma.InputJsonValue {
  return {
    annotationCount: summary.annotationCount,
    labels: summary.moves.map((move) => {
      const isSameKeys =
        move.from.dimensionKey === move.to.dimensionKey && move.from.key === move.to.key;
      return {
        from: { labelId: move.from.id, dimension: move.from.dimensionKey, key: move.from.key },
        to: { labelId: move.to.id, dimension: move.to.dimensionKey, key: move.to.key },
        count: move.annotationIds.length,
        ...(isSameKeys ? {} : { annotationIds: move.annotationIds }),
      };
    }),
    answerCount: summary.answerCount,
    answerLabels: summary.answerMoves.map((move) => {
      const isSameKeys =
        move.from.dimensionKey === move.to.dimensionKey && move.from.key === move.to.key;
      return {
        from: { labelId: move.from.id, dimension: move.from.dimensionKey, key: move.from.key },
        to: { labelId: move.to.id, dimension: move.to.dimensionKey, key: move.to.key },
        count: move.answerIds.length,
        ...(isSameKeys ? {} : { answerIds: move.answerIds }),
      };
    }),
  };
}
