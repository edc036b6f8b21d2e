import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { RenameCodebookLabelInput } from "@/lib/validations/codebook";

import { assertValidCodebookFile } from "./assert-valid-codebook-file";
import { labelPath, toCodebookFile } from "./codebook-content";
import { findCodebookForLabelChange } from "./find-codebook-for-label-change";
import { publishNextVersion } from "./publish-next-version";

type RenameCodebookLabelOptions = { userId: string; input: RenameCodebookLabelInput };

// A new name, a new key, or both. The label's highlights follow it to the new version
// (by the mapping old key → new key), and labels that had it as parent keep it.
export async function renameCodebookLabel({ userId, input }: RenameCodebookLabelOptions) {
  return getDb().$transaction(async (tx) => {
    const { codebook, dimension, dimensionIndex, label } = await findCodebookForLabelChange({
      tx,
      userId,
      codebookId: input.codebookId,
      expectedUpdatedAt: input.expectedUpdatedAt,
      labelId: input.labelId,
    });

    if (label.name === input.name && label.key === input.key) {
      throw new AppError(
        "INVALID_INPUT",
        `“${label.name}” already has that name and key: nothing to rename.`,
        { name: ["Type the new name or key."] },
      );
    }
    const taken = dimension.labels.find(
      (other) => other.id !== label.id && other.key === input.key,
    );
    if (taken) {
      const message = `“${dimension.name}” already has a label with the key “${input.key}” (${taken.name}). Choose another key, or merge the two labels instead.`;
      throw new AppError("INVALID_INPUT", message, { key: [message] });
    }

    const file = toCodebookFile(codebook);
    const fileDimension = file.dimensions[dimensionIndex];
    if (fileDimension) {
      fileDimension.labels = fileDimension.labels.map((entry) => {
        if (entry.key === label.key) {
          return { ...entry, key: input.key, name: input.name };
        }
        return entry.parent === label.key ? { ...entry, parent: input.key } : entry;
      });
    }

    return publishNextVersion({
      tx,
      userId,
      current: codebook,
      file: assertValidCodebookFile(file),
      labelMoves: new Map([[label.id, labelPath(dimension.key, input.key)]]),
      action: "codebook.label.rename",
      details: {
        dimension: dimension.key,
        from: { key: label.key, name: label.name },
        to: { key: input.key, name: input.name },
      },
    });
  });
}
