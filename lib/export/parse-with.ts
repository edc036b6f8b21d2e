import { z } from "zod";

import { ExportError } from "./export-error";
import { annotationOrigins, reviewStates } from "./types";

// ISO 8601 date-times as written by Date.toISOString(); offsets accepted for files from
// other tools.
export const dateTimeSchema = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value));

export const offsetSchema = z.number().int().min(0);
export const originSchema = z.enum(annotationOrigins);
export const reviewStateSchema = z.enum(reviewStates);

// Validates parsed file content, turning the first zod issue into an ExportError that
// says where in the file it is (`where` is e.g. "Line 3").
export function parseWith<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: string,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }

  const issue = result.error.issues[0];
  const path = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
  throw new ExportError(`${where}${path}: ${issue?.message ?? "invalid value"}.`);
}
