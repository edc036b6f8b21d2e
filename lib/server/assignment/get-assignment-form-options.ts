import "server-only";

import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

type GetAssignmentFormOptionsOptions = { userId: string; workspaceId: string };

// What the assignment form offers: the workspace's documents and published codebooks.
export async function getAssignmentFormOptions({
  userId,
  workspaceId,
}: GetAssignmentFormOptionsOptions) {
  const membership = await requireMembership({ userId, workspaceId, permission: "teachClass" });
  const [documents, codebooks] = await Promise.all([
    getDb().document.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "desc" },
      select: { id: true, title: true, outlet: true },
    }),
    getDb().codebook.findMany({
      where: { workspaceId, status: "PUBLISHED" },
      orderBy: [{ isDefault: "desc" }, { name: "asc" }, { version: "desc" }],
      select: { id: true, name: true, version: true, isDefault: true },
    }),
  ]);
  return { membership, documents, codebooks };
}
