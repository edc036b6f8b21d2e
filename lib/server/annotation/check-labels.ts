import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

type CheckLabelsOptions = { tx: Prisma.TransactionClient; workspaceId: string; labelIds: string[] };

// Every label must belong to a codebook of this workspace, and single-choice
// dimensions may carry at most one label.
export async function checkLabels({ tx, workspaceId, labelIds }: CheckLabelsOptions) {
  const unique = [...new Set(labelIds)];

  if (unique.length === 0) {
    return unique;
  }

  const labels = await tx.label.findMany({
    where: { id: { in: unique }, dimension: { codebook: { workspaceId } } },
    select: {
      id: true,
      name: true,
      dimension: {
        select: {
          id: true,
          name: true,
          multiple: true,
          codebook: { select: { status: true, version: true, name: true } },
        },
      },
    },
  });

  if (labels.length !== unique.length) {
    const known = new Set(labels.map((label) => label.id));
    const unknown = unique.filter((id) => !known.has(id));
    throw new AppError("INVALID_INPUT", `Unknown label: ${unknown.join(", ")}.`, {
      labelIds: [`These labels are not in this workspace's codebook: ${unknown.join(", ")}.`],
    });
  }

  // A page left open across a codebook publish still offers the old version's labels.
  const stale = labels.find((label) => label.dimension.codebook.status !== "PUBLISHED");
  if (stale) {
    const { codebook } = stale.dimension;
    throw new AppError(
      "CONFLICT",
      `“${stale.name}” is from version ${codebook.version} of ${codebook.name}, which is no longer the current version. Reload the page to tag with the current codebook.`,
    );
  }

  const perDimension = new Map<string, { name: string; multiple: boolean; count: number }>();

  for (const { dimension } of labels) {
    const entry = perDimension.get(dimension.id) ?? {
      name: dimension.name,
      multiple: dimension.multiple,
      count: 0,
    };
    entry.count += 1;
    perDimension.set(dimension.id, entry);
  }

  for (const entry of perDimension.values()) {
    if (!entry.multiple && entry.count > 1) {
      throw new AppError("INVALID_INPUT", `${entry.name} takes one label per highlight.`, {
        labelIds: [`${entry.name} takes one label per highlight.`],
      });
    }
  }

  return unique;
}
