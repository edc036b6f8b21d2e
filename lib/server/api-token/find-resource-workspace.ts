import "server-only";

import { getDb } from "@/lib/db/client";

export type ApiResource = { documentId: string } | { annotationId: string };

// The workspace a document or highlight (live or deleted) belongs to, or null when it
// does not exist. Used only to keep a token inside its workspace; permission checks
// stay in the use cases.
export async function findResourceWorkspace(resource: ApiResource): Promise<string | null> {
  const db = getDb();

  if ("documentId" in resource) {
    const document = await db.document.findUnique({
      where: { id: resource.documentId },
      select: { workspaceId: true },
    });
    return document?.workspaceId ?? null;
  }

  const annotation = await db.annotation.findUnique({
    where: { id: resource.annotationId },
    select: { document: { select: { workspaceId: true } } },
  });
  return annotation?.document.workspaceId ?? null;
}
