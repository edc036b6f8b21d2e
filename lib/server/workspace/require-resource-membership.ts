import "server-only";

import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { idSchema } from "@/lib/validations/workspace";

export type ResourceKind = "workspace" | "document" | "annotation" | "assignment" | "codebook";

// Named as the use cases name them, so the early answer reads like theirs.
const names: Record<ResourceKind, string> = {
  workspace: "This workspace",
  document: "This document",
  annotation: "This highlight",
  assignment: "This assignment",
  codebook: "This codebook",
};

type RequireResourceMembershipOptions = {
  userId: string;
  kind: ResourceKind;
  // Straight from the request: anything that is not a well-formed id names nothing.
  id: unknown;
};

// The first check of a server action, before its input is validated: the caller must be a
// member of the workspace the named thing (live or deleted) belongs to. A malformed id, an
// id that does not exist and another workspace's id all get the same "not found", so an
// outsider learns nothing, not even which fields are wrong. Roles stay with the use case.
export async function requireResourceMembership({
  userId,
  kind,
  id,
}: RequireResourceMembershipOptions): Promise<void> {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) {
    throw notFound(names[kind]);
  }

  const member = { members: { some: { userId } } };
  const db = getDb();
  const where = { id: parsed.data };
  const found = await {
    workspace: () => db.workspace.count({ where: { ...where, ...member } }),
    document: () => db.document.count({ where: { ...where, workspace: member } }),
    annotation: () => db.annotation.count({ where: { ...where, document: { workspace: member } } }),
    assignment: () => db.assignment.count({ where: { ...where, workspace: member } }),
    codebook: () => db.codebook.count({ where: { ...where, workspace: member } }),
  }[kind]();

  if (found === 0) {
    throw notFound(names[kind]);
  }
}
