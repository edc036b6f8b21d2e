import "server-only";

import { can } from "@/lib/auth/roles";
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
      _count: { select: { annotations: { where: { deletedAt: null } } } },
      workspace: {
        select: { id: true, name: true, members: { where: { userId }, select: { role: true } } },
      },
    },
  });

  const role = document?.workspace.members[0]?.role;

  if (!document || !role) {
    throw notFound("This document");
  }

  const { workspace, _count, ...rest } = document;
  // Instructors see every highlight; anyone else counts only what the class rules show
  // them (a blind student's count must not reveal how much classmates marked).
  const highlightCount = can(role, "teachClass")
    ? _count.annotations
    : ((
        await countVisibleHighlights({
          userId,
          workspaceId: document.workspaceId,
          documentIds: [documentId],
        })
      ).get(documentId) ?? 0);
  return { ...rest, workspaceName: workspace.name, role, highlightCount };
}
