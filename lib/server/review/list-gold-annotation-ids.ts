import "server-only";

import { getDb } from "@/lib/db/client";

// The gold set of some documents, for dataset exports asked for "gold only": live
// highlights with isGold = true whose review state is ACCEPTED or EDITED (docs/review.md).
// The caller has already checked that the person may read these documents.
export async function listGoldAnnotationIds(documentIds: readonly string[]): Promise<string[]> {
  if (documentIds.length === 0) {
    return [];
  }

  const rows = await getDb().annotation.findMany({
    where: {
      documentId: { in: [...documentIds] },
      deletedAt: null,
      isGold: true,
      reviewState: { in: ["ACCEPTED", "EDITED"] },
    },
    orderBy: [{ documentId: "asc" }, { start: "asc" }, { end: "desc" }],
    select: { id: true },
  });

  return rows.map((row) => row.id);
}
