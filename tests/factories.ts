// Row factories for integration tests: each call makes new, uniquely named rows, so
// test files can share one database without seeing each other's data.
import { randomUUID } from "node:crypto";

import type { Role } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { createDocument } from "@/lib/server/document/create-document";
import { createUser } from "@/lib/server/user/create-user";
import { createWorkspace } from "@/lib/server/workspace/create-workspace";
import { createDocumentSchema } from "@/lib/validations/document";

export const testPassword = "correct horse battery";

export async function makeUser(name = "Test User") {
  const email = `${name.toLowerCase().replace(/\W+/g, "-")}-${randomUUID().slice(0, 8)}@example.org`;
  return createUser({ name, email, password: testPassword });
}

export async function makeWorkspaceWithRoles() {
  const [owner, editor, annotator, viewer, outsider] = await Promise.all([
    makeUser("Owner"),
    makeUser("Editor"),
    makeUser("Annotator"),
    makeUser("Viewer"),
    makeUser("Outsider"),
  ]);

  const workspace = await createWorkspace({
    userId: owner.id,
    input: { name: "Class 9B", kind: "CLASS" },
  });
  const otherWorkspace = await createWorkspace({
    userId: outsider.id,
    input: { name: "Elsewhere", kind: "NEWSROOM" },
  });

  const roles: [string, Role][] = [
    [editor.id, "EDITOR"],
    [annotator.id, "ANNOTATOR"],
    [viewer.id, "VIEWER"],
  ];
  await getDb().membership.createMany({
    data: roles.map(([userId, role]) => ({ userId, role, workspaceId: workspace.id })),
  });

  return { owner, editor, annotator, viewer, outsider, workspace, otherWorkspace };
}

export async function makeDocument(
  userId: string,
  workspaceId: string,
  text: string,
  title = "Sample article",
) {
  return createDocument({
    userId,
    workspaceId,
    input: createDocumentSchema.parse({ title, text }),
  });
}

export async function getLabelIds(workspaceId: string) {
  const labels = await getDb().label.findMany({
    where: { dimension: { codebook: { workspaceId } } },
    select: { id: true, key: true, dimension: { select: { key: true } } },
  });
  return Object.fromEntries(
    labels.map((label) => [`${label.dimension.key}:${label.key}`, label.id]),
  ) as Record<string, string>;
}
