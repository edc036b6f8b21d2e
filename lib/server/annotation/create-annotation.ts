import "server-only";

import { describeQuote } from "@/lib/anchoring/quote-context";
import { validateSpan } from "@/lib/anchoring/validate-span";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/db/generated/client";
import type { CreateAnnotationData } from "@/lib/validations/annotation";

import { assertHighlightsEditable } from "../assignment/assert-highlights-editable";
import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { annotationViewSelect, toAnnotationView, type AnnotationView } from "./annotation-view";
import { checkFieldValues } from "./check-field-values";
import { checkLabels } from "./check-labels";

type CreateAnnotationOptions = {
  userId: string;
  documentId: string;
  input: CreateAnnotationData;
  // Runs inside the creating transaction (the API stores its idempotent answer there).
  onCreated?: (tx: Prisma.TransactionClient, annotation: AnnotationView) => Promise<void>;
};

export async function createAnnotation({
  userId,
  documentId,
  input,
  onCreated,
}: CreateAnnotationOptions) {
  const db = getDb();

  const document = await db.document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
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

  if (!can(role, "annotate")) {
    throw forbidden("Viewers can read highlights but not add them.");
  }

  if (input.documentVersion !== undefined && input.documentVersion !== document.version) {
    throw new AppError(
      "CONFLICT",
      `The document changed while you were reading it (you had version ${input.documentVersion}, it is now ${document.version}). Reload to see the new text; your selection was not saved.`,
    );
  }

  const span = validateSpan(document.text, input);

  if (!span.ok) {
    throw new AppError("INVALID_INPUT", span.message, {
      [span.code === "QUOTE_MISMATCH" ? "exact" : "start"]: [span.message],
    });
  }

  const quote = describeQuote(document.text, input.start, input.end);

  return db.$transaction(async (tx) => {
    // Classes (issue 5): no changes after handing in an assignment, until it is reopened.
    await assertHighlightsEditable({ tx, userId, documentId });

    const labelIds = await checkLabels({
      tx,
      workspaceId: document.workspaceId,
      labelIds: input.labelIds,
    });

    const values = await checkFieldValues({
      tx,
      userId,
      workspaceId: document.workspaceId,
      documentId,
      annotationId: null,
      labelIds,
      values: input.values,
    });

    const row = await tx.annotation.create({
      data: {
        documentId,
        authorId: userId,
        documentVersion: document.version,
        start: input.start,
        end: input.end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        comment: input.comment.trim(),
        confidence: input.confidence,
        origin: input.origin,
        suggestionRule: input.suggestionRule ?? null,
        labels: { create: labelIds.map((labelId) => ({ labelId })) },
        values: { create: values },
      },
      select: annotationViewSelect,
    });

    const annotation = toAnnotationView(row);

    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: "annotation.create",
      entityType: "annotation",
      entityId: annotation.id,
      after: annotation,
    });

    // Classes (issue 5): readers of the document receive it live (filtered per reader).
    await publishLiveEvent({
      tx,
      workspaceId: document.workspaceId,
      documentId,
      kind: "annotation.created",
      payload: { annotation },
    });

    await onCreated?.(tx, annotation);

    return annotation;
  });
}
