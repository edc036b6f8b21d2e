import "server-only";

import { getDb } from "@/lib/db/client";

type GetDocumentSectionsOptions = { userId: string; documentId: string };

// Which of a document's pages apply: its submission panel (in the review flow or a
// submission kind), and the side-by-side view (an analysis and its article).
export async function getDocumentSections({ userId, documentId }: GetDocumentSectionsOptions) {
  const document = await getDb().document.findFirst({
    where: { id: documentId, workspace: { members: { some: { userId } } } },
    select: {
      kind: true,
      submissionStatus: true,
      analysedDocumentId: true,
      _count: { select: { analyses: true } },
    },
  });

  return {
    hasSubmission:
      document !== null && (document.submissionStatus !== null || document.kind !== "ARTICLE"),
    hasSideBySide:
      document !== null && (document.analysedDocumentId !== null || document._count.analyses > 0),
  };
}
