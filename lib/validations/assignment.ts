import { z } from "zod";

import { idSchema } from "./workspace";

export const assignmentLimits = {
  titleMax: 200,
  instructionsMax: 20_000,
  documentsMax: 50,
} as const;

// A due date typed in the browser's local time (datetime-local), with the browser's offset
// from UTC in minutes (Date#getTimezoneOffset) so the server stores the instant meant.
const dueAtSchema = z
  .object({
    local: z.string().trim(),
    offset: z.string().trim(),
  })
  .transform((value, context) => {
    if (value.local === "") {
      return null;
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.local);
    const offset = Number(value.offset || "0");
    if (!match || !Number.isInteger(offset) || Math.abs(offset) > 14 * 60) {
      context.addIssue({ code: "custom", message: "Give the due date as a date and a time." });
      return z.NEVER;
    }
    const [, year, month, day, hour, minute] = match.map(Number) as number[];
    const utc = Date.UTC(year!, month! - 1, day!, hour!, minute!) + offset * 60_000;
    return new Date(utc);
  });

export const assignmentModeSchema = z.enum(["OPEN", "BLIND", "REVEALED"], {
  message: "Choose who sees whose highlights.",
});

export const assignmentFormSchema = z.object({
  title: z
    .string({ error: "Give the assignment a title." })
    .trim()
    .min(1, { message: "Give the assignment a title." })
    .max(assignmentLimits.titleMax, {
      message: `The title can have at most ${assignmentLimits.titleMax} characters.`,
    }),
  instructions: z.string().max(assignmentLimits.instructionsMax, {
    message: `Instructions can have at most ${assignmentLimits.instructionsMax.toLocaleString("en")} characters.`,
  }),
  codebookId: z.union([z.literal(""), idSchema]).transform((value) => value || null),
  dueAt: dueAtSchema,
  mode: assignmentModeSchema,
  documentIds: z
    .array(idSchema)
    .min(1, { message: "Choose at least one document." })
    .max(assignmentLimits.documentsMax, {
      message: `An assignment can have at most ${assignmentLimits.documentsMax} documents.`,
    }),
});
export type AssignmentFormInput = z.input<typeof assignmentFormSchema>;
export type AssignmentFormData = z.output<typeof assignmentFormSchema>;

export const revealAssignmentSchema = z.object({
  assignmentId: idSchema,
  revealNames: z
    .enum(["0", "1"], { message: "Choose names or anonymised." })
    .transform((value) => value === "1"),
});

export const assignmentStudentSchema = z.object({ assignmentId: idSchema, userId: idSchema });

export const answerKeyChangeSchema = z.object({
  assignmentId: idSchema,
  annotationId: idSchema,
});

export const answerKeyDocumentSchema = z.object({
  assignmentId: idSchema,
  documentId: idSchema,
});
