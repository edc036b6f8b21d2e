import { z } from "zod";

import { limits } from "./limits";

// One person's answer to a whole-document dimension (genre, frames, overall verdict).
// Empty labels and empty text clear the answer.
export const saveDocumentAnswerSchema = z
  .object({
    dimensionKey: z
      .string({ error: "dimensionKey is required." })
      .min(1, { message: "dimensionKey is required." })
      .max(100, { message: "dimensionKey can have at most 100 characters." }),
    labelIds: z
      .array(z.string().min(1).max(64), { error: "labelIds must be a list of label ids." })
      .max(limits.labelsPerAnnotationMax, { message: "Too many labels in one answer." })
      .default([]),
    text: z
      .string({ error: "The text must be text." })
      .max(limits.fieldTextMax, {
        message: `The text can have at most ${limits.fieldTextMax} characters.`,
      })
      .default(""),
  })
  .strict();

export type SaveDocumentAnswerInput = z.input<typeof saveDocumentAnswerSchema>;
export type SaveDocumentAnswerData = z.output<typeof saveDocumentAnswerSchema>;
