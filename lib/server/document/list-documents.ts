import "server-only";

import { getDb } from "@/lib/db/client";

import { countVisibleHighlights } from "../assignment/count-visible-highlights";

type ListDocumentsOptions = { userId: string; workspaceId: string };

// The workspace's documents for its list page. The caller checks membership; highlight
// counts are what this person may see (a blind student counts only their own).
export async function listDocuments({ userId, workspaceId }: ListDocumentsOptions) {
  const documents = await getDb().document.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, outlet: true, kind: true, createdAt: true },
  });
  const counts = await countVisibleHighlights({
    userId,
    workspaceId,
    documentIds: documents.map((document) => document.id),
  });
  return documents.map((document) => ({
    ...document,
    highlightCount: counts.get(document.id) ?? 0,
  }));
}
