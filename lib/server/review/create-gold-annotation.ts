import "server-only";

import { describeQuote } from "@/lib/anchoring/quote-context";
import { validateSpan } from "@/lib/anchoring/validate-span";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";

import { checkLabels } from "../annotation/check-labels";

type CreateGoldAnnotationOptions = {
  tx: Prisma.TransactionClient;
  userId: string;
  workspaceId: string;
  document: { id: string; text: string; version: number };
  span: { start: number; end: number; exact: string };
  labelIds: string[];
  comment: string;
  reviewState: "ACCEPTED" | "EDITED";
  reason: string;
};

// A highlight a lead makes during adjudication: theirs, in the gold set at once. Its
// review time equals its creation time, which is what marks it as adjudication-made
// (not a proposal in the lead's own lane); see docs/review.md.
export async function createGoldAnnotation({
  tx,
  userId,
  workspaceId,
  document,
  span,
  labelIds,
  comment,
  reviewState,
  reason,
}: CreateGoldAnnotationOptions) {
  const check = validateSpan(document.text, span);
  if (!check.ok) {
    throw new AppError("INVALID_INPUT", check.message, { span: [check.message] });
  }
  const labels = await checkLabels({ tx, workspaceId, labelIds });
  const quote = describeQuote(document.text, span.start, span.end);
  const now = new Date();

  return tx.annotation.create({
    data: {
      documentId: document.id,
      authorId: userId,
      documentVersion: document.version,
      start: span.start,
      end: span.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      comment,
      reviewState,
      isGold: true,
      reviewedById: userId,
      reviewReason: reason || null,
      reviewedAt: now,
      createdAt: now,
      labels: { create: labels.map((labelId) => ({ labelId })) },
    },
    select: { id: true, start: true, end: true, exact: true, revision: true },
  });
}
