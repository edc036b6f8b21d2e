import "server-only";

import { getDb } from "@/lib/db/client";

export async function listDocuments(workspaceId: string) {
  return getDb().document.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      outlet: true,
      kind: true,
      createdAt: true,
      _count: { select: { annotations: { where: { deletedAt: null } } } },
    },
  });
}
