import "server-only";

import { canSeeAuthor, decideViewerPolicy } from "@/lib/classes/visibility";
import type { InsightDocument } from "@/lib/insight/types";

import { loadClassContexts } from "../assignment/load-class-contexts";

// The documents as this person may see them, for views that pool highlights without naming
// anyone (profiles, the outlet comparison): a blind assignment's classmates and unreleased
// answer-key material must not show through counts, sources or quoted passages. The gold
// set is kept only when every highlight of it is visible; a part of it would pass for the
// whole, so otherwise the profile falls back to the highlights the person may see.
export async function filterVisibleDocuments(
  documents: readonly InsightDocument[],
  { userId, workspaceId }: { userId: string; workspaceId: string },
): Promise<InsightDocument[]> {
  const contexts = await loadClassContexts({
    workspaceId,
    documentIds: documents.map((document) => document.id),
  });
  const now = new Date();

  return documents.map((document) => {
    const context = contexts.get(document.id);
    if (!context) {
      return { ...document, spans: [], gold: [], annotators: [] };
    }
    const policy = decideViewerPolicy(context, userId, now);
    const visible = (authorId: string) => canSeeAuthor(policy, authorId);
    return {
      ...document,
      spans: document.spans.filter((span) => visible(span.annotatorId)),
      annotators: document.annotators.filter((annotator) => visible(annotator.id)),
      gold: document.gold.every((span) => visible(span.annotatorId)) ? document.gold : [],
    };
  });
}
