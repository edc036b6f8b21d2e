import "server-only";

import { canSeeAuthor, decideViewerPolicy } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";

import { loadClassContexts } from "./load-class-contexts";

type CountVisibleHighlightsOptions = {
  userId: string;
  workspaceId: string;
  documentIds: readonly string[];
};

// Live highlights per document counting only those this person may see under the class
// rules (lib/classes/visibility.ts): a student in a blind assignment counts their own, not
// the class's, so a document list cannot tell them how much classmates marked. The caller
// checks that the person may read the workspace. Documents without highlights map to 0.
export async function countVisibleHighlights({
  userId,
  workspaceId,
  documentIds,
}: CountVisibleHighlightsOptions): Promise<Map<string, number>> {
  const counts = new Map(documentIds.map((id) => [id, 0]));
  if (documentIds.length === 0) {
    return counts;
  }

  const [groups, contexts] = await Promise.all([
    getDb().annotation.groupBy({
      by: ["documentId", "authorId"],
      where: { documentId: { in: [...documentIds] }, document: { workspaceId }, deletedAt: null },
      _count: { _all: true },
    }),
    loadClassContexts({ workspaceId, documentIds }),
  ]);

  const now = new Date();
  const policies = new Map(
    [...contexts].map(([documentId, context]) => [
      documentId,
      decideViewerPolicy(context, userId, now),
    ]),
  );
  for (const group of groups) {
    const policy = policies.get(group.documentId);
    if (policy && canSeeAuthor(policy, group.authorId)) {
      counts.set(group.documentId, (counts.get(group.documentId) ?? 0) + group._count._all);
    }
  }
  return counts;
}
