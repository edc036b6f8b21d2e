import "server-only";

import type { Prisma } from "@/lib/db/generated/client";

type FindReaderCodebookOptions = {
  tx: Prisma.TransactionClient;
  workspaceId: string;
  documentId: string;
};

const readerDimensionSelect = {
  id: true,
  key: true,
  name: true,
  multiple: true,
  required: true,
  scope: true,
  fieldType: true,
  labels: { orderBy: { position: "asc" }, select: { id: true, key: true, name: true } },
} as const satisfies Prisma.DimensionSelect;

export type ReaderDimension = Prisma.DimensionGetPayload<{ select: typeof readerDimensionSelect }>;

// The codebook a document is read with, as the document page picks it: the published
// codebook of an assignment that contains the document, else the workspace's published
// default. Null when there is none. The caller has checked membership.
export async function findReaderCodebook({
  tx,
  workspaceId,
  documentId,
}: FindReaderCodebookOptions) {
  const select = {
    id: true,
    dimensions: { orderBy: { position: "asc" }, select: readerDimensionSelect },
  } as const satisfies Prisma.CodebookSelect;

  const link = await tx.assignmentDocument.findFirst({
    where: { documentId, assignment: { codebookId: { not: null } } },
    orderBy: { assignment: { createdAt: "asc" } },
    select: { assignment: { select: { codebookId: true } } },
  });
  const assignmentCodebookId = link?.assignment.codebookId;
  if (assignmentCodebookId) {
    const codebook = await tx.codebook.findFirst({
      where: { id: assignmentCodebookId, workspaceId, status: "PUBLISHED" },
      select,
    });
    if (codebook) {
      return codebook;
    }
  }

  return tx.codebook.findFirst({
    where: { workspaceId, isDefault: true, status: "PUBLISHED" },
    orderBy: { version: "desc" },
    select,
  });
}
