import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

// What the Exports page and the API show of a snapshot; never its chunks.
export const snapshotViewSelect = {
  id: true,
  number: true,
  name: true,
  format: true,
  status: true,
  rowsDone: true,
  rowsTotal: true,
  byteSize: true,
  checksum: true,
  error: true,
  pseudonymised: true,
  licence: true,
  consent: true,
  createdAt: true,
  completedAt: true,
  createdBy: { select: { name: true } },
} as const satisfies Prisma.DatasetSnapshotSelect;

type SnapshotRow = Prisma.DatasetSnapshotGetPayload<{ select: typeof snapshotViewSelect }>;

export type SnapshotView = Omit<SnapshotRow, "createdBy" | "createdAt" | "completedAt"> & {
  createdByName: string | null;
  createdAt: string;
  completedAt: string | null;
};

export function toSnapshotView(row: SnapshotRow): SnapshotView {
  const { createdBy, createdAt, completedAt, ...rest } = row;
  return {
    ...rest,
    createdByName: createdBy?.name ?? null,
    createdAt: createdAt.toISOString(),
    completedAt: completedAt?.toISOString() ?? null,
  };
}
