import "server-only";

import {
  canSeeAuthor,
  decideViewerPolicy,
  describeAuthor,
  type ViewerPolicy,
} from "@/lib/classes/visibility";
import type { AnnotationView } from "@/lib/server/annotation/annotation-view";

import { loadClassContext } from "./load-class-context";

type ApplyClassVisibilityOptions = {
  userId: string;
  documentId: string;
  annotations: AnnotationView[];
};

// The highlights of one document as this person may see them: blind assignments keep
// classmates' highlights out, answer-key material stays hidden until released, and
// classmates are named by display name or "Student N" (lib/classes/visibility.ts).
export async function applyClassVisibility({
  userId,
  documentId,
  annotations,
}: ApplyClassVisibilityOptions): Promise<AnnotationView[]> {
  const context = await loadClassContext({ documentId });
  if (!context) {
    return [];
  }
  return filterForViewer(decideViewerPolicy(context, userId, new Date()), annotations);
}

export function filterForViewer(policy: ViewerPolicy, annotations: AnnotationView[]) {
  return annotations
    .filter((annotation) => canSeeAuthor(policy, annotation.author.id))
    .map((annotation) => viewAnnotationFor(policy, annotation));
}

export function viewAnnotationFor(
  policy: ViewerPolicy,
  annotation: AnnotationView,
): AnnotationView {
  const author = describeAuthor(policy, annotation.author);
  return author.id === annotation.author.id && author.name === annotation.author.name
    ? annotation
    : { ...annotation, author };
}
