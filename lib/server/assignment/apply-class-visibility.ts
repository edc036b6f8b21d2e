import "server-only";

import {
  canSeeAuthor,
  decideViewerPolicy,
  describeAuthor,
  type ViewerPolicy,
} from "@/lib/classes/visibility";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";

import { loadClassContext } from "./load-class-context";

// Any listing of highlights that names their authors (the full view, or the reader's).
type WithAuthor = Pick<AnnotationView, "author">;

type ApplyClassVisibilityOptions<T extends WithAuthor> = {
  userId: string;
  documentId: string;
  annotations: T[];
};

// The highlights of one document as this person may see them: blind assignments keep
// classmates' highlights out, answer-key material stays hidden until released, and
// classmates are named by display name or "Student N" (lib/classes/visibility.ts).
export async function applyClassVisibility<T extends WithAuthor>({
  userId,
  documentId,
  annotations,
}: ApplyClassVisibilityOptions<T>): Promise<T[]> {
  const context = await loadClassContext({ documentId });
  if (!context) {
    return [];
  }
  return filterForViewer(decideViewerPolicy(context, userId, new Date()), annotations);
}

export function filterForViewer<T extends WithAuthor>(policy: ViewerPolicy, annotations: T[]) {
  return annotations
    .filter((annotation) => canSeeAuthor(policy, annotation.author.id))
    .map((annotation) => viewAnnotationFor(policy, annotation));
}

export function viewAnnotationFor<T extends WithAuthor>(policy: ViewerPolicy, annotation: T): T {
  const author = describeAuthor(policy, annotation.author);
  return author.id === annotation.author.id && author.name === annotation.author.name
    ? annotation
    : { ...annotation, author };
}
