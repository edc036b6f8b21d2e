import "server-only";

import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

// What the "Import annotations" page offers: the published codebooks to resolve labels
// in. Owners and editors only, like the import itself.
export async function getAnnotationImportOptions({
  userId,
  workspaceId,
}: {
  userId: string;
  workspaceId: string;
}) {
  const membership = await requireMembership({ userId, workspaceId, permission: "addDocument" });
  const codebooks = await getDb().codebook.findMany({
    where: { workspaceId, status: "PUBLISHED" },
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    select: { id: true, name: true, version: true, isDefault: true },
  });

  return { workspaceName: membership.workspace.name, role: membership.role, codebooks };
}
