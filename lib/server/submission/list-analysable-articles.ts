import "server-only";

import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

type ListAnalysableArticlesOptions = { userId: string; workspaceId: string };

// The workspace's articles an AI-generated analysis can be linked to.
export async function listAnalysableArticles({
  userId,
  workspaceId,
}: ListAnalysableArticlesOptions) {
  await requireMembership({ userId, workspaceId, permission: "annotate" });

  return getDb().document.findMany({
    where: { workspaceId, kind: { not: "AI_ANALYSIS" } },
    orderBy: { createdAt: "desc" },
    take: 500,
    select: { id: true, title: true, outlet: true },
  });
}
