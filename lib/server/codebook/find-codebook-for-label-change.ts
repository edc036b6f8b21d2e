import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError, notFound } from "@/lib/errors/app-error";

import { findCodebookForChange, type CodebookForChange } from "./find-codebook-for-change";

type FindCodebookForLabelChangeOptions = {
  tx: Prisma.TransactionClient;
  userId: string;
  codebookId: string;
  expectedUpdatedAt: string;
  labelId: string;
};

export function findLabelIn(codebook: CodebookForChange, labelId: string) {
  for (const [dimensionIndex, dimension] of codebook.dimensions.entries()) {
    const label = dimension.labels.find((candidate) => candidate.id === labelId);
    if (label) {
      return { dimension, dimensionIndex, label };
    }
  }
  throw notFound(`This label (in version ${codebook.version} of “${codebook.name}”)`);
}

// Renaming, merging, splitting and deleting labels rewrite highlights, which only ever
// carry labels of a published version; so they apply to the published version, and a
// pending draft has to be published or discarded first (its edits would otherwise be
// silently based on the old labels).
export async function findCodebookForLabelChange({
  tx,
  userId,
  codebookId,
  expectedUpdatedAt,
  labelId,
}: FindCodebookForLabelChangeOptions) {
  const { latest, codebook: current } = await findCodebookForChange({ tx, userId, codebookId });

  if (latest.status === "DRAFT") {
    throw new AppError(
      "CONFLICT",
      `Version ${latest.version} of “${current.name}” is a draft with unpublished edits. Publish or discard it first: renaming, merging, splitting and deleting labels change the published version and its highlights. Nothing was changed.`,
    );
  }

  const { codebook } = await findCodebookForChange({ tx, userId, codebookId, expectedUpdatedAt });
  return { codebook, ...findLabelIn(codebook, labelId) };
}
