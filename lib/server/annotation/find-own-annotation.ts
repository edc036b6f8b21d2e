import "server-only";

import { can } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { forbidden, notFound } from "@/lib/errors/app-error";

import { annotationViewSelect } from "./annotation-view";

type FindOwnAnnotationOptions = {
  tx: Prisma.TransactionClient;
  userId: string;
  annotationId: string;
  // Restore looks among deleted highlights; everything else among live ones.
  deleted?: boolean;
};

// Members who can see an annotation get "forbidden" when it is not theirs;
// everyone else gets "not found".
export async function findOwnAnnotation({
  tx,
  userId,
  annotationId,
  deleted = false,
}: FindOwnAnnotationOptions) {
  const annotation = await tx.annotation.findFirst({
    where: {
      id: annotationId,
      deletedAt: deleted ? { not: null } : null,
      document: { workspace: { members: { some: { userId } } } },
    },
    select: {
      ...annotationViewSelect,
      authorId: true,
      document: {
        select: {
          workspaceId: true,
          workspace: { select: { members: { where: { userId }, select: { role: true } } } },
        },
      },
    },
  });

  const role = annotation?.document.workspace.members[0]?.role;

  if (!annotation || !role) {
    throw notFound("This highlight");
  }

  if (annotation.authorId !== userId || !can(role, "annotate")) {
    throw forbidden("Only the author of a highlight can change or delete it.");
  }

  const { document, authorId: _authorId, ...row } = annotation;
  return { row, workspaceId: document.workspaceId };
}
