import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

export const annotationViewSelect = {
  id: true,
  documentId: true,
  documentVersion: true,
  start: true,
  end: true,
  exact: true,
  prefix: true,
  suffix: true,
  comment: true,
  confidence: true,
  anchorStatus: true,
  origin: true,
  // Sent back with every edit: a save made on an older revision is a conflict.
  revision: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  labels: { select: { labelId: true } },
  // Typed field values (target, holder, text, link), keyed by dimension key.
  values: {
    orderBy: { dimensionKey: "asc" },
    select: {
      dimensionKey: true,
      text: true,
      target: true,
      holder: true,
      linkedAnnotationId: true,
    },
  },
} as const satisfies Prisma.AnnotationSelect;

type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof annotationViewSelect }>;

// The JSON shape the API and the reader share. Offsets are code points.
export type AnnotationView = Omit<AnnotationRow, "labels" | "createdAt" | "updatedAt"> & {
  labelIds: string[];
  createdAt: string;
  updatedAt: string;
};

export function toAnnotationView({
  labels,
  createdAt,
  updatedAt,
  ...row
}: AnnotationRow): AnnotationView {
  return {
    ...row,
    labelIds: labels.map((label) => label.labelId),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}
