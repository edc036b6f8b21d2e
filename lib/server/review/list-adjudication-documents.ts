import "server-only";

import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

type ListAdjudicationDocumentsOptions = { userId: string; workspaceId: string };

// Documents of the workspace that two or more people annotated: what a lead adjudicates.
// With how many proposals still wait for a decision and how big the gold set is.
export async function listAdjudicationDocuments({
  userId,
  workspaceId,
}: ListAdjudicationDocumentsOptions) {
  await requireMembership({ userId, workspaceId, permission: "manageReview" });
  const db = getDb();

  const perAuthor = await db.annotation.groupBy({
    by: ["documentId", "authorId"],
    where: { deletedAt: null, document: { workspaceId } },
    _count: { _all: true },
  });
  const annotators = new Map<string, number>();
  for (const row of perAuthor) {
    annotators.set(row.documentId, (annotators.get(row.documentId) ?? 0) + 1);
  }
  const ids = [...annotators.entries()].filter(([, count]) => count >= 2).map(([id]) => id);
  if (ids.length === 0) {
    return [];
  }

  const [documents, pending, gold] = await Promise.all([
    db.document.findMany({
      where: { id: { in: ids } },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true },
    }),
    db.annotation.groupBy({
      by: ["documentId"],
      where: { documentId: { in: ids }, deletedAt: null, reviewState: "PENDING" },
      _count: { _all: true },
    }),
    db.annotation.groupBy({
      by: ["documentId"],
      where: {
        documentId: { in: ids },
        deletedAt: null,
        isGold: true,
        reviewState: { in: ["ACCEPTED", "EDITED"] },
      },
      _count: { _all: true },
    }),
  ]);
  const pendingBy = new Map(pending.map((row) => [row.documentId, row._count._all]));
  const goldBy = new Map(gold.map((row) => [row.documentId, row._count._all]));

  return documents.map((document) => ({
    ...document,
    annotators: annotators.get(document.id) ?? 0,
    pending: pendingBy.get(document.id) ?? 0,
    gold: goldBy.get(document.id) ?? 0,
  }));
}
