import "server-only";

import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { AssignmentFormData } from "@/lib/validations/assignment";

import { recordAuditEvent } from "../audit/record-audit-event";
import { publishLiveEvent } from "../live/publish-live-event";
import { requireMembership } from "../workspace/require-membership";

import { findAssignment } from "./find-assignment";

type SaveAssignmentOptions = {
  userId: string;
  workspaceId: string;
  // Absent: create a new assignment.
  assignmentId?: string;
  input: AssignmentFormData;
};

async function checkReferences(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  input: AssignmentFormData,
) {
  const documentIds = [...new Set(input.documentIds)];
  const found = await tx.document.count({ where: { id: { in: documentIds }, workspaceId } });
  if (found !== documentIds.length) {
    const message = "Some of the chosen documents are not in this workspace.";
    throw new AppError("INVALID_INPUT", message, { documentIds: [message] });
  }
  if (input.codebookId) {
    const codebook = await tx.codebook.findFirst({
      where: { id: input.codebookId, workspaceId, status: "PUBLISHED" },
      select: { id: true },
    });
    if (!codebook) {
      const message = "Choose a published codebook of this workspace.";
      throw new AppError("INVALID_INPUT", message, { codebookId: [message] });
    }
  }
  return documentIds;
}

// Creates or edits an assignment (instructors only). Documents keep the order chosen.
// Changing the documents or the mode changes who sees what, so readers are told.
export async function saveAssignment({
  userId,
  workspaceId,
  assignmentId,
  input,
}: SaveAssignmentOptions): Promise<{ id: string; workspaceId: string }> {
  if (assignmentId) {
    const existing = await findAssignment({ userId, assignmentId, permission: "teachClass" });
    workspaceId = existing.workspaceId;
  } else {
    await requireMembership({ userId, workspaceId, permission: "teachClass" });
  }

  return getDb().$transaction(async (tx) => {
    const documentIds = await checkReferences(tx, workspaceId, input);
    const fields = {
      title: input.title,
      instructions: input.instructions,
      codebookId: input.codebookId,
      dueAt: input.dueAt,
    };

    let id: string;
    let before: Prisma.InputJsonValue | undefined;
    if (assignmentId) {
      const current = await tx.assignment.findUniqueOrThrow({
        where: { id: assignmentId },
        select: {
          title: true,
          mode: true,
          dueAt: true,
          documents: { select: { documentId: true } },
        },
      });
      before = {
        title: current.title,
        mode: current.mode,
        dueAt: current.dueAt?.toISOString() ?? null,
        documentIds: current.documents.map((link) => link.documentId),
      };
      // Switching away from REVEALED here hides again; switching to it reveals now.
      const modeFields =
        current.mode === input.mode
          ? {}
          : { mode: input.mode, revealedAt: input.mode === "REVEALED" ? new Date() : null };
      await tx.assignment.update({
        where: { id: assignmentId },
        data: { ...fields, ...modeFields },
      });
      await tx.assignmentDocument.deleteMany({ where: { assignmentId } });
      // Key highlights on documents that left the assignment leave the key.
      await tx.answerKeyAnnotation.deleteMany({
        where: { assignmentId, annotation: { documentId: { notIn: documentIds } } },
      });
      id = assignmentId;
    } else {
      const created = await tx.assignment.create({
        data: {
          ...fields,
          workspaceId,
          mode: input.mode,
          revealedAt: input.mode === "REVEALED" ? new Date() : null,
          createdById: userId,
        },
        select: { id: true },
      });
      id = created.id;
    }

    await tx.assignmentDocument.createMany({
      data: documentIds.map((documentId, position) => ({ assignmentId: id, documentId, position })),
    });

    await recordAuditEvent({
      tx,
      workspaceId,
      actorId: userId,
      action: assignmentId ? "assignment.update" : "assignment.create",
      entityType: "workspace",
      entityId: workspaceId,
      ...(before ? { before } : {}),
      after: {
        assignmentId: id,
        title: input.title,
        mode: input.mode,
        dueAt: input.dueAt?.toISOString() ?? null,
        documentIds,
      },
    });
    await publishLiveEvent({
      tx,
      workspaceId,
      documentId: null,
      kind: "class.changed",
      payload: { reason: "assignment", assignmentId: id },
    });

    return { id, workspaceId };
  });
}
