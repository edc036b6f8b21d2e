import { z } from "zod";

import { idSchema } from "./workspace";

// What the audit log can be narrowed to; the values are prefixes of the action name.
export const auditActionFilters = {
  document: "Documents (create, edit)",
  submission: "Submissions (review steps, reviewers)",
  "annotation.create": "Highlights created",
  "annotation.update": "Highlights edited",
  "annotation.delete": "Highlights deleted",
  "annotation.restore": "Highlights restored",
  "annotation.review": "Review decisions (gold set)",
  "annotation.reanchor": "Highlights moved by a text edit",
} as const;

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(z.iso.date({ message: "Use a date like 2026-01-06." }).optional());

// The audit log's filters, from the URL (the page and the CSV export share them).
export const auditLogFilterSchema = z
  .object({
    actor: z
      .string()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(idSchema.optional()),
    action: z
      .string()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(
        z
          .enum(Object.keys(auditActionFilters) as [keyof typeof auditActionFilters], {
            message: "Choose a kind of change from the list.",
          })
          .optional(),
      ),
    from: optionalDate,
    to: optionalDate,
    page: z
      .string()
      .optional()
      .transform((value) => (value ? Number(value) : 1))
      .pipe(z.number().int().min(1, { message: "Pages start at 1." }).max(100_000)),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: "The start date must be on or before the end date.",
    path: ["to"],
  });

export type AuditLogFilter = z.output<typeof auditLogFilterSchema>;
