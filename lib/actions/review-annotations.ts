"use server";

import { acceptAgreedAnnotations } from "@/lib/server/review/accept-agreed-annotations";
import { addGoldAnnotation } from "@/lib/server/review/add-gold-annotation";
import { decideAnnotationReview } from "@/lib/server/review/decide-annotation-review";
import { editGoldAnnotation } from "@/lib/server/review/edit-gold-annotation";
import {
  acceptAgreedSchema,
  addGoldAnnotationSchema,
  editGoldAnnotationSchema,
  reviewDecisionSchema,
} from "@/lib/validations/review";

import { rawField } from "./require-action-caller";
import { runTypedAction } from "./run-typed-action";

// The adjudication view's decisions, called from the keyboard-driven client component.
export async function decideAnnotationReviewAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "annotation", id: rawField(raw, "annotationId") }),
    schema: reviewDecisionSchema,
    run: (data, user) => decideAnnotationReview({ userId: user.id, input: data }),
  });
}

export async function editGoldAnnotationAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "annotation", id: rawField(raw, "annotationId") }),
    schema: editGoldAnnotationSchema,
    run: (data, user) => editGoldAnnotation({ userId: user.id, input: data }),
  });
}

export async function addGoldAnnotationAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "document", id: rawField(raw, "documentId") }),
    schema: addGoldAnnotationSchema,
    run: (data, user) => addGoldAnnotation({ userId: user.id, input: data }),
  });
}

export async function acceptAgreedAnnotationsAction(input: unknown) {
  return runTypedAction({
    input,
    resource: (raw) => ({ kind: "document", id: rawField(raw, "documentId") }),
    schema: acceptAgreedSchema,
    run: (data, user) => acceptAgreedAnnotations({ userId: user.id, documentId: data.documentId }),
  });
}
