import { z } from "zod";

import { limits } from "./limits";
import { idSchema } from "./workspace";

const reasonSchema = z
  .string({ error: "The reason must be text." })
  .trim()
  .max(1_000, { message: "The reason can have at most 1,000 characters." })
  .default("");

const revisionSchema = z
  .number({ error: "The highlight's revision is missing; reload the page." })
  .int()
  .min(1, { message: "The highlight's revision is missing; reload the page." });

const labelIdsSchema = z
  .array(idSchema, { error: "labelIds must be a list of label ids." })
  .max(limits.labelsPerAnnotationMax, { message: "Too many labels on one highlight." });

// Offsets are code points, end exclusive.
const spanShape = {
  start: z.number().int().min(0, { message: "start cannot be negative." }),
  end: z.number().int(),
  exact: z.string().min(1, { message: "The highlight is empty." }),
};

// A lead's decision on one proposed highlight; the revision is the one they looked at.
export const reviewDecisionSchema = z.object({
  annotationId: idSchema,
  revision: revisionSchema,
  decision: z.enum(["accept", "reject"], { message: "Choose accept or reject." }),
  reason: reasonSchema,
});

export type ReviewDecisionData = z.output<typeof reviewDecisionSchema>;

// An edited proposal becomes a gold highlight of the lead's; the original is marked edited.
export const editGoldAnnotationSchema = z
  .object({
    annotationId: idSchema,
    revision: revisionSchema,
    ...spanShape,
    labelIds: labelIdsSchema,
    reason: reasonSchema,
  })
  .refine((value) => value.end > value.start, {
    message: "end must be after start.",
    path: ["end"],
  });

export type EditGoldAnnotationData = z.output<typeof editGoldAnnotationSchema>;

// A gold highlight the lead adds that no annotator proposed.
export const addGoldAnnotationSchema = z
  .object({
    documentId: idSchema,
    documentVersion: z.number().int().min(1),
    ...spanShape,
    labelIds: labelIdsSchema,
    reason: reasonSchema,
  })
  .refine((value) => value.end > value.start, {
    message: "end must be after start.",
    path: ["end"],
  });

export type AddGoldAnnotationData = z.output<typeof addGoldAnnotationSchema>;

export const acceptAgreedSchema = z.object({ documentId: idSchema });
