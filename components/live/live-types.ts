import type { AnnotationView } from "@/lib/server/annotation/annotation-view";
import type { CommentView } from "@/lib/server/discussion/comment-view";

// What the document event stream sends (lib/server/live/view-live-event.ts and
// open-live-stream.ts). Presence and "gone" come without an id.
export type LiveMessage =
  | { kind: "annotation.created" | "annotation.updated"; annotation: AnnotationView }
  | { kind: "annotation.deleted"; annotationId: string }
  | { kind: "comment.created" | "comment.updated"; annotationId: string; comment: CommentView }
  | {
      kind: "reaction.changed";
      annotationId: string;
      agree: number;
      disagree: number;
      mine?: "AGREE" | "DISAGREE" | null;
    }
  | { kind: "document.changed"; version: number; title: string }
  | { kind: "refresh"; reason: string }
  | { kind: "presence"; readers: { id: string; name: string }[] }
  | { kind: "gone"; message: string };

export type LiveStatus = "connecting" | "live" | "reconnecting" | "stopped";
