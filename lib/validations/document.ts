import { z } from "zod";

import { limits } from "./limits";

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${what} can have at most ${max} characters.` })
    .optional()
    .transform((value) => (value ? value : undefined));

export const documentKindSchema = z.enum(["ARTICLE", "AI_ANALYSIS", "SUBMISSION"], {
  message: "Choose the kind of document.",
});

export const createDocumentSchema = z.object({
  title: z
    .string({ error: "Give the article a title." })
    .trim()
    .min(1, { message: "Give the article a title." })
    .max(limits.titleMax, { message: `The title can have at most ${limits.titleMax} characters.` }),
  text: z
    .string({ error: "Paste the article text." })
    .max(limits.textMaxChars, {
      message: `The text is too long: at most ${limits.textMaxChars.toLocaleString("en")} characters.`,
    })
    .refine((value) => value.trim().length > 0, { message: "Paste the article text." }),
  kind: documentKindSchema.default("ARTICLE"),
  sourceUrl: optionalText(limits.urlMax, "The source URL").pipe(
    z
      .url({ protocol: /^https?$/, message: "The source URL must start with http:// or https://" })
      .optional(),
  ),
  outlet: optionalText(limits.metaMax, "The outlet"),
  author: optionalText(limits.metaMax, "The author"),
  publishedAt: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.iso.date({ message: "Use a date like 2026-01-06." }).optional()),
});

export type CreateDocumentInput = z.input<typeof createDocumentSchema>;
export type CreateDocumentData = z.output<typeof createDocumentSchema>;

// Editing keeps the same fields, plus the version the editor started from: a save
// made on an older version is a conflict, never a silent overwrite.
export const updateDocumentSchema = createDocumentSchema.extend({
  version: z.coerce
    .number({ error: "The document version is missing; reload the page." })
    .int()
    .min(1, { message: "The document version is missing; reload the page." }),
});

export type UpdateDocumentInput = z.input<typeof updateDocumentSchema>;
export type UpdateDocumentData = z.output<typeof updateDocumentSchema>;
