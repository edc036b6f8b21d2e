import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { DeleteCodebookLabelInput } from "@/lib/validations/codebook";

import { assertValidCodebookFile } from "./assert-valid-codebook-file";
import { labelPath, toCodebookFile } from "./codebook-content";
import { findCodebookForLabelChange, findLabelIn } from "./find-codebook-for-label-change";
import { publishNextVersion } from "./publish-next-version";

type DeleteCodebookLabelOptions = { userId: string; input: DeleteCodebookLabelInput };

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// A label in use is only deleted together with a mapping that moves its highlights
// (deleted ones included) to another label of the same dimension.
export async function deleteCodebookLabel({ userId, input }: DeleteCodebookLabelOptions) {
  return getDb().$transaction(async (tx) => {
    const { codebook, dimension, dimensionIndex, label } = await findCodebookForLabelChange({
      tx,
      userId,
      codebookId: input.codebookId,
      expectedUpdatedAt: input.expectedUpdatedAt,
      labelId: input.labelId,
    });

    const count = await tx.annotationLabel.count({ where: { labelId: label.id } });
    // Whole-document answers reference labels too (ON DELETE RESTRICT): they move with it.
    const answerCount = await tx.documentAnswerLabel.count({ where: { labelId: label.id } });
    let moveTo: { key: string; name: string } | null = null;

    if (input.moveToLabelId !== undefined) {
      const target = findLabelIn(codebook, input.moveToLabelId);
      if (target.label.id === label.id || target.dimension.id !== dimension.id) {
        const message = `Move the highlights to another label of “${dimension.name}”.`;
        throw new AppError("INVALID_INPUT", message, { moveToLabelId: [message] });
      }
      moveTo = { key: target.label.key, name: target.label.name };
    }

    if (count + answerCount > 0 && moveTo === null) {
      const uses = [
        ...(count > 0 ? [plural(count, "highlight")] : []),
        ...(answerCount > 0 ? [plural(answerCount, "whole-document answer")] : []),
      ].join(" and ");
      const message = `“${label.name}” is on ${uses}: choose a label to move them to before deleting it. Nothing was changed.`;
      throw new AppError("INVALID_INPUT", message, { moveToLabelId: [message] });
    }
    if (dimension.labels.length === 1 && dimension.fieldType !== "TEXT") {
      throw new AppError(
        "INVALID_INPUT",
        `“${label.name}” is the only label of “${dimension.name}”: add another label before deleting it.`,
      );
    }

    const file = toCodebookFile(codebook);
    const fileDimension = file.dimensions[dimensionIndex];
    if (fileDimension) {
      const removed = fileDimension.labels.find((entry) => entry.key === label.key);
      // Its children move up to its own parent.
      fileDimension.labels = fileDimension.labels
        .filter((entry) => entry.key !== label.key)
        .map((entry) => {
          if (entry.parent !== label.key) {
            return entry;
          }
          const { parent: _parent, ...rest } = entry;
          return removed?.parent ? { ...rest, parent: removed.parent } : rest;
        });
    }

    return publishNextVersion({
      tx,
      userId,
      current: codebook,
      file: assertValidCodebookFile(file),
      labelMoves: moveTo
        ? new Map([[label.id, labelPath(dimension.key, moveTo.key)]])
        : new Map<string, string>(),
      action: "codebook.label.delete",
      details: {
        dimension: dimension.key,
        label: { key: label.key, name: label.name },
        movedTo: moveTo,
        annotationCount: count,
        answerCount,
      },
    });
  });
}
