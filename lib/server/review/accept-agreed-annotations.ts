import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { buildAdjudication, groupsToAcceptAll } from "@/lib/review/adjudication";

import { loadAdjudicationAnnotations } from "./load-adjudication-annotations";

type AcceptAgreedAnnotationsOptions = { userId: string; documentId: string };

// Accept-all for exact agreement: every span all annotators marked with the same labels
// goes into the gold set (the first proposal as the gold highlight, the others accepted
// as agreeing with it). Computed from the current rows, not from what the lead's page
// showed, and all-or-nothing: a highlight edited meanwhile rolls the whole batch back.
export async function acceptAgreedAnnotations({
  userId,
  documentId,
}: AcceptAgreedAnnotationsOptions) {
  return getDb().$transaction(async (tx) => {
    const document = await tx.document.findFirst({
      where: { id: documentId, workspace: { members: { some: { userId } } } },
      select: {
        id: true,
        workspaceId: true,
        workspace: { select: { members: { where: { userId }, select: { role: true } } } },
      },
    });
    const role = document?.workspace.members[0]?.role;
    if (!document || !role) {
      throw notFound("This document");
    }
    if (!can(role, "manageReview")) {
      throw forbidden("Only editors and owners decide on highlights for the gold set.");
    }

    const groups = groupsToAcceptAll(
      buildAdjudication(await loadAdjudicationAnnotations(tx, documentId)),
    );
    const now = new Date();
    const events: { id: string; after: Record<string, unknown> }[] = [];

    for (const group of groups) {
      const gold = group.proposals[0];
      if (!gold) {
        continue;
      }
      const reason = `Exact agreement of ${group.proposals.length} annotators.`;
      for (const proposal of group.proposals) {
        const isGold = proposal.id === gold.id;
        const after = {
          reviewState: "ACCEPTED" as const,
          isGold,
          reviewedById: userId,
          reviewReason: isGold ? reason : `Same span and labels as the gold highlight (${reason})`,
        };
        const { count } = await tx.annotation.updateMany({
          where: {
            id: proposal.id,
            revision: proposal.revision,
            reviewState: "PENDING",
            deletedAt: null,
          },
          data: { ...after, reviewedAt: now, revision: { increment: 1 } },
        });
        if (count === 0) {
          throw new AppError(
            "CONFLICT",
            "A highlight changed while accepting the agreed ones, so none were accepted. Reload and try again.",
          );
        }
        events.push({ id: proposal.id, after: { ...after, goldAnnotationId: gold.id } });
      }
    }

    if (events.length > 0) {
      await tx.auditEvent.createMany({
        data: events.map((event) => ({
          workspaceId: document.workspaceId,
          actorId: userId,
          action: "annotation.review.accept",
          entityType: "annotation",
          entityId: event.id,
          before: { reviewState: "PENDING", isGold: false },
          after: event.after as object,
        })),
      });
    }

    return { spans: groups.length, annotations: events.length };
  });
}
