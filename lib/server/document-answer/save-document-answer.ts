import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import type { SaveDocumentAnswerData } from "@/lib/validations/document-answer";

import { assertHighlightsEditable } from "../assignment/assert-highlights-editable";
import { recordAuditEvent } from "../audit/record-audit-event";
import { findReaderCodebook } from "../codebook/find-reader-codebook";

import { documentAnswerViewSelect, toDocumentAnswerView } from "./document-answer-view";

type SaveDocumentAnswerOptions = {
  userId: string;
  documentId: string;
  input: SaveDocumentAnswerData;
};

function invalid(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { [field]: [message] });
}

// Saves the person's own answer to one whole-document dimension of the codebook the
// document is read with: its labels (one or several, as the dimension says) and/or text.
// An empty answer removes it. Same rules as highlights: annotators and up, own answers
// only, frozen after handing in an assignment. Null when the answer was cleared.
export async function saveDocumentAnswer({ userId, documentId, input }: SaveDocumentAnswerOptions) {
  const db = getDb();

  const document = await db.document.findFirst({
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
  if (!can(role, "annotate")) {
    throw forbidden("Viewers can read answers but not give them.");
  }

  return db.$transaction(async (tx) => {
    await assertHighlightsEditable({ tx, userId, documentId });

    const codebook = await findReaderCodebook({
      tx,
      workspaceId: document.workspaceId,
      documentId,
    });
    const dimension = codebook?.dimensions.find(
      (candidate) => candidate.key === input.dimensionKey && candidate.scope === "DOCUMENT",
    );
    if (!dimension) {
      throw invalid(
        "dimensionKey",
        `“${input.dimensionKey}” is not a whole-document dimension of this document's codebook. Reload the page to answer with the current codebook.`,
      );
    }

    const labelIds = [...new Set(input.labelIds)];
    const known = new Set(dimension.labels.map((label) => label.id));
    const unknown = labelIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw invalid(
        "labelIds",
        `These are not labels of ${dimension.name} (reload the page for the current codebook): ${unknown.join(", ")}.`,
      );
    }
    if (!dimension.multiple && labelIds.length > 1) {
      throw invalid("labelIds", `${dimension.name} takes one label.`);
    }
    const text = input.text.trim() || null;

    const existing = await tx.documentAnswer.findUnique({
      where: {
        documentId_authorId_dimensionKey: {
          documentId,
          authorId: userId,
          dimensionKey: dimension.key,
        },
      },
      select: documentAnswerViewSelect,
    });
    const before = existing ? toDocumentAnswerView(existing) : undefined;

    if (labelIds.length === 0 && text === null) {
      if (existing) {
        await tx.documentAnswer.delete({ where: { id: existing.id } });
        await recordAuditEvent({
          tx,
          workspaceId: document.workspaceId,
          actorId: userId,
          action: "document.answer.delete",
          entityType: "document",
          entityId: documentId,
          before,
        });
      }
      return null;
    }

    const saved = await tx.documentAnswer.upsert({
      where: {
        documentId_authorId_dimensionKey: {
          documentId,
          authorId: userId,
          dimensionKey: dimension.key,
        },
      },
      create: {
        documentId,
        authorId: userId,
        dimensionKey: dimension.key,
        text,
        labels: { create: labelIds.map((labelId) => ({ labelId })) },
      },
      update: {
        text,
        labels: { deleteMany: {}, create: labelIds.map((labelId) => ({ labelId })) },
      },
      select: documentAnswerViewSelect,
    });
    const after = toDocumentAnswerView(saved);

    await recordAuditEvent({
      tx,
      workspaceId: document.workspaceId,
      actorId: userId,
      action: "document.answer.save",
      entityType: "document",
      entityId: documentId,
      ...(before ? { before } : {}),
      after,
    });

    return after;
  });
}
