import "server-only";

import type { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { AdjudicationAnnotation } from "@/lib/review/adjudication";

export type AdjudicationRow = AdjudicationAnnotation & {
  comment: string;
  reviewReason: string | null;
  reviewedByName: string | null;
};

// Every live, placed highlight of a document with its review state, in the shape the
// pure adjudication model takes. Orphans have no place in the text to line up.
export async function loadAdjudicationAnnotations(
  db: Prisma.TransactionClient | ReturnType<typeof getDb>,
  documentId: string,
): Promise<AdjudicationRow[]> {
  const rows = await db.annotation.findMany({
    where: { documentId, deletedAt: null, anchorStatus: "ANCHORED" },
    orderBy: [{ start: "asc" }, { end: "desc" }, { createdAt: "asc" }],
    select: {
      id: true,
      start: true,
      end: true,
      exact: true,
      comment: true,
      revision: true,
      reviewState: true,
      isGold: true,
      reviewReason: true,
      reviewedAt: true,
      reviewedById: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
      reviewedBy: { select: { name: true } },
      labels: { select: { labelId: true } },
    },
  });

  return rows.map((row) => ({
    id: row.id,
    authorId: row.author.id,
    authorName: row.author.name,
    start: row.start,
    end: row.end,
    exact: row.exact,
    comment: row.comment,
    labelIds: row.labels.map((label) => label.labelId),
    reviewState: row.reviewState,
    isGold: row.isGold,
    // Made in adjudication: reviewed by its own author at the moment it was created.
    isAdjudication:
      row.isGold &&
      row.reviewedById === row.author.id &&
      row.reviewedAt?.getTime() === row.createdAt.getTime(),
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    reviewReason: row.reviewReason,
    reviewedByName: row.reviewedBy?.name ?? null,
  }));
}
