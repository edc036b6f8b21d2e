import "server-only";

import { getDb } from "@/lib/db/client";

export type LabelInfo = { id: string; name: string; dimensionName: string; color: string };

// Names and colours of the labels a page shows, in one query.
export async function loadLabelNames(labelIds: Iterable<string>): Promise<Map<string, LabelInfo>> {
  const ids = [...new Set(labelIds)];
  if (ids.length === 0) {
    return new Map();
  }
  const labels = await getDb().label.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, color: true, dimension: { select: { name: true } } },
  });
  return new Map(
    labels.map((label) => [
      label.id,
      { id: label.id, name: label.name, color: label.color, dimensionName: label.dimension.name },
    ]),
  );
}
