import "server-only";

import type { PresetLabel } from "@/lib/codebooks/preset-types";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { SplitCodebookLabelInput } from "@/lib/validations/codebook";

import { assertValidCodebookFile } from "./assert-valid-codebook-file";
import { labelPath, toCodebookFile } from "./codebook-content";
import { findCodebookForLabelChange } from "./find-codebook-for-label-change";
import { publishNextVersion } from "./publish-next-version";

type SplitCodebookLabelOptions = { userId: string; input: SplitCodebookLabelInput };

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// A → B, C…: the new labels take A's place (the first keeps its shortcut), and every
// highlight of A, deleted ones included (they can be restored), must be assigned to one
// of them. A mapping that leaves any highlight unassigned is refused before anything is
// written.
export async function splitCodebookLabel({ userId, input }: SplitCodebookLabelOptions) {
  return getDb().$transaction(async (tx) => {
    const { codebook, dimension, dimensionIndex, label } = await findCodebookForLabelChange({
      tx,
      userId,
      codebookId: input.codebookId,
      expectedUpdatedAt: input.expectedUpdatedAt,
      labelId: input.labelId,
    });

    const newKeys = new Set<string>();
    for (const entry of input.into) {
      if (newKeys.has(entry.key)) {
        throw new AppError(
          "INVALID_INPUT",
          `Each new label needs its own key: “${entry.key}” is given twice.`,
          { into: [`“${entry.key}” is given twice.`] },
        );
      }
      newKeys.add(entry.key);
      const taken = dimension.labels.find(
        (other) => other.id !== label.id && other.key === entry.key,
      );
      if (taken) {
        throw new AppError(
          "INVALID_INPUT",
          `“${dimension.name}” already has a label with the key “${entry.key}” (${taken.name}): give the new label another key.`,
          { into: [`“${entry.key}” is taken by ${taken.name}.`] },
        );
      }
    }

    const rows = await tx.annotationLabel.findMany({
      where: { labelId: label.id },
      select: { annotationId: true },
    });
    const carried = new Set(rows.map((row) => row.annotationId));
    const assignments = new Map<string, string>();
    const unassigned: string[] = [];
    for (const annotationId of carried) {
      const key = input.assignments[annotationId];
      if (key === undefined) {
        unassigned.push(annotationId);
        continue;
      }
      if (!newKeys.has(key)) {
        throw new AppError(
          "INVALID_INPUT",
          `A highlight is assigned to “${key}”, which is not one of the new labels (${[...newKeys].map((k) => `“${k}”`).join(", ")}). Nothing was changed.`,
        );
      }
      assignments.set(annotationId, labelPath(dimension.key, key));
    }

    if (unassigned.length > 0) {
      throw new AppError(
        "INVALID_INPUT",
        `The mapping leaves ${unassigned.length} of ${plural(carried.size, "highlight")} with “${label.name}” unassigned: give each of them one of ${input.into.map((entry) => `“${entry.name}”`).join(", ")}. Nothing was changed.`,
        { assignments: unassigned.map((id) => `Not assigned: ${id}`) },
      );
    }
    const strays = Object.keys(input.assignments).filter((id) => !carried.has(id));
    if (strays.length > 0) {
      throw new AppError(
        "INVALID_INPUT",
        `${plural(strays.length, "assigned highlight")} ${strays.length === 1 ? "does" : "do"} not carry “${label.name}” (any more?): reload and assign again. Nothing was changed.`,
      );
    }

    const file = toCodebookFile(codebook);
    const fileDimension = file.dimensions[dimensionIndex];
    if (fileDimension) {
      const labels: PresetLabel[] = [];
      for (const entry of fileDimension.labels) {
        if (entry.key !== label.key) {
          labels.push(entry);
          continue;
        }
        input.into.forEach((part, index) => {
          labels.push({
            key: part.key,
            name: part.name,
            description: "",
            color: entry.color,
            ...(index === 0 && entry.shortcut ? { shortcut: entry.shortcut } : {}),
            ...(entry.parent ? { parent: entry.parent } : {}),
          });
        });
      }
      // Children of the split label lose it as parent unless a new label keeps its key.
      fileDimension.labels = labels.map((entry) => {
        if (entry.parent !== label.key || newKeys.has(label.key)) {
          return entry;
        }
        const { parent: _parent, ...rest } = entry;
        return rest;
      });
    }

    return publishNextVersion({
      tx,
      userId,
      current: codebook,
      file: assertValidCodebookFile(file),
      annotationMoves: new Map([[label.id, assignments]]),
      // Whole-document answers with the label (assigned per highlight only) go to the
      // first new label, which also keeps its place and shortcut.
      labelMoves: new Map([[label.id, labelPath(dimension.key, input.into[0]?.key ?? label.key)]]),
      action: "codebook.label.split",
      details: {
        dimension: dimension.key,
        from: { key: label.key, name: label.name },
        into: input.into.map((entry) => ({ key: entry.key, name: entry.name })),
      },
    });
  });
}
