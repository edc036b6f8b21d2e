import "server-only";

import { can } from "@/lib/auth/roles";
import { canSeeAuthor, decideViewerPolicy } from "@/lib/classes/visibility";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

import { loadClassContext } from "../assignment/load-class-context";

type GetDocumentHistoryOptions = { userId: string; documentId: string };

const eventSelect = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  createdAt: true,
  actor: { select: { id: true, name: true } },
} as const;

// A document's story for its members: its own audit events (edits, review steps) and
// every highlight ever made on it, deleted ones included, with who may restore them.
export async function getDocumentHistory({ userId, documentId }: GetDocumentHistoryOptions) {
  const db = getDb();
  const document = await db.document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: {
      id: true,
      workspaceId: true,
      title: true,
      version: true,
      workspace: { select: { name: true, members: { where: { userId }, select: { role: true } } } },
    },
  });
  const role = document?.workspace.members[0]?.role;
  if (!document || !role) {
    throw notFound("This document");
  }

  const [events, allAnnotations, context] = await Promise.all([
    db.auditEvent.findMany({
      where: { workspaceId: document.workspaceId, entityType: "document", entityId: documentId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 1000,
      select: eventSelect,
    }),
    db.annotation.findMany({
      where: { documentId },
      orderBy: [{ start: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        exact: true,
        deletedAt: true,
        reviewState: true,
        isGold: true,
        revision: true,
        createdAt: true,
        author: { select: { id: true, name: true } },
      },
    }),
    loadClassContext({ documentId }),
  ]);
  // The class rules hold here too: a blind student's history lists only their own
  // highlights (and, until the key is out, no instructor's).
  const policy = context ? decideViewerPolicy(context, userId, new Date()) : null;
  const annotations = policy
    ? allAnnotations.filter((annotation) => canSeeAuthor(policy, annotation.author.id))
    : allAnnotations;

  const isLead = can(role, "manageReview");
  const { workspace, ...rest } = document;
  return {
    document: { ...rest, workspaceName: workspace.name },
    role,
    events,
    annotations: annotations.map((annotation) => ({
      ...annotation,
      // The author (while they can annotate) or a lead may restore a deleted highlight.
      canRestore:
        annotation.deletedAt !== null &&
        ((annotation.author.id === userId && can(role, "annotate")) || isLead),
    })),
  };
}
