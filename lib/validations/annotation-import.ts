import { z } from "zod";

import { annotationFileFormats } from "@/lib/import/annotations/types";

import { idSchema } from "./workspace";

export const annotationImportModes = ["all-or-nothing", "row-level"] as const;
export type AnnotationImportMode = (typeof annotationImportModes)[number];

// The form fields sent beside the file (multipart strings). A dry run is the default:
// nothing is written unless dryRun is "false".
export const annotationImportOptionsSchema = z
  .object({
    dryRun: z
      .enum(["true", "false"], { message: 'dryRun must be "true" or "false".' })
      .default("true")
      .transform((value) => value === "true"),
    format: z
      .enum(["auto", ...annotationFileFormats], { message: "format must be auto, jsonl or w3c." })
      .default("auto"),
    mode: z
      .enum(annotationImportModes, { message: "mode must be all-or-nothing or row-level." })
      .default("all-or-nothing"),
    codebookId: idSchema.optional(),
  })
  .strict();

export type AnnotationImportOptionsInput = z.input<typeof annotationImportOptionsSchema>;
export type AnnotationImportOptions = z.output<typeof annotationImportOptionsSchema>;
