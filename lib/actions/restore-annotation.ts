"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { restoreAnnotation } from "@/lib/server/annotation/restore-annotation";
import { idSchema } from "@/lib/validations/workspace";

import type { ActionState } from "./action-result";
import { runAction } from "./run-action";

const restoreAnnotationSchema = z.object({ annotationId: idSchema });

// The history panel's "Restore" for a deleted highlight (its author or a lead).
export async function restoreAnnotationAction(
  _previous: ActionState<{ exact: string }>,
  formData: FormData,
) {
  const result = await runAction({
    formData,
    fields: ["annotationId"],
    resource: (values) => ({ kind: "annotation", id: values["annotationId"] }),
    schema: restoreAnnotationSchema,
    run: async (input, user) => {
      const annotation = await restoreAnnotation({
        userId: user.id,
        annotationId: input.annotationId,
      });
      return { exact: annotation.exact, documentId: annotation.documentId };
    },
  });

  if (result.ok) {
    revalidatePath("/workspaces", "layout");
  }

  return result;
}
