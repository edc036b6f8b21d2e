import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import type { AddGoldAnnotationData } from "@/lib/validations/review";

import { recordAuditEvent } from "../audit/record-audit-event";

import { createGoldAnnotation } from "./create-gold-annotation";

type AddGoldAnnotationOptions = { userId: string; input: AddGoldAnnotationData };

// A gold highlight the lead adds that no annotator proposed.
export async function addGoldAnnotation({ userId, input }: AddGoldAnnotationOptions) {
  return getDb().$transaction(async (tx) => {
    const document = await tx.document.findFirst({
      where: { id: input.documentId, workspace: { members: { some: { userId } } } },
      select: {
        id: true,
        workspaceId: true,
        text: true,
        version: true,
        workspace: { select: { members: { where: { userId }, select: { role: true } } } },
      },
    });
    const role = document?.workspace.members[0]?.role;
    if (!document || !role) {
      throw notFound("This document");
    }
    if (!can(role, "manageReview")) {
      throw forbidden("Only editors and owners add highlights to the gold set.");
    }
    if (input.documentVersion !== document.version) {
      throw new AppError(
        "CONFLICT",
        `The document changed while you were adjudicating it (you had version ${input.documentVersion}, it is now ${document.version}). Reload and select the passage again.`,
      );
    }

    const gold = await createGoldAnnotation({
      tx,
      userId,
      workspaceId: document.workspaceId,
      document,
      span: input,
      labelIds: input.labelIds,
      comment: "",
      reviewState: "ACCEPTED",
      reason: input.reason || "Added by the lead.",
    });

    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: "annotation.create",
      entityType: "annotation",
      entityId: gold.id,
      after: { ...gold, labelIds: input.labelIds },
    });
    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: "annotation.review.add",
      entityType: "annotation",
      entityId: gold.id,
      after: {
        reviewState: "ACCEPTED",
        isGold: true,
        reviewReason: input.reason || "Added by the lead.",
      },
    });

    return gold;
  });
}
