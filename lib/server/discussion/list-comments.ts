import "server-only";

import { getDb } from "@/lib/db/client";

import { commentRecordSelect, toCommentRecord, viewCommentFor } from "./comment-view";
import { findVisibleAnnotation } from "./find-visible-annotation";

type ListCommentsOptions = { userId: string; annotationId: string };

// One highlight's thread, oldest first (pinned replies are shown first by the client).
export async function listComments({ userId, annotationId }: ListCommentsOptions) {
  const { policy } = await findVisibleAnnotation({ userId, annotationId });

  const rows = await getDb().comment.findMany({
    where: { annotationId },
    orderBy: { createdAt: "asc" },
    select: commentRecordSelect,
  });

  return rows.map((row) => viewCommentFor(policy, toCommentRecord(row)));
}
