import "server-only";

import { afterCursor, toPage, type Page, type PageRequest } from "@/lib/api/pagination";
import type { WorkspaceItem } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";

// Lives with the API-token use cases because only the public API pages through lists.
type ListWorkspacesPageOptions = {
  userId: string;
  page: PageRequest;
  // A token sees its own workspace only.
  onlyWorkspaceId?: string;
};

export async function listWorkspacesPage({
  userId,
  page,
  onlyWorkspaceId,
}: ListWorkspacesPageOptions): Promise<Page<WorkspaceItem>> {
  const rows = await getDb().workspace.findMany({
    where: {
      members: { some: { userId } },
      ...(onlyWorkspaceId ? { id: onlyWorkspaceId } : {}),
      ...afterCursor(page.after),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: {
      id: true,
      name: true,
      kind: true,
      createdAt: true,
      members: { where: { userId }, select: { role: true } },
    },
  });

  return toPage(rows, page.limit, ({ members, createdAt, ...workspace }) => ({
    ...workspace,
    // The where clause guarantees the caller's membership row.
    role: members[0]?.role ?? "VIEWER",
    createdAt: createdAt.toISOString(),
  }));
}
