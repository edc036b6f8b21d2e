import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { hashText } from "@/lib/text/hash-text";
import { normalizeText } from "@/lib/text/normalize-text";
import type { UpdateDocumentData } from "@/lib/validations/document";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";

import { documentConflict } from "./document-conflict";
import { reanchorDocumentAnnotations, type ReanchorSummary } from "./reanchor-document-annotations";

type UpdateDocumentOptions = { userId: string; documentId: string; input: UpdateDocumentData };

export type UpdateDocumentResult = {
  id: string;
  workspaceId: string;
  version: number;
  reanchored: ReanchorSummary;
};

// Editors may edit any document of their workspace; an annotator may revise a
// document they added themselves (a contributor's own draft).
export async function updateDocument({
  userId,
  documentId,
  input,
}: UpdateDocumentOptions): Promise<UpdateDocumentResult> {
  const text = normalizeText(input.text);
  if (text.length === 0) {
    throw new AppError("INVALID_INPUT", "Paste the article text.", {
      text: ["Paste the article text."],
    });
  }

  return getDb().$transaction(async (tx) => {
    const document = await tx.document.findFirst({
      where: { id: documentId, workspace: { members: { some: { userId } } } },
      select: {
        id: true,
        workspaceId: true,
        title: true,
        text: true,
        version: true,
        createdById: true,
        sourceUrl: true,
        outlet: true,
        author: true,
        publishedAt: true,
        kind: true,
        workspace: { select: { members: { where: { userId }, select: { role: true } } } },
      },
    });
    const role = document?.workspace.members[0]?.role;

    if (!document || !role) {
      throw notFound("This document");
    }
    const isOwnDraft = document.createdById === userId && can(role, "annotate");
    if (!can(role, "editDocument") && !isOwnDraft) {
      throw forbidden("Only editors, or the person who added this document, can edit it.");
    }

    const isTextChanged = text !== document.text;
    const newVersion = isTextChanged ? document.version + 1 : document.version;

    // The version check is in the UPDATE itself, so two concurrent saves cannot both win.
    const { count } = await tx.document.updateMany({
      where: { id: documentId, version: input.version },
      data: {
        title: input.title,
        text,
        textHash: hashText(text),
        version: newVersion,
        kind: input.kind,
        sourceUrl: input.sourceUrl ?? null,
        outlet: input.outlet ?? null,
        author: input.author ?? null,
        publishedAt: input.publishedAt ? new Date(`${input.publishedAt}T00:00:00Z`) : null,
      },
    });
    if (count === 0) {
      throw await documentConflict({ tx, documentId, yours: { ...input, text } });
    }

    let reanchored: ReanchorSummary = { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
    if (isTextChanged) {
      await tx.documentRevision.create({
        data: {
          documentId,
          version: newVersion,
          title: input.title,
          text,
          textHash: hashText(text),
          createdById: userId,
        },
      });
      reanchored = await reanchorDocumentAnnotations({
        tx,
        workspaceId: document.workspaceId,
        actorId: userId,
        documentId,
        oldText: document.text,
        newText: text,
        newVersion,
      });
    }

    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: "document.update",
      entityType: "document",
      entityId: documentId,
      before: {
        title: document.title,
        version: document.version,
        textHash: hashText(document.text),
      },
      after: { title: input.title, version: newVersion, textHash: hashText(text), reanchored },
    });

    // Readers of the document get the new text and their re-anchored highlights live, or
    // just the new title for their page header (last in the transaction: the live event's
    // lock is held until commit).
    if (isTextChanged || input.title !== document.title) {
      await publishLiveEvent({
        tx,
        workspaceId: document.workspaceId,
        documentId,
        kind: "document.changed",
        payload: { version: newVersion, title: input.title },
      });
    }

    return { id: documentId, workspaceId: document.workspaceId, version: newVersion, reanchored };
  });
}
