import "server-only";

import { can, type Permission } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { forbidden, notFound } from "@/lib/errors/app-error";

type FindAssignmentOptions = {
  userId: string;
  assignmentId: string;
  permission: Permission;
  tx?: Prisma.TransactionClient;
  forbiddenMessage?: string;
};

// The membership check is part of the query: an instructor of another class gets "not
// found" for this class's assignments, exactly like a stranger.
export async function findAssignment({
  userId,
  assignmentId,
  permission,
  tx,
  forbiddenMessage,
}: FindAssignmentOptions) {
  const assignment = await (tx ?? getDb()).assignment.findFirst({
    where: { id: assignmentId, workspace: { members: { some: { userId } } } },
    select: {
      id: true,
      workspaceId: true,
      title: true,
      instructions: true,
      codebookId: true,
      dueAt: true,
      mode: true,
      revealNames: true,
      revealedAt: true,
      createdAt: true,
      workspace: {
        select: { name: true, members: { where: { userId }, select: { role: true } } },
      },
      documents: {
        orderBy: { position: "asc" },
        select: { document: { select: { id: true, title: true, version: true } } },
      },
    },
  });
  const role = assignment?.workspace.members[0]?.role;

  if (!assignment || !role) {
    throw notFound("This assignment");
  }
  if (!can(role, permission)) {
    throw forbidden(forbiddenMessage);
  }

  const { workspace, documents, ...rest } = assignment;
  return {
    ...rest,
    workspaceName: workspace.name,
    role,
    documents: documents.map((link) => link.document),
  };
}

export type FoundAssignment = Awaited<ReturnType<typeof findAssignment>>;
