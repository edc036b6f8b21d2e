import "server-only";

import { canSeeAuthor, describeAuthor, type ViewerPolicy } from "@/lib/classes/visibility";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";
import { viewCommentFor, type CommentRecord } from "@/lib/server/discussion/comment-view";

// Stored payloads (publish-live-event.ts callers) carry real authors; this turns one into
// what a given viewer may receive, or null when the viewer may not see it at all. The
// same class rules as the page and the API (lib/classes/visibility.ts) decide.

type AnnotationPayload = { annotation: AnnotationView };
type DeletedPayload = { annotationId: string; authorId: string };
type CommentPayload = { annotationId: string; annotationAuthorId: string; comment: CommentRecord };
type ReactionPayload = {
  annotationId: string;
  annotationAuthorId: string;
  userId: string;
  kind: "AGREE" | "DISAGREE" | null;
  agree: number;
  disagree: number;
};

type DocumentChangedPayload = { version: number; title: string };

export type LiveMessage =
  | { kind: "annotation.created" | "annotation.updated"; annotation: AnnotationView }
  | { kind: "annotation.deleted"; annotationId: string }
  | {
      kind: "comment.created" | "comment.updated";
      annotationId: string;
      comment: ReturnType<typeof viewCommentFor>;
    }
  | {
      kind: "reaction.changed";
      annotationId: string;
      agree: number;
      disagree: number;
      // Only present when the viewer is the one who reacted.
      mine?: "AGREE" | "DISAGREE" | null;
    }
  | { kind: "document.changed"; version: number; title: string }
  | { kind: "refresh"; reason: string };

export type ViewedEvent = { cacheKey: string; message: LiveMessage | null };

export function viewLiveEvent(policy: ViewerPolicy, kind: string, payload: unknown): ViewedEvent {
  switch (kind) {
    case "annotation.created":
    case "annotation.updated": {
      const { annotation } = payload as AnnotationPayload;
      if (!canSeeAuthor(policy, annotation.author.id)) {
        return { cacheKey: "hidden", message: null };
      }
      const author = describeAuthor(policy, annotation.author);
      // Built only when the stream has no frame for this audience yet: 200 readers who
      // see the same author share one message (open-live-stream.ts caches frames by key).
      return {
        cacheKey: `${author.id}\u0000${author.name}`,
        get message(): LiveMessage {
          return { kind, annotation: { ...annotation, author } };
        },
      };
    }
    case "annotation.deleted": {
      const { annotationId, authorId } = payload as DeletedPayload;
      return canSeeAuthor(policy, authorId)
        ? { cacheKey: "visible", message: { kind, annotationId } }
        : { cacheKey: "hidden", message: null };
    }
    case "comment.created":
    case "comment.updated": {
      const { annotationId, annotationAuthorId, comment } = payload as CommentPayload;
      if (!canSeeAuthor(policy, annotationAuthorId)) {
        return { cacheKey: "hidden", message: null };
      }
      const view = viewCommentFor(policy, comment);
      return {
        cacheKey: `${view.author.id}\u0000${view.author.name}\u0000${view.body.length}\u0000${view.mentionNames.join(",")}`,
        message: { kind, annotationId, comment: view },
      };
    }
    case "reaction.changed": {
      const reaction = payload as ReactionPayload;
      if (!canSeeAuthor(policy, reaction.annotationAuthorId)) {
        return { cacheKey: "hidden", message: null };
      }
      const isMine = reaction.userId === policy.userId;
      return {
        cacheKey: isMine ? `mine:${policy.userId}` : "others",
        message: {
          kind,
          annotationId: reaction.annotationId,
          agree: reaction.agree,
          disagree: reaction.disagree,
          ...(isMine ? { mine: reaction.kind } : {}),
        },
      };
    }
    case "document.changed": {
      // The text is the same for every member; each reader then fetches the re-anchored
      // highlights through the API, which applies the class rules to them.
      const { version, title } = payload as DocumentChangedPayload;
      return { cacheKey: "all", message: { kind, version, title } };
    }
    default:
      return { cacheKey: "unknown", message: null };
  }
}
