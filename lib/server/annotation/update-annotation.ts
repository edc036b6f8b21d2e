import "server-only";

import { describeQuote } from "@/lib/anchoring/quote-context";
import { validateSpan } from "@/lib/anchoring/validate-span";
import type { Prisma } from "@/lib/db/generated/client";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { UpdateAnnotationData } from "@/lib/validations/annotation";

import { assertHighlightsEditable } from "../assignment/assert-highlights-editable";
import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { annotationViewSelect, toAnnotationView, type AnnotationView } from "./annotation-view";
import { checkFieldValues } from "./check-field-values";
import { checkLabels } from "./check-labels";
import { findOwnAnnotation } from "./find-own-annotation";

type UpdateAnnotationOptions = {
  userId: string;
  annotationId: string;
  input: UpdateAnnotationData;
};

// What a client gets with a refused save: the highlight as saved now (theirs) and what
// was sent (yours), so it can offer keep mine / take theirs / merge.
export type AnnotationConflictDetails = {
  conflict: { kind: "annotation"; theirs: AnnotationView; yours: UpdateAnnotationData };
};

function annotationConflict(theirs: AnnotationView, yours: UpdateAnnotationData): AppError {
  const details: AnnotationConflictDetails = { conflict: { kind: "annotation", theirs, yours } };
  return new AppError(
    "CONFLICT",
    `This highlight was changed while you were editing it (you edited revision ${yours.revision}; it is now revision ${theirs.revision}). Nothing was saved: keep your version, take theirs, or merge the two.`,
    undefined,
    details,
  );
}

// Only the author edits a highlight. The edit must name the revision it was made on; the
// check is in the UPDATE itself, so of two concurrent saves on one revision exactly one
// wins and the other is a conflict. An edit by the author withdraws a lead's review
// decision on it (the decision was about the old content), except on the lead's own
// adjudication highlights.
export async function updateAnnotation({ userId, annotationId, input }: UpdateAnnotationOptions) {
  return getDb().$transaction(async (tx) => {
    const { row, workspaceId } = await findOwnAnnotation({ tx, userId, annotationId });
    const before = toAnnotationView(row);
    // Classes (issue 5): no changes after handing in an assignment, until it is reopened.
    await assertHighlightsEditable({ tx, userId, documentId: row.documentId });

    if (row.revision !== input.revision) {
      throw annotationConflict(before, input);
    }

    let placement: Prisma.AnnotationUpdateManyMutationInput = {};
    if (input.span) {
      const document = await tx.document.findUniqueOrThrow({
        where: { id: row.documentId },
        select: { text: true, version: true },
      });
      if (input.span.documentVersion !== document.version) {
        throw new AppError(
          "CONFLICT",
          `The document changed while you were reading it (you had version ${input.span.documentVersion}, it is now ${document.version}). Reload and select the passage again.`,
        );
      }
      const span = validateSpan(document.text, input.span);
      if (!span.ok) {
        throw new AppError("INVALID_INPUT", span.message, { span: [span.message] });
      }
      const quote = describeQuote(document.text, input.span.start, input.span.end);
      placement = {
        start: input.span.start,
        end: input.span.end,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        documentVersion: document.version,
        anchorStatus: "ANCHORED",
      };
    }

    const labelIds =
      input.labelIds === undefined
        ? undefined
        : await checkLabels({ tx, workspaceId, labelIds: input.labelIds });

    // Labels and values are checked together (a required dimension needs both), so an edit
    // of either checks the highlight as it will be after the save.
    const values =
      labelIds === undefined && input.values === undefined
        ? undefined
        : await checkFieldValues({
            tx,
            userId,
            workspaceId,
            documentId: row.documentId,
            annotationId,
            labelIds: labelIds ?? before.labelIds,
            values: input.values ?? before.values,
          });

    const review = await tx.annotation.findUniqueOrThrow({
      where: { id: annotationId },
      select: { reviewState: true, reviewedById: true, isGold: true, reviewReason: true },
    });
    const isReviewedByOther = review.reviewState !== "PENDING" && review.reviewedById !== userId;

    const { count } = await tx.annotation.updateMany({
      where: { id: annotationId, revision: input.revision, deletedAt: null },
      data: {
        ...placement,
        ...(input.comment === undefined ? {} : { comment: input.comment.trim() }),
        ...(input.confidence === undefined ? {} : { confidence: input.confidence }),
        ...(isReviewedByOther
          ? {
              reviewState: "PENDING",
              isGold: false,
              reviewedById: null,
              reviewReason: null,
              reviewedAt: null,
            }
          : {}),
        revision: { increment: 1 },
      },
    });
    if (count === 0) {
      const current = await tx.annotation.findUnique({
        where: { id: annotationId },
        select: annotationViewSelect,
      });
      if (!current) {
        throw new AppError("CONFLICT", "This highlight was deleted while you were editing it.");
      }
      throw annotationConflict(toAnnotationView(current), input);
    }

    if (labelIds !== undefined) {
      await tx.annotationLabel.deleteMany({ where: { annotationId } });
      await tx.annotationLabel.createMany({
        data: labelIds.map((labelId) => ({ annotationId, labelId })),
      });
    }

    if (values !== undefined) {
      await tx.annotationValue.deleteMany({ where: { annotationId } });
      await tx.annotationValue.createMany({
        data: values.map((value) => ({ annotationId, ...value })),
      });
    }

    const updated = await tx.annotation.findUniqueOrThrow({
      where: { id: annotationId },
      select: annotationViewSelect,
    });
    const after = toAnnotationView(updated);

    await recordAuditEvent({
      tx,
      workspaceId,
      actorId: userId,
      action: "annotation.update",
      entityType: "annotation",
      entityId: annotationId,
      before: isReviewedByOther ? { ...before, review } : before,
      after: isReviewedByOther
        ? { ...after, review: { reviewState: "PENDING", isGold: false } }
        : after,
    });

    // Classes (issue 5): readers of the document receive it live (filtered per reader).
    await publishLiveEvent({
      tx,
      workspaceId,
      documentId: row.documentId,
      kind: "annotation.updated",
      payload: { annotation: after },
    });

    return after;
  });
}
