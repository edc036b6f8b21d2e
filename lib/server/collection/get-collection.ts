import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

// A collection with its documents in order, for any member; editors also get the
// workspace's other documents to add.
export async function getCollection({
  userId,
  collectionId,
}: {
  userId: string;
  collectionId: string;
}) {
  const db = getDb();
  const collection = await db.collection.findFirst({
    where: { id: collectionId, workspace: { members: { some: { userId } } } },
    select: {
      id: true,
      name: true,
      description: true,
      workspaceId: true,
      workspace: { select: { name: true, members: { where: { userId }, select: { role: true } } } },
      documents: {
        orderBy: [{ position: "asc" }, { documentId: "asc" }],
        select: {
          document: { select: { id: true, title: true, outlet: true, publishedAt: true } },
        },
      },
    },
  });
  const role = collection?.workspace.members[0]?.role;

  if (!collection || !role) {
    throw notFound("This collection");
  }

  const documents = collection.documents.map(({ document }) => ({
    id: document.id,
    title: document.title,
    outlet: document.outlet,
    publishedAt: document.publishedAt?.toISOString().slice(0, 10) ?? null,
  }));
  const available = can(role, "editDocument")
    ? await db.document.findMany({
        where: {
          workspaceId: collection.workspaceId,
          id: { notIn: documents.map((document) => document.id) },
        },
        orderBy: { createdAt: "desc" },
        select: { id: true, title: true, outlet: true },
      })
    : [];

  return {
    id: collection.id,
    name: collection.name,
    description: collection.description,
    workspaceId: collection.workspaceId,
    workspaceName: collection.workspace.name,
    role,
    documents,
    available,
  };
}
