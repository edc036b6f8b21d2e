import "server-only";

import { getDb } from "@/lib/db/client";

export async function listWorkspacesForUser(userId: string) {
  return getDb().membership.findMany({
    where: { userId },
    orderBy: { workspace: { createdAt: "desc" } },
    select: {
      role: true,
      workspace: {
        select: {
          id: true,
          name: true,
          kind: true,
          _count: { select: { documents: true, members: true } },
        },
      },
    },
  });
}
