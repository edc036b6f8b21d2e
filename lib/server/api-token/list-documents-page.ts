import "server-only";

import { afterCursor, toPage, type Page, type PageRequest } from "@/lib/api/pagination";
import type { DocumentItem } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";

import { countVisibleHighlights } from "../assignment/count-visible-highlights";
import { requireMembership } from "../workspace/require-membership";

type ListDocumentsPageOptions = { userId: string; workspaceId: string; page: PageRequest };

// A page of a workspace's documents, newest first, without their text (one GET per
// document gives it).
export async function listDocumentsPage({
  userId,
  workspaceId,
  page,
}: ListDocumentsPageOptions): Promise<Page<DocumentItem>> {
  await requireMembership({ userId, workspaceId, permission: "readWorkspace" });

  const rows = await getDb().document.findMany({
    where: { workspaceId, ...afterCursor(page.after) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: {
      id: true,
      title: true,
      kind: true,
      outlet: true,
      author: true,
      sourceUrl: true,
      publishedAt: true,
      version: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  // Only the highlights this person may see (blind assignments hide classmates').
  const counts = await countVisibleHighlights({ userId, documentIds: rows.map((row) => row.id) });

  return toPage(rows, page.limit, ({ publishedAt, createdAt, updatedAt, ...document }) => ({
    ...document,
    publishedAt: publishedAt?.toISOString() ?? null,
    highlightCount: counts.get(document.id) ?? 0,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  }));
}
