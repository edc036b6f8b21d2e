import "server-only";

import { can, hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

type GetSubmissionOptions = { userId: string; documentId: string };

// Everything the submission panel shows, for members of the document's workspace.
export async function getSubmission({ userId, documentId }: GetSubmissionOptions) {
  const db = getDb();
  const document = await db.document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: {
      id: true,
      workspaceId: true,
      title: true,
      text: true,
      kind: true,
      version: true,
      submissionStatus: true,
      createdAt: true,
      createdBy: { select: { id: true, name: true } },
      reviewer: { select: { id: true, name: true } },
      analysedDocument: { select: { id: true, title: true } },
      analyses: { select: { id: true, title: true }, orderBy: { createdAt: "asc" } },
      provenanceModel: true,
      provenanceDate: true,
      provenancePrompt: true,
      submissionEvents: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          fromStatus: true,
          toStatus: true,
          message: true,
          createdAt: true,
          actor: { select: { id: true, name: true } },
        },
      },
      workspace: {
        select: {
          name: true,
          allowSelfApproval: true,
          members: { where: { userId }, select: { role: true } },
        },
      },
    },
  });
  const role = document?.workspace.members[0]?.role;

  if (!document || !role) {
    throw notFound("This document");
  }

  const reviewers = can(role, "manageReview")
    ? (
        await db.membership.findMany({
          where: { workspaceId: document.workspaceId },
          orderBy: { user: { name: "asc" } },
          select: { role: true, user: { select: { id: true, name: true } } },
        })
      )
        .filter(
          (member) => hasRole(member.role, "ANNOTATOR") && member.user.id !== document.createdBy.id,
        )
        .map((member) => member.user)
    : [];

  const { workspace, ...rest } = document;
  return {
    ...rest,
    role,
    workspaceName: workspace.name,
    allowSelfApproval: workspace.allowSelfApproval,
    reviewers,
  };
}
