import { z } from "zod";

import { limits } from "./limits";

const labelIdsSchema = z
  .array(z.string().min(1).max(64), { error: "labelIds must be a list of label ids." })
  .max(limits.labelsPerAnnotationMax, { message: "Too many labels on one highlight." });

const commentSchema = z.string({ error: "The comment must be text." }).max(limits.commentMax, {
  message: `The comment can have at most ${limits.commentMax} characters.`,
});

const confidenceSchema = z
  .number({ error: "Confidence must be 1, 2 or 3." })
  .int({ message: "Confidence must be 1, 2 or 3." })
  .min(1, { message: "Confidence must be 1, 2 or 3." })
  .max(3, { message: "Confidence must be 1, 2 or 3." })
  .nullable();

const optionalText = (name: string, max: number) =>
  z
    .string({ error: `${name} must be text.` })
    .max(max, { message: `${name} can have at most ${max} characters.` })
    .nullable()
    .optional();

// A highlight's answer on one typed dimension (docs/codebooks.md, "Typed fields"), keyed by
// the dimension's key so it survives new codebook versions. Which parts a dimension takes
// depends on its field type and is checked against the codebook on the server.
export const annotationValueSchema = z
  .object({
    dimensionKey: z
      .string({ error: "dimensionKey must be text." })
      .min(1, { message: "dimensionKey is required." })
      .max(100, { message: "dimensionKey can have at most 100 characters." }),
    text: optionalText("The text", limits.fieldTextMax),
    target: optionalText("The target", limits.fieldTargetMax),
    holder: optionalText("The stance holder", limits.fieldTargetMax),
    linkedAnnotationId: z
      .string({ error: "linkedAnnotationId must be a highlight id." })
      .min(1)
      .max(64)
      .nullable()
      .optional(),
  })
  .strict();

export type AnnotationValueInput = z.input<typeof annotationValueSchema>;

const valuesSchema = z
  .array(annotationValueSchema, { error: "values must be a list." })
  .max(limits.fieldValuesMax, { message: "Too many field values on one highlight." })
  .refine((values) => new Set(values.map((value) => value.dimensionKey)).size === values.length, {
    message: "Each dimension takes one value per highlight.",
  });

// Offsets are Unicode code points, end exclusive (see lib/anchoring/text-position.ts).
export const createAnnotationSchema = z
  .object({
    start: z
      .number({ error: "start must be a number." })
      .int({ message: "start must be a whole number." })
      .min(0, {
        message: "start cannot be negative.",
      }),
    end: z
      .number({ error: "end must be a number." })
      .int({ message: "end must be a whole number." }),
    exact: z.string({ error: "exact (the highlighted text) is required." }).min(1, {
      message: "The highlight is empty.",
    }),
    labelIds: labelIdsSchema.default([]),
    comment: commentSchema.default(""),
    confidence: confidenceSchema.default(null),
    values: valuesSchema.default([]),
    // The document version the client was reading; a stale one is a conflict.
    documentVersion: z.number().int().min(1).optional(),
    // A suggestion the person accepted (or edited) keeps its origin and rule in exports.
    origin: z
      .enum(["PERSON", "SUGGESTION"], { message: "origin must be PERSON or SUGGESTION." })
      .default("PERSON"),
    suggestionRule: z
      .string()
      .min(1)
      .max(100, { message: "suggestionRule can have at most 100 characters." })
      .optional(),
  })
  .strict()
  .refine((value) => value.end > value.start, {
    message: "end must be after start.",
    path: ["end"],
  })
  .refine((value) => value.origin === "SUGGESTION" || value.suggestionRule === undefined, {
    message: "suggestionRule goes with origin SUGGESTION.",
    path: ["suggestionRule"],
  });

export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;
export type CreateAnnotationData = z.output<typeof createAnnotationSchema>;

// A new place for an existing highlight: boundaries moved, or an orphan re-attached.
const spanSchema = z
  .object({
    start: z.number({ error: "start must be a number." }).int().min(0, {
      message: "start cannot be negative.",
    }),
    end: z.number({ error: "end must be a number." }).int(),
    exact: z.string().min(1, { message: "The highlight is empty." }),
    documentVersion: z.number().int().min(1),
  })
  .strict()
  .refine((value) => value.end > value.start, {
    message: "end must be after start.",
    path: ["end"],
  });

export const updateAnnotationSchema = z
  .object({
    // The revision the person edited; someone else's save since then is a conflict.
    revision: z
      .number({ error: "revision (the highlight's revision you edited) is required." })
      .int({ message: "revision must be a whole number." })
      .min(1, { message: "revision must be 1 or more." }),
    span: spanSchema.optional(),
    labelIds: labelIdsSchema.optional(),
    comment: commentSchema.optional(),
    confidence: confidenceSchema.optional(),
    // Replaces all of the highlight's field values when given.
    values: valuesSchema.optional(),
  })
  .strict();

export type UpdateAnnotationInput = z.input<typeof updateAnnotationSchema>;
export type UpdateAnnotationData = z.output<typeof updateAnnotationSchema>;
