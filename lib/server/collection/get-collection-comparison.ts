import "server-only";

import { compareOutlets, type CollectionComparison } from "@/lib/insight/comparison";

import { filterVisibleInsight } from "../agreement/filter-visible-insight";
import { loadInsightDocuments } from "../agreement/load-insight-documents";
import { resolveProject } from "../agreement/resolve-project";

// Outlets side by side, readable in a class discussion; more columns stop being readable.
export const maxComparedDocuments = 12;

export type CollectionComparisonResult =
  | { status: "ok"; comparison: CollectionComparison }
  | { status: "too-few-documents" | "too-many-documents"; message: string };

// Every member may compare outlets: profiles pool annotators and name nobody, and pool
// only the highlights this person may see (a blind assignment hides classmates' quotes).
export async function getCollectionComparison({
  userId,
  collectionId,
}: {
  userId: string;
  collectionId: string;
}): Promise<CollectionComparisonResult> {
  const project = await resolveProject({
    userId,
    project: { kind: "collection", id: collectionId },
    permission: "readWorkspace",
  });

  if (project.documentIds.length < 2) {
    return {
      status: "too-few-documents",
      message: "Add at least two documents to compare their outlets side by side.",
    };
  }
  if (project.documentIds.length > maxComparedDocuments) {
    return {
      status: "too-many-documents",
      message: `This collection has ${project.documentIds.length} documents; the side-by-side comparison shows at most ${maxComparedDocuments}. Make a smaller collection for the outlets you want to compare.`,
    };
  }

  const { documents, dimensions } = await loadInsightDocuments({
    workspaceId: project.workspaceId,
    documentIds: project.documentIds,
  });
  const visible = await filterVisibleInsight({ userId, documents });
  return { status: "ok", comparison: compareOutlets(visible, dimensions) };
}
