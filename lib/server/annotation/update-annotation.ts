import "server-only";

import { describeQuote } from "@/lib/anchoring/quote-context";
import { validateSpan } from "@/lib/anchoring/validate-span";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { UpdateAnnotationData } from "@/lib/validations/annotation";

import { recordAuditEvent } from "../audit/record-audit-event";

import { annotationViewSelect, toAnnotationView } from "./annotation-view";
import { checkLabels } from "./check-labels";
import { findOwnAnnotation } from "./find-own-annotation";

type UpdateAnnotationOptions = {
  userId: string;
  annotationId: string;
  input: UpdateAnnotationData;
};

export async function updateAnnotation({ userId, annotationId, input }: UpdateAnnotationOptions) {
  return getDb().$transaction(async (tx) => {
    const { row, workspaceId } = await findOwnAnnotation({ tx, userId, annotationId });
    const before = toAnnotationView(row);

    let placement = {};
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
        anchorStatus: "ANCHORED" as const,
      };
    }

    const labelIds =
      input.labelIds === undefined
        ? undefined
        : await checkLabels({ tx, workspaceId, labelIds: input.labelIds });

    const updated = await tx.annotation.update({
      where: { id: annotationId },
      data: {
        ...placement,
        ...(input.comment === undefined ? {} : { comment: input.comment.trim() }),
        ...(input.confidence === undefined ? {} : { confidence: input.confidence }),
        ...(labelIds === undefined
          ? {}
          : { labels: { deleteMany: {}, create: labelIds.map((labelId) => ({ labelId })) } }),
      },
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
      before,
      after,
    });

    return after;
  });
}
