import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

export const documentAnswerViewSelect = {
  id: true,
  dimensionKey: true,
  text: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
  labels: { select: { labelId: true }, orderBy: { labelId: "asc" } },
} as const satisfies Prisma.DocumentAnswerSelect;

type DocumentAnswerRow = Prisma.DocumentAnswerGetPayload<{
  select: typeof documentAnswerViewSelect;
}>;

// The JSON shape the API and the "Whole document" panel share.
export type DocumentAnswerView = {
  id: string;
  dimensionKey: string;
  text: string | null;
  labelIds: string[];
  author: { id: string; name: string };
  updatedAt: string;
};

export function toDocumentAnswerView({
  labels,
  updatedAt,
  ...row
}: DocumentAnswerRow): DocumentAnswerView {
  return {
    ...row,
    labelIds: labels.map((label) => label.labelId),
    updatedAt: updatedAt.toISOString(),
  };
}
