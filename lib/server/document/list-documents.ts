import "server-only";

import { getDb } from "@/lib/db/client";

import { countVisibleHighlights } from "../assignment/count-visible-highlights";

type ListDocumentsOptions = { userId: string; workspaceId: string };

// The caller has checked membership. Highlight counts are what this person may see
// (a blind assignment's classmates do not show through them).
export async function listDocuments({ userId, workspaceId }: ListDocumentsOptions) {
  const rows = await getDb().document.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, outlet: true, kind: true, createdAt: true },
  });
  const counts = await countVisibleHighlights({ userId, documentIds: rows.map((row) => row.id) });
  return rows.map((row) => ({ ...row, highlightCount: counts.get(row.id) ?? 0 }));
}
