import "server-only";

import { canSeeAuthor, decideViewerPolicy } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { loadClassContext } from "../assignment/load-class-context";

type GetAnnotationHistoryOptions = { userId: string; annotationId: string };

// One highlight's full story for members of its workspace: created, edited, moved by
// text edits, reviewed, deleted, restored, in order, with before and after of each step.
export async function getAnnotationHistory({ userId, annotationId }: GetAnnotationHistoryOptions) {
  const db = getDb();
  const annotation = await db.annotation.findFirst({
    where: { id: annotationId, document: { workspace: { members: { some: { userId } } } } },
    select: {
      id: true,
      documentId: true,
      exact: true,
      deletedAt: true,
      author: { select: { id: true, name: true } },
      document: { select: { workspaceId: true } },
    },
  });
  if (!annotation) {
    throw notFound("This highlight");
  }
  // A highlight the class rules hide from this person (a blind classmate's) is "not found".
  const context = await loadClassContext({ documentId: annotation.documentId });
  const policy = context ? decideViewerPolicy(context, userId, new Date()) : null;
  if (!policy || !canSeeAuthor(policy, annotation.author.id)) {
    throw notFound("This highlight");
  }

  const events = await db.auditEvent.findMany({
    where: {
      workspaceId: annotation.document.workspaceId,
      entityType: "annotation",
      entityId: annotationId,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 1000,
    select: {
      id: true,
      action: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
    },
  });

  const { document: _document, ...rest } = annotation;
  return { annotation: rest, events };
}
