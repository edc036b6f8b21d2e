import "server-only";

import { afterCursor, toPage, type Page, type PageRequest } from "@/lib/api/pagination";
import type { CodebookItem } from "@/lib/api/schemas";
import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

type ListCodebooksPageOptions = { userId: string; workspaceId: string; page: PageRequest };

// A workspace's codebooks, each whole (dimensions and labels in order), so a client can
// turn label ids in highlights into names.
export async function listCodebooksPage({
  userId,
  workspaceId,
  page,
}: ListCodebooksPageOptions): Promise<Page<CodebookItem>> {
  await requireMembership({ userId, workspaceId, permission: "readWorkspace" });

  const rows = await getDb().codebook.findMany({
    where: { workspaceId, ...afterCursor(page.after) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      version: true,
      status: true,
      isDefault: true,
      guidelines: true,
      source: true,
      licence: true,
      createdAt: true,
      updatedAt: true,
      dimensions: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          key: true,
          name: true,
          description: true,
          multiple: true,
          required: true,
          scope: true,
          fieldType: true,
          color: true,
          position: true,
          labels: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              key: true,
              name: true,
              description: true,
              color: true,
              examples: true,
              counterExamples: true,
              shortcut: true,
              parentKey: true,
              rating: true,
              position: true,
            },
          },
        },
      },
    },
  });

  return toPage(rows, page.limit, ({ createdAt, updatedAt, ...codebook }) => ({
    ...codebook,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  }));
}
