import "server-only";

import { getDb } from "@/lib/db/client";
import { forbidden } from "@/lib/errors/app-error";
import type { ReactionData } from "@/lib/validations/discussion";

import { publishLiveEvent } from "../live/publish-live-event";

import { findVisibleAnnotation } from "./find-visible-annotation";

type SetReactionOptions = { userId: string; annotationId: string; input: ReactionData };

// Agree or disagree with a classmate's highlight (one reaction per person; null takes it
// back). Reacting to your own highlight says nothing, so it is refused.
export async function setReaction({ userId, annotationId, input }: SetReactionOptions) {
  const { annotation, role } = await findVisibleAnnotation({ userId, annotationId });
  if (role === "VIEWER") {
    throw forbidden("Viewers can read reactions but not react.");
  }
  if (annotation.authorId === userId) {
    throw forbidden("You cannot agree or disagree with your own highlight.");
  }

  return getDb().$transaction(async (tx) => {
    if (input.kind === null) {
      await tx.annotationReaction.deleteMany({ where: { annotationId, userId } });
    } else {
      await tx.annotationReaction.upsert({
        where: { annotationId_userId: { annotationId, userId } },
        create: { annotationId, userId, kind: input.kind },
        update: { kind: input.kind },
      });
    }
    const agree = await tx.annotationReaction.count({ where: { annotationId, kind: "AGREE" } });
    const disagree = await tx.annotationReaction.count({
      where: { annotationId, kind: "DISAGREE" },
    });

    await publishLiveEvent({
      tx,
      workspaceId: annotation.workspaceId,
      documentId: annotation.documentId,
      kind: "reaction.changed",
      payload: {
        annotationId,
        annotationAuthorId: annotation.authorId,
        userId,
        kind: input.kind,
        agree,
        disagree,
      },
    });

    return { agree, disagree, mine: input.kind };
  });
}
