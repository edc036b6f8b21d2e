import "server-only";

import { notFound } from "@/lib/errors/app-error";
import { computeArticleProfile, type ArticleProfile } from "@/lib/insight/profile";

import { filterVisibleInsight } from "./filter-visible-insight";
import { loadInsightDocuments } from "./load-insight-documents";
import { resolveProject } from "./resolve-project";

// Every member may see a document's profile: it pools annotators and names nobody. It
// pools only the highlights this person may see, so a blind assignment's classmates do
// not show through the counts.
export async function getDocumentProfile({
  userId,
  documentId,
}: {
  userId: string;
  documentId: string;
}) {
  const project = await resolveProject({
    userId,
    project: { kind: "document", id: documentId },
    permission: "readWorkspace",
  });
  const { documents, dimensions } = await loadInsightDocuments({
    workspaceId: project.workspaceId,
    documentIds: [documentId],
  });
  const [document] = await filterVisibleInsight({ userId, documents });
  if (!document) {
    throw notFound("This document");
  }
  const profile: ArticleProfile = computeArticleProfile(document, dimensions);

  return {
    document: {
      id: document.id,
      workspaceId: project.workspaceId,
      workspaceName: project.workspaceName,
      title: document.title,
      outlet: document.outlet,
      publishedAt: document.publishedAt,
    },
    role: project.role,
    profile,
  };
}
