import { z } from "zod";

import { submissionActions } from "@/lib/review/submission-transitions";

import { createDocumentSchema } from "./document";
import { limits } from "./limits";
import { idSchema } from "./workspace";

export const submissionLimits = {
  messageMax: 5_000,
  provenanceModelMax: 200,
  provenancePromptMax: 20_000,
} as const;

// Form values arrive as strings; an empty optional field means "not given".
const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${what} can have at most ${max.toLocaleString("en")} characters.` })
    .optional()
    .transform((value) => (value ? value : undefined));

const messageSchema = z
  .string({ error: "The message must be text." })
  .trim()
  .max(submissionLimits.messageMax, {
    message: `The message can have at most ${submissionLimits.messageMax.toLocaleString("en")} characters.`,
  })
  .default("");

export const submissionKindSchema = z.enum(["SUBMISSION", "AI_ANALYSIS"], {
  message: "Choose what you are submitting: an article draft or an AI-generated analysis.",
});

// A contributor's draft: an article, or an AI-generated analysis of an article in the
// workspace with its provenance (model or tool, date, prompt when known).
export const createSubmissionSchema = z
  .object({
    kind: submissionKindSchema,
    title: createDocumentSchema.shape.title,
    text: createDocumentSchema.shape.text,
    analysedDocumentId: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(idSchema.optional()),
    provenanceModel: optionalText(submissionLimits.provenanceModelMax, "The model or tool name"),
    provenanceDate: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : undefined))
      .pipe(z.iso.date({ message: "Use a date like 2026-01-06." }).optional()),
    provenancePrompt: optionalText(submissionLimits.provenancePromptMax, "The prompt"),
  })
  .superRefine((value, context) => {
    if (value.kind !== "AI_ANALYSIS") {
      return;
    }
    if (!value.analysedDocumentId) {
      context.addIssue({
        code: "custom",
        path: ["analysedDocumentId"],
        message: "Choose the article this analysis is about.",
      });
    }
    if (!value.provenanceModel) {
      context.addIssue({
        code: "custom",
        path: ["provenanceModel"],
        message: "Name the model or tool that wrote the analysis (for example “GPT-4o”).",
      });
    }
  });

export type CreateSubmissionInput = z.input<typeof createSubmissionSchema>;
export type CreateSubmissionData = z.output<typeof createSubmissionSchema>;

export const transitionSubmissionSchema = z.object({
  documentId: idSchema,
  action: z.enum(submissionActions, { message: "Choose a review step." }),
  message: messageSchema,
});

export type TransitionSubmissionData = z.output<typeof transitionSubmissionSchema>;

export const assignReviewerSchema = z.object({
  documentId: idSchema,
  reviewerId: z
    .string({ error: "Choose a reviewer." })
    .min(1, { message: "Choose a reviewer." })
    .pipe(idSchema),
});

export type AssignReviewerData = z.output<typeof assignReviewerSchema>;

// The contributor's revised text, saved as a new version and resubmitted in one step.
export const resubmitSubmissionSchema = z.object({
  documentId: idSchema,
  version: z.coerce
    .number({ error: "The document version is missing; reload the page." })
    .int()
    .min(1, { message: "The document version is missing; reload the page." }),
  title: createDocumentSchema.shape.title,
  text: z
    .string({ error: "Paste the revised text." })
    .max(limits.textMaxChars, {
      message: `The text is too long: at most ${limits.textMaxChars.toLocaleString("en")} characters.`,
    })
    .refine((value) => value.trim().length > 0, { message: "Paste the revised text." }),
  message: messageSchema,
});

export type ResubmitSubmissionData = z.output<typeof resubmitSubmissionSchema>;

export const submissionStatusSchema = z.enum([
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "RESUBMITTED",
  "APPROVED",
  "REJECTED",
]);

export const reviewQueueAges = [1, 3, 7, 14, 30] as const;

// The queue's filters, from the URL: status, who is assigned ("me", "none", or a
// member's id) and age ("waiting at least N days").
export const reviewQueueFilterSchema = z.object({
  status: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(submissionStatusSchema.optional()),
  assignee: z
    .string()
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.union([z.literal("me"), z.literal("none"), idSchema]).optional()),
  age: z
    .string()
    .optional()
    .transform((value) => (value ? Number(value) : undefined))
    .pipe(
      z
        .number()
        .refine((value) => (reviewQueueAges as readonly number[]).includes(value), {
          message: "Choose an age from the list.",
        })
        .optional(),
    ),
});

export type ReviewQueueFilter = z.output<typeof reviewQueueFilterSchema>;
