import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import { notFound } from "@/lib/errors/app-error";

type LoadSubmissionOptions = { tx: Prisma.TransactionClient; userId: string; documentId: string };

// A document with what the review rules need, for a member of its workspace only:
// anyone else (another workspace included) gets "not found".
export async function loadSubmissionForUpdate({ tx, userId, documentId }: LoadSubmissionOptions) {
  const document = await tx.document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: {
      id: true,
      workspaceId: true,
      title: true,
      text: true,
      version: true,
      createdById: true,
      reviewerId: true,
      submissionStatus: true,
      workspace: {
        select: {
          allowSelfApproval: true,
          members: { where: { userId }, select: { role: true } },
        },
      },
    },
  });
  const role = document?.workspace.members[0]?.role;

  if (!document || !role) {
    throw notFound("This submission");
  }

  return {
    document,
    role,
    actor: {
      role,
      isAuthor: document.createdById === userId,
      isReviewer: document.reviewerId === userId,
    },
  };
}
