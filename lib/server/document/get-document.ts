import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { countVisibleHighlights } from "../assignment/count-visible-highlights";

type GetDocumentOptions = { userId: string; documentId: string };

// The membership check is part of the query: an outsider cannot tell a missing
// document from one they may not see.
export async function getDocumentForMember({ userId, documentId }: GetDocumentOptions) {
  const document = await getDb().document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: {
      id: true,
      workspaceId: true,
      title: true,
      text: true,
      sourceUrl: true,
      outlet: true,
      author: true,
      publishedAt: true,
      kind: true,
      version: true,
      createdById: true,
      createdAt: true,
      workspace: {
        select: { id: true, name: true, members: { where: { userId }, select: { role: true } } },
      },
    },
  });

  const role = document?.workspace.members[0]?.role;

  if (!document || !role) {
    throw notFound("This document");
  }

  // Only the highlights this person may see (blind assignments hide classmates').
  const counts = await countVisibleHighlights({ userId, documentIds: [documentId] });
  const { workspace, ...rest } = document;
  return {
    ...rest,
    workspaceName: workspace.name,
    role,
    highlightCount: counts.get(documentId) ?? 0,
  };
}
