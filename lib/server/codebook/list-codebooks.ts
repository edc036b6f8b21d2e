import "server-only";

import { getDb } from "@/lib/db/client";

import { requireMembership } from "../workspace/require-membership";

type ListCodebooksOptions = { userId: string; workspaceId: string };

export type CodebookVersionSummary = {
  id: string;
  version: number;
  status: "DRAFT" | "PUBLISHED" | "ARCHIVED";
  updatedAt: string;
  labelCount: number;
};

export type CodebookSummary = {
  key: string;
  name: string;
  description: string;
  source: string;
  isDefault: boolean;
  // Newest first.
  versions: CodebookVersionSummary[];
};

// A workspace's codebooks, one entry per key with all its versions; the default first.
export async function listCodebooks({ userId, workspaceId }: ListCodebooksOptions) {
  const membership = await requireMembership({ userId, workspaceId, permission: "readWorkspace" });

  const rows = await getDb().codebook.findMany({
    where: { workspaceId },
    orderBy: [{ key: "asc" }, { version: "desc" }],
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      source: true,
      version: true,
      status: true,
      isDefault: true,
      updatedAt: true,
      dimensions: { select: { _count: { select: { labels: true } } } },
    },
  });

  const byKey = new Map<string, CodebookSummary>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? {
      key: row.key,
      // The newest version names the codebook.
      name: row.name,
      description: row.description,
      source: row.source,
      isDefault: row.isDefault,
      versions: [],
    };
    entry.versions.push({
      id: row.id,
      version: row.version,
      status: row.status,
      updatedAt: row.updatedAt.toISOString(),
      labelCount: row.dimensions.reduce((sum, dimension) => sum + dimension._count.labels, 0),
    });
    byKey.set(row.key, entry);
  }

  const codebooks = [...byKey.values()].sort(
    (a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name),
  );
  return { membership, codebooks };
}
