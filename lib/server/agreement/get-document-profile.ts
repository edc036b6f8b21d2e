import "server-only";

import { computeArticleProfile, type ArticleProfile } from "@/lib/insight/profile";

import { filterVisibleDocuments } from "./filter-visible-documents";
import { loadInsightDocuments } from "./load-insight-documents";
import { resolveProject } from "./resolve-project";

// Every member may see a document's profile: it pools annotators (or rests on the gold set)
// and names nobody. It pools only the highlights this person may see, so a blind
// assignment's classmates do not show through the counts.
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
  const document = (
    await filterVisibleDocuments(documents, { userId, workspaceId: project.workspaceId })
  )[0]!;
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
