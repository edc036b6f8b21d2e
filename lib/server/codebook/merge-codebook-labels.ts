import "server-only";

import type { PresetLabel } from "@/lib/codebooks/preset-types";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { MergeCodebookLabelsInput } from "@/lib/validations/codebook";

import { assertValidCodebookFile } from "./assert-valid-codebook-file";
import { labelPath, toCodebookFile } from "./codebook-content";
import { findCodebookForLabelChange, findLabelIn } from "./find-codebook-for-label-change";
import { publishNextVersion } from "./publish-next-version";

type MergeCodebookLabelsOptions = { userId: string; input: MergeCodebookLabelsInput };

// Labels A, B… → C: C is another label of the same dimension, or a new one that takes the
// place (colour, shortcut, parent) of the first label merged. Highlights that carried
// several of them end up with C once.
export async function mergeCodebookLabels({ userId, input }: MergeCodebookLabelsOptions) {
  const sourceIds = [...new Set(input.sourceLabelIds)];
  const [firstId] = sourceIds;
  if (firstId === undefined) {
    throw new AppError("INVALID_INPUT", "Choose the labels to merge.");
  }

  return getDb().$transaction(async (tx) => {
    const { codebook, dimension, dimensionIndex } = await findCodebookForLabelChange({
      tx,
      userId,
      codebookId: input.codebookId,
      expectedUpdatedAt: input.expectedUpdatedAt,
      labelId: firstId,
    });

    const sources = sourceIds.map((id) => findLabelIn(codebook, id));
    const elsewhere = sources.find((source) => source.dimension.id !== dimension.id);
    if (elsewhere) {
      throw new AppError(
        "INVALID_INPUT",
        `Merge labels of one dimension: “${sources[0]?.label.name}” is in “${dimension.name}”, “${elsewhere.label.name}” in “${elsewhere.dimension.name}”.`,
      );
    }
    const sourceKeys = new Set(sources.map((source) => source.label.key));

    let targetKey: string;
    let targetName: string;
    let isNewTarget = false;
    const target = input.target;
    if ("labelId" in target) {
      const existing = findLabelIn(codebook, target.labelId);
      if (existing.dimension.id !== dimension.id) {
        throw new AppError(
          "INVALID_INPUT",
          `Merge into a label of the same dimension: “${existing.label.name}” is in “${existing.dimension.name}”, not “${dimension.name}”.`,
        );
      }
      if (sourceKeys.has(existing.label.key)) {
        throw new AppError(
          "INVALID_INPUT",
          `“${existing.label.name}” is both merged and the label to merge into: leave it out of the labels to merge.`,
        );
      }
      targetKey = existing.label.key;
      targetName = existing.label.name;
    } else {
      const taken = dimension.labels.find((label) => label.key === target.key);
      if (taken) {
        const message = `“${dimension.name}” already has a label with the key “${taken.key}” (${taken.name}): choose it as the label to merge into, or give the new label another key.`;
        throw new AppError("INVALID_INPUT", message, { key: [message] });
      }
      targetKey = target.key;
      targetName = target.name;
      isNewTarget = true;
    }

    const file = toCodebookFile(codebook);
    const fileDimension = file.dimensions[dimensionIndex];
    if (fileDimension) {
      const first = fileDimension.labels.find((label) => sourceKeys.has(label.key));
      const labels: PresetLabel[] = [];
      for (const label of fileDimension.labels) {
        if (sourceKeys.has(label.key)) {
          if (isNewTarget && label === first) {
            labels.push({
              key: targetKey,
              name: targetName,
              description: "",
              color: label.color,
              ...(label.shortcut ? { shortcut: label.shortcut } : {}),
              ...(label.parent && !sourceKeys.has(label.parent) ? { parent: label.parent } : {}),
            });
          }
          continue;
        }
        labels.push(label);
      }
      // Children of a merged label now hang under the target (never under themselves).
      fileDimension.labels = labels.map((label) => {
        if (label.parent === undefined || !sourceKeys.has(label.parent)) {
          return label;
        }
        const { parent: _parent, ...rest } = label;
        return label.key === targetKey ? rest : { ...rest, parent: targetKey };
      });
    }

    const destination = labelPath(dimension.key, targetKey);
    return publishNextVersion({
      tx,
      userId,
      current: codebook,
      file: assertValidCodebookFile(file),
      labelMoves: new Map(sources.map((source) => [source.label.id, destination])),
      action: "codebook.label.merge",
      details: {
        dimension: dimension.key,
        sources: sources.map((source) => ({ key: source.label.key, name: source.label.name })),
        target: { key: targetKey, name: targetName, isNew: isNewTarget },
      },
    });
  });
}
