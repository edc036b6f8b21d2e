import "server-only";

import { canSeeAuthor, decideViewerPolicy } from "@/lib/classes/visibility";
import type { InsightDocument } from "@/lib/insight/types";

import { loadClassContext } from "../assignment/load-class-context";

// The documents' highlights as this person may see them: in a blind assignment a student
// sees only their own, and answer-key material stays hidden until released, so pooled
// views (profiles, outlet comparisons) cannot show classmates' quotes or sources.
export async function filterVisibleInsight({
  userId,
  documents,
}: {
  userId: string;
  documents: InsightDocument[];
}): Promise<InsightDocument[]> {
  const now = new Date();
  return Promise.all(
    documents.map(async (document) => {
      const context = await loadClassContext({ documentId: document.id });
      const policy = context ? decideViewerPolicy(context, userId, now) : null;
      if (!policy) {
        return document;
      }
      return {
        ...document,
        spans: document.spans.filter((span) => canSeeAuthor(policy, span.annotatorId)),
        annotators: document.annotators.filter((annotator) => canSeeAuthor(policy, annotator.id)),
      };
    }),
  );
}
