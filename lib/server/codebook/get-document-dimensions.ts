import "server-only";

import { getDb } from "@/lib/db/client";

// The whole-document dimensions of a codebook (genre, frames, overall verdict), for the
// reader's "Whole document" panel. The caller has checked membership and picked the
// codebook the document is read with.
export async function getDocumentDimensions(codebookId: string) {
  return getDb().dimension.findMany({
    where: { codebookId, scope: "DOCUMENT" },
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      name: true,
      description: true,
      multiple: true,
      required: true,
      fieldType: true,
      labels: {
        orderBy: { position: "asc" },
        select: { id: true, key: true, name: true, description: true, color: true },
      },
    },
  });
}

export type DocumentDimensionView = Awaited<ReturnType<typeof getDocumentDimensions>>[number];
