import "server-only";

import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

type GetExportOptionsOptions = { userId: string; workspaceId: string };

// How many documents the Exports page offers to pick one by one; beyond that, collections
// or the API's document ids serve.
export const pickableDocumentsMax = 500;

// What the Exports page offers to filter on: the workspace's codebooks and their
// dimensions, collections, documents and members.
export async function getExportOptions({ userId, workspaceId }: GetExportOptionsOptions) {
  const membership = await requireMembership({ userId, workspaceId, permission: "exportData" });
  const db = getDb();

  const [codebooks, collections, documents, members] = await Promise.all([
    db.codebook.findMany({
      where: { workspaceId },
      orderBy: [{ isDefault: "desc" }, { key: "asc" }, { version: "desc" }],
      select: {
        id: true,
        key: true,
        name: true,
        version: true,
        isDefault: true,
        dimensions: { orderBy: { position: "asc" }, select: { key: true, name: true } },
      },
    }),
    db.collection.findMany({
      where: { workspaceId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { documents: true } } },
    }),
    db.document.findMany({
      where: { workspaceId },
      orderBy: { createdAt: "desc" },
      take: pickableDocumentsMax,
      select: { id: true, title: true, outlet: true },
    }),
    db.membership.findMany({
      where: { workspaceId },
      orderBy: { user: { name: "asc" } },
      select: { role: true, user: { select: { id: true, name: true } } },
    }),
  ]);

  return {
    role: membership.role,
    workspaceName: membership.workspace.name,
    codebooks,
    collections: collections.map((collection) => ({
      id: collection.id,
      name: collection.name,
      documents: collection._count.documents,
    })),
    documents,
    members: members.map((member) => ({ id: member.user.id, name: member.user.name })),
  };
}

export type ExportOptions = Awaited<ReturnType<typeof getExportOptions>>;
