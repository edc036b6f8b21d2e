import "server-only";

import { can, type Permission } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { forbidden, notFound } from "@/lib/errors/app-error";

// What agreement across documents is measured over: one document, a collection, or the
// whole workspace.
export type ProjectRef = { kind: "document" | "collection" | "workspace"; id: string };

export type ResolvedProject = {
  kind: ProjectRef["kind"];
  id: string;
  workspaceId: string;
  workspaceName: string;
  name: string;
  role: Role;
  // In the project's order (collection position, else newest first).
  documentIds: string[];
};

// The most documents one project view computes over; past it, a collection narrows it down.
export const maxProjectDocuments = 200;

const forbiddenMessage =
  "Agreement views show who marked what, so they are for editors and owners.";

// The membership check is part of each query: outsiders get "not found", members whose
// role lacks `permission` get "forbidden".
export async function resolveProject({
  userId,
  project,
  permission,
}: {
  userId: string;
  project: ProjectRef;
  permission: Permission;
}): Promise<ResolvedProject> {
  const db = getDb();
  const member = { members: { where: { userId }, select: { role: true } } } as const;
  let resolved: ResolvedProject | null = null;

  if (project.kind === "document") {
    const document = await db.document.findFirst({
      where: { id: project.id, workspace: { members: { some: { userId } } } },
      select: {
        id: true,
        title: true,
        workspaceId: true,
        workspace: { select: { name: true, ...member } },
      },
    });
    const role = document?.workspace.members[0]?.role;
    if (document && role) {
      resolved = {
        ...project,
        workspaceId: document.workspaceId,
        workspaceName: document.workspace.name,
        name: document.title,
        role,
        documentIds: [document.id],
      };
    }
  } else if (project.kind === "collection") {
    const collection = await db.collection.findFirst({
      where: { id: project.id, workspace: { members: { some: { userId } } } },
      select: {
        name: true,
        workspaceId: true,
        workspace: { select: { name: true, ...member } },
        documents: {
          orderBy: [{ position: "asc" }, { documentId: "asc" }],
          select: { documentId: true },
        },
      },
    });
    const role = collection?.workspace.members[0]?.role;
    if (collection && role) {
      resolved = {
        ...project,
        workspaceId: collection.workspaceId,
        workspaceName: collection.workspace.name,
        name: collection.name,
        role,
        documentIds: collection.documents.map((entry) => entry.documentId),
      };
    }
  } else {
    const workspace = await db.workspace.findFirst({
      where: { id: project.id, members: { some: { userId } } },
      select: {
        name: true,
        ...member,
        documents: {
          orderBy: { createdAt: "desc" },
          select: { id: true },
          take: maxProjectDocuments + 1,
        },
      },
    });
    const role = workspace?.members[0]?.role;
    if (workspace && role) {
      resolved = {
        ...project,
        workspaceId: project.id,
        workspaceName: workspace.name,
        name: workspace.name,
        role,
        documentIds: workspace.documents.map((document) => document.id),
      };
    }
  }

  if (!resolved) {
    throw notFound(
      project.kind === "document"
        ? "This document"
        : project.kind === "collection"
          ? "This collection"
          : "This workspace",
    );
  }
  if (!can(resolved.role, permission)) {
    throw forbidden(permission === "viewAgreement" ? forbiddenMessage : undefined);
  }

  return resolved;
}
