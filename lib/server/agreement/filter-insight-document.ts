import "server-only";

import { canSeeAuthor, type ViewerPolicy } from "@/lib/classes/visibility";
import type { InsightDocument } from "@/lib/insight/types";

// The highlights of an insight document this viewer may see (lib/classes/visibility.ts):
// profiles and comparisons open to every member pool only these, so a blind assignment's
// classmates, or the instructor's answer-key material, do not show through counts, sources
// or quotes. A null policy (no class context) leaves nothing to hide.
export function filterInsightDocument(
  document: InsightDocument,
  policy: ViewerPolicy | null,
): InsightDocument {
  if (!policy) {
    return document;
  }
  return {
    ...document,
    spans: document.spans.filter((span) => canSeeAuthor(policy, span.annotatorId)),
    annotators: document.annotators.filter((annotator) => canSeeAuthor(policy, annotator.id)),
  };
}
