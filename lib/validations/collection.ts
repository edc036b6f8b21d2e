import { z } from "zod";

import { idSchema } from "./workspace";

export const collectionNameMax = 100;
export const collectionDescriptionMax = 1_000;

// A collection groups documents as coverage of one event, to compare outlets side by side.
export const createCollectionSchema = z.object({
  name: z
    .string({ error: "Give the collection a name." })
    .trim()
    .min(1, { message: "Give the collection a name." })
    .max(collectionNameMax, {
      message: `The name can have at most ${collectionNameMax} characters.`,
    }),
  description: z
    .string()
    .trim()
    .max(collectionDescriptionMax, {
      message: `The description can have at most ${collectionDescriptionMax} characters.`,
    })
    .optional()
    .transform((value) => value ?? ""),
});

export type CreateCollectionInput = z.input<typeof createCollectionSchema>;
export type CreateCollectionData = z.output<typeof createCollectionSchema>;

export const addCollectionDocumentSchema = z.object({
  documentId: z
    .string({ error: "Choose a document to add." })
    .trim()
    .min(1, { message: "Choose a document to add." })
    .pipe(idSchema),
});

export type AddCollectionDocumentInput = z.infer<typeof addCollectionDocumentSchema>;

// ?trend=day on the agreement views; anything else (or nothing) is the weekly trend.
export const trendPeriodSchema = z.enum(["week", "day"]).catch("week").default("week");
