import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { hashText } from "@/lib/text/hash-text";
import { normalizeText } from "@/lib/text/normalize-text";
import type { CreateDocumentData } from "@/lib/validations/document";

import { recordAuditEvent } from "../audit/record-audit-event";
import { requireMembership } from "../workspace/require-membership";

type CreateDocumentOptions = {
  userId: string;
  workspaceId: string;
  input: CreateDocumentData;
  // What was imported before normalisation (an HTML page, a Markdown file), kept as is.
  original?: { content: string; type: string };
  // An import draft (createImportDraft) whose original becomes the document's.
  importId?: string;
};

export async function createDocument({
  userId,
  workspaceId,
  input,
  original,
  importId,
}: CreateDocumentOptions) {
  await requireMembership({ userId, workspaceId, permission: "addDocument" });

  // Normalised once here so that every stored offset refers to stable text.
  const text = normalizeText(input.text);

  if (text.length === 0) {
    throw new AppError("INVALID_INPUT", "Paste the article text.", {
      text: ["Paste the article text."],
    });
  }

  return getDb().$transaction(async (tx) => {
    let kept = original;
    if (importId) {
      const draft = await tx.importDraft.findFirst({
        where: { id: importId, userId, workspaceId },
        select: { content: true, contentType: true },
      });
      if (!draft) {
        throw new AppError(
          "INVALID_INPUT",
          "The imported page or file is no longer available (drafts are kept for a day). Import it again.",
        );
      }
      kept = { content: draft.content, type: draft.contentType };
      await tx.importDraft.delete({ where: { id: importId } });
    }

    const document = await tx.document.create({
      data: {
        workspaceId,
        createdById: userId,
        title: input.title,
        text,
        textHash: hashText(text),
        kind: input.kind,
        sourceUrl: input.sourceUrl ?? null,
        outlet: input.outlet ?? null,
        author: input.author ?? null,
        publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
        originalContent: kept?.content ?? input.text,
        originalType: kept?.type ?? "text/plain",
        revisions: {
          create: {
            version: 1,
            title: input.title,
            text,
            textHash: hashText(text),
            createdById: userId,
          },
        },
      },
      select: { id: true, title: true, version: true, textHash: true },
    });

    await recordAuditEvent({
      tx,
      workspaceId,
      actorId: userId,
      action: "document.create",
      entityType: "document",
      entityId: document.id,
      after: document,
    });

    return document;
  });
}
