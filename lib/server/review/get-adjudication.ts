import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { forbidden, notFound } from "@/lib/errors/app-error";

import { loadAdjudicationAnnotations } from "./load-adjudication-annotations";

type GetAdjudicationOptions = { userId: string; documentId: string };

// What the adjudication view needs: the text and every annotator's highlights with their
// review state. For leads (editors and owners) of the document's workspace only.
export async function getAdjudication({ userId, documentId }: GetAdjudicationOptions) {
  const db = getDb();
  const document = await db.document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: {
      id: true,
      workspaceId: true,
      title: true,
      text: true,
      version: true,
      workspace: { select: { name: true, members: { where: { userId }, select: { role: true } } } },
    },
  });
  const role = document?.workspace.members[0]?.role;

  if (!document || !role) {
    throw notFound("This document");
  }
  if (!can(role, "manageReview")) {
    throw forbidden("Only editors and owners adjudicate highlights.");
  }

  const [annotations, orphanCount] = await Promise.all([
    loadAdjudicationAnnotations(db, documentId),
    db.annotation.count({ where: { documentId, deletedAt: null, anchorStatus: "ORPHANED" } }),
  ]);

  const { workspace, ...rest } = document;
  return { document: { ...rest, workspaceName: workspace.name }, role, annotations, orphanCount };
}
