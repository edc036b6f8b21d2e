import "server-only";

import { decideViewerPolicy } from "@/lib/classes/visibility";
import { computeArticleProfile, type ArticleProfile } from "@/lib/insight/profile";

import { loadClassContext } from "../assignment/load-class-context";

import { filterInsightDocument } from "./filter-insight-document";
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
  const loaded = documents[0]!;
  const context = await loadClassContext({ documentId });
  const policy = context ? decideViewerPolicy(context, userId, new Date()) : null;
  const document = filterInsightDocument(loaded, policy);
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
