import "server-only";

import { canSeeAuthor, decideViewerPolicy } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { loadClassContext } from "../assignment/load-class-context";

type FindVisibleAnnotationOptions = { userId: string; annotationId: string };

// A highlight this person may see under the class rules, with their policy and role.
// Anything else, including a classmate's highlight hidden by a blind assignment, is
// "not found": its thread, reactions and existence stay private.
export async function findVisibleAnnotation({
  userId,
  annotationId,
}: FindVisibleAnnotationOptions) {
  const annotation = await getDb().annotation.findFirst({
    where: {
      id: annotationId,
      deletedAt: null,
      document: { workspace: { members: { some: { userId } } } },
    },
    select: {
      id: true,
      documentId: true,
      authorId: true,
      exact: true,
      document: { select: { workspaceId: true } },
    },
  });
  if (!annotation) {
    throw notFound("This highlight");
  }

  const context = await loadClassContext({ documentId: annotation.documentId });
  const policy = context ? decideViewerPolicy(context, userId, new Date()) : null;
  const role = context?.members.get(userId)?.role;
  if (!context || !policy || !role || !canSeeAuthor(policy, annotation.authorId)) {
    throw notFound("This highlight");
  }

  return {
    annotation: { ...annotation, workspaceId: annotation.document.workspaceId },
    context,
    policy,
    role,
  };
}
