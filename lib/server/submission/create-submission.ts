import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hashText } from "@/lib/text/hash-text";
import { normalizeText } from "@/lib/text/normalize-text";
import type { CreateSubmissionData } from "@/lib/validations/submission";

import { recordAuditEvent } from "../audit/record-audit-event";
import { requireMembership } from "../workspace/require-membership";

type CreateSubmissionOptions = { userId: string; workspaceId: string; input: CreateSubmissionData };

// A contributor (annotator or above) starts a submission as a draft: an article of their
// own, or an AI-generated analysis linked to the article it analyses, with provenance.
// It enters the review flow when they submit it from the submission panel.
export async function createSubmission({ userId, workspaceId, input }: CreateSubmissionOptions) {
  await requireMembership({ userId, workspaceId, permission: "annotate" });

  const text = normalizeText(input.text);
  if (text.length === 0) {
    throw new AppError("INVALID_INPUT", "Paste the text.", { text: ["Paste the text."] });
  }

  return getDb().$transaction(async (tx) => {
    if (input.analysedDocumentId) {
      // The article must be in this workspace: an id from elsewhere reads as unknown.
      const article = await tx.document.findFirst({
        where: { id: input.analysedDocumentId, workspaceId },
        select: { id: true },
      });
      if (!article) {
        const message = "Choose an article from this workspace for the analysis.";
        throw new AppError("INVALID_INPUT", message, { analysedDocumentId: [message] });
      }
    }

    const isAnalysis = input.kind === "AI_ANALYSIS";
    const document = await tx.document.create({
      data: {
        workspaceId,
        createdById: userId,
        title: input.title,
        text,
        textHash: hashText(text),
        kind: input.kind,
        submissionStatus: "DRAFT",
        analysedDocumentId: isAnalysis ? (input.analysedDocumentId ?? null) : null,
        provenanceModel: isAnalysis ? (input.provenanceModel ?? null) : null,
        provenanceDate:
          isAnalysis && input.provenanceDate ? new Date(`${input.provenanceDate}T00:00:00Z`) : null,
        provenancePrompt: isAnalysis ? (input.provenancePrompt ?? null) : null,
        originalContent: input.text,
        originalType: "text/plain",
        revisions: {
          create: {
            version: 1,
            title: input.title,
            text,
            textHash: hashText(text),
            createdById: userId,
          },
        },
        submissionEvents: {
          create: { actorId: userId, fromStatus: null, toStatus: "DRAFT", message: "" },
        },
      },
      select: {
        id: true,
        workspaceId: true,
        title: true,
        kind: true,
        version: true,
        textHash: true,
        submissionStatus: true,
        analysedDocumentId: true,
        provenanceModel: true,
        provenanceDate: true,
        provenancePrompt: true,
      },
    });

    await recordAuditEvent({
      tx,
      workspaceId,
      actorId: userId,
      action: "document.create",
      entityType: "document",
      entityId: document.id,
      after: { ...document, provenanceDate: document.provenanceDate?.toISOString() ?? null },
    });

    return document;
  });
}
