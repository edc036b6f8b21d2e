import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { codebookContentSelect } from "./codebook-content";

type GetCodebookOptions = { userId: string; codebookId: string };

export type LabelUsage = { total: number; deleted: number };

// One version with its dimensions and labels, how many highlights carry each label
// (deleted ones counted apart: they move with the label, since they can be restored),
// the caller's role, and the other versions of the same codebook.
export async function getCodebook({ userId, codebookId }: GetCodebookOptions) {
  const db = getDb();
  const codebook = await db.codebook.findFirst({
    where: { id: codebookId, workspace: { members: { some: { userId } } } },
    select: {
      ...codebookContentSelect,
      workspace: {
        select: { id: true, name: true, members: { where: { userId }, select: { role: true } } },
      },
    },
  });
  const role = codebook?.workspace.members[0]?.role;

  if (!codebook || !role) {
    throw notFound("This codebook");
  }

  const labelIds = codebook.dimensions.flatMap((dimension) =>
    dimension.labels.map((label) => label.id),
  );
  const [totals, deleted, versions] = await Promise.all([
    db.annotationLabel.groupBy({
      by: ["labelId"],
      where: { labelId: { in: labelIds } },
      _count: { _all: true },
    }),
    db.annotationLabel.groupBy({
      by: ["labelId"],
      where: { labelId: { in: labelIds }, annotation: { deletedAt: { not: null } } },
      _count: { _all: true },
    }),
    db.codebook.findMany({
      where: { workspaceId: codebook.workspaceId, key: codebook.key },
      orderBy: { version: "desc" },
      select: { id: true, version: true, status: true, updatedAt: true },
    }),
  ]);

  const usage = new Map<string, LabelUsage>(labelIds.map((id) => [id, { total: 0, deleted: 0 }]));
  for (const row of totals) {
    const entry = usage.get(row.labelId);
    if (entry) {
      entry.total = row._count._all;
    }
  }
  for (const row of deleted) {
    const entry = usage.get(row.labelId);
    if (entry) {
      entry.deleted = row._count._all;
    }
  }

  const { workspace, ...rest } = codebook;
  const latest = versions[0] ?? {
    id: codebook.id,
    version: codebook.version,
    status: codebook.status,
  };
  return {
    codebook: rest,
    workspace: { id: workspace.id, name: workspace.name },
    role,
    usage,
    versions,
    latest,
  };
}

export type CodebookDetails = Awaited<ReturnType<typeof getCodebook>>;
