import "server-only";

import { getDb } from "@/lib/db/client";

import { findVisibleAnnotation } from "./find-visible-annotation";

type MarkThreadReadOptions = { userId: string; annotationId: string; now?: Date };

// Clears the unread marker of a thread for this person.
export async function markThreadRead({
  userId,
  annotationId,
  now = new Date(),
}: MarkThreadReadOptions) {
  await findVisibleAnnotation({ userId, annotationId });
  await getDb().threadRead.upsert({
    where: { annotationId_userId: { annotationId, userId } },
    create: { annotationId, userId, lastReadAt: now },
    update: { lastReadAt: now },
  });
}
