import "server-only";

import { createHash } from "node:crypto";

import {
  numberStudents,
  type ClassAssignment,
  type ClassMember,
  type DocumentClassContext,
} from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";

type LoadClassContextsOptions = { workspaceId: string; documentIds: readonly string[] };

// loadClassContext for many documents of one workspace in two queries (the members once,
// then every document's assignments), for lists that apply the class rules per document:
// the workspace's document list, the collection comparison. The caller checks that the
// person asking may read the workspace. Documents of another workspace are left out.
export async function loadClassContexts({
  workspaceId,
  documentIds,
}: LoadClassContextsOptions): Promise<Map<string, DocumentClassContext>> {
  const db = getDb();
  const [workspace, documents] = await Promise.all([
    db.workspace.findUnique({
      where: { id: workspaceId },
      select: {
        pseudonymSalt: true,
        members: {
          select: { userId: true, role: true, displayName: true, user: { select: { name: true } } },
        },
      },
    }),
    db.document.findMany({
      where: { id: { in: [...documentIds] }, workspaceId },
      select: {
        id: true,
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
    }),
  ]);

  const contexts = new Map<string, DocumentClassContext>();
  if (!workspace) {
    return contexts;
  }
  const members = new Map<string, ClassMember>(
    workspace.members.map((member) => [
      member.userId,
      {
        userId: member.userId,
        role: member.role,
        name: member.user.name,
        displayName: member.displayName,
      },
    ]),
  );

  for (const document of documents) {
    const assignments: ClassAssignment[] = document.assignments.map((link) => link.assignment);
    contexts.set(document.id, {
      documentId: document.id,
      workspaceId,
      members,
      assignments,
      pseudonyms: numberStudents(members.values(), (userId) =>
        createHash("sha256")
          .update(`${workspace.pseudonymSalt}:${document.id}:${userId}`)
          .digest("hex"),
      ),
    });
  }
  return contexts;
}
