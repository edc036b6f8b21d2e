import "server-only";

import { can } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";

import { annotationViewSelect, toAnnotationView } from "../annotation/annotation-view";

type LoadAnnotationForReviewOptions = {
  tx: Prisma.TransactionClient;
  userId: string;
  annotationId: string;
  // The revision the lead looked at; a newer one is a conflict.
  revision: number;
};

// A live highlight a lead (editor or owner) is about to decide on. Outsiders get "not
// found", other members "forbidden", and a stale revision a conflict carrying the
// highlight as it is now.
export async function loadAnnotationForReview({
  tx,
  userId,
  annotationId,
  revision,
}: LoadAnnotationForReviewOptions) {
  const annotation = await tx.annotation.findFirst({
    where: { id: annotationId, document: { workspace: { members: { some: { userId } } } } },
    select: {
      ...annotationViewSelect,
      deletedAt: true,
      reviewState: true,
      isGold: true,
      reviewedById: true,
      reviewReason: true,
      author: { select: { id: true, name: true } },
      document: {
        select: {
          id: true,
          workspaceId: true,
          text: true,
          version: true,
          workspace: { select: { members: { where: { userId }, select: { role: true } } } },
        },
      },
    },
  });
  const role = annotation?.document.workspace.members[0]?.role;

  if (!annotation || !role) {
    throw notFound("This highlight");
  }
  if (!can(role, "manageReview")) {
    throw forbidden("Only editors and owners decide on highlights for the gold set.");
  }
  if (annotation.deletedAt) {
    throw new AppError(
      "CONFLICT",
      "This highlight was deleted by its author; there is nothing to decide. Reload the adjudication view.",
    );
  }

  const {
    document,
    deletedAt: _deletedAt,
    reviewState,
    isGold,
    reviewedById,
    reviewReason,
    ...row
  } = annotation;
  const view = toAnnotationView(row);
  if (annotation.revision !== revision) {
    throw new AppError(
      "CONFLICT",
      `This highlight changed since you loaded it (revision ${revision}; it is now revision ${annotation.revision}). Nothing was decided: look at the new version and decide again.`,
      undefined,
      { conflict: { kind: "annotation", theirs: view } },
    );
  }

  return {
    view,
    review: { reviewState, isGold, reviewedById, reviewReason },
    document: {
      id: document.id,
      workspaceId: document.workspaceId,
      text: document.text,
      version: document.version,
    },
  };
}
