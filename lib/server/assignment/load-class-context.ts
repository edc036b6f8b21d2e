import "server-only";

import { createHash } from "node:crypto";

import {
  numberStudents,
  type ClassAssignment,
  type ClassMember,
  type DocumentClassContext,
} from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

type LoadClassContextOptions = {
  documentId: string;
  tx?: Prisma.TransactionClient;
};

// Everything the visibility rules need about one document: the workspace's members, and
// the assignments that contain the document with their hand-ins. Two queries, whatever
// the number of viewers; the live stream shares one context among a document's readers.
// The caller checks that the person asking may read the document. Null: no such document.
export async function loadClassContext({
  documentId,
  tx,
}: LoadClassContextOptions): Promise<DocumentClassContext | null> {
  const db = tx ?? getDb();

  const document = await db.document.findUnique({
    where: { id: documentId },
    select: {
      workspaceId: true,
      workspace: {
        select: {
          pseudonymSalt: true,
          members: {
            select: {
              userId: true,
              role: true,
              displayName: true,
              user: { select: { name: true } },
            },
          },
        },
      },
      assignments: {
        select: {
          assignment: {
            select: {
              id: true,
              title: true,
              mode: true,
              revealNames: true,
              revealedAt: true,
              dueAt: true,
              submissions: { select: { userId: true, submittedAt: true, reopenedAt: true } },
            },
          },
        },
      },
    },
  });

  if (!document) {
    return null;
  }

  const members = new Map<string, ClassMember>(
    document.workspace.members.map((member) => [
      member.userId,
      {
        userId: member.userId,
        role: member.role,
        name: member.user.name,
        displayName: member.displayName,
      },
    ]),
  );
  const assignments: ClassAssignment[] = document.assignments.map((link) => link.assignment);
  const salt = document.workspace.pseudonymSalt;

  return {
    documentId,
    workspaceId: document.workspaceId,
    members,
    assignments,
    pseudonyms: numberStudents(members.values(), (userId) =>
      createHash("sha256").update(`${salt}:${documentId}:${userId}`).digest("hex"),
    ),
  };
}
