import { z } from "zod";

import {
  formatCodebookPath,
  validateCodebook,
  type CodebookDocument,
  type CodebookProblem,
} from "@/lib/codebooks/validate-codebook";

import type { FieldErrors } from "@/lib/errors/app-error";

import { idSchema } from "./workspace";

// A codebook file: the JSON document of validate-codebook.ts plus the codebook's guidelines
// (Markdown). `guidelines` is optional on import and always written on export; the rest of
// the document is checked by validateCodebook, so a file exported here is a valid codebook
// document once `guidelines` is set aside. Documented in docs/codebooks.md.
export type CodebookFile = CodebookDocument & { guidelines: string };

export type CodebookFileResult =
  { ok: true; codebook: CodebookFile } | { ok: false; problems: CodebookProblem[] };

export const codebookLimits = {
  guidelinesMax: 50_000,
  // A pasted or uploaded codebook; the largest preset is about 40 kB.
  jsonMaxChars: 1_000_000,
} as const;

function isEntry(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function problem(path: (string | number)[], message: string): CodebookProblem {
  return { path, location: formatCodebookPath(path), message };
}

// Document order, as validateCodebook sorts: field by field, indexes numerically.
function comparePaths(a: CodebookProblem, b: CodebookProblem): number {
  const length = Math.min(a.path.length, b.path.length);

  for (let index = 0; index < length; index += 1) {
    const left = a.path[index];
    const right = b.path[index];
    if (left === right) {
      continue;
    }
    if (typeof left === "number" && typeof right === "number") {
      return left - right;
    }
    return String(left).localeCompare(String(right));
  }

  return a.path.length - b.path.length;
}

// Every problem at once: the guidelines here, everything else by validateCodebook.
export function validateCodebookFile(json: unknown): CodebookFileResult {
  if (!isEntry(json)) {
    const result = validateCodebook(json);
    return result.ok ? { ok: true, codebook: { ...result.codebook, guidelines: "" } } : result;
  }

  const { guidelines, ...document } = json;
  const problems: CodebookProblem[] = [];

  if (guidelines !== undefined && typeof guidelines !== "string") {
    problems.push(problem(["guidelines"], "guidelines is Markdown text."));
  } else if (typeof guidelines === "string" && guidelines.length > codebookLimits.guidelinesMax) {
    problems.push(
      problem(
        ["guidelines"],
        `The guidelines can have at most ${codebookLimits.guidelinesMax.toLocaleString("en")} characters.`,
      ),
    );
  }

  const result = validateCodebook(document);
  if (result.ok && problems.length === 0) {
    return {
      ok: true,
      codebook: {
        ...result.codebook,
        guidelines: typeof guidelines === "string" ? guidelines : "",
      },
    };
  }

  return {
    ok: false,
    problems: [...problems, ...(result.ok ? [] : result.problems)].sort(comparePaths),
  };
}

// Problems travel in AppError's fieldErrors, keyed by location ("_form" for the document
// itself), so route handlers and actions carry them without a new error shape.
export function problemsToFieldErrors(problems: CodebookProblem[]): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const entry of problems) {
    (fieldErrors[entry.location || "_form"] ??= []).push(entry.message);
  }
  return fieldErrors;
}

export type ProblemEntry = { location: string; message: string };

export function fieldErrorsToProblems(fieldErrors: FieldErrors): ProblemEntry[] {
  return Object.entries(fieldErrors).flatMap(([location, messages]) =>
    messages.map((message) => ({ location: location === "_form" ? "" : location, message })),
  );
}

// Which keys exist is checked on the server (getCodebookPreset), so this module does not
// pull the preset data into the browser bundle.
export const codebookPresetKeySchema = z
  .string({ error: "Choose a preset." })
  .trim()
  .min(1, { error: "Choose a preset." })
  .max(100, { error: "Choose a preset." });

export const createCodebookSchema = z.object({
  workspaceId: idSchema,
  presetKey: codebookPresetKeySchema,
});

export type CreateCodebookInput = z.infer<typeof createCodebookSchema>;

export const importCodebookSchema = z.object({
  workspaceId: idSchema,
  json: z
    .string({ error: "Paste the codebook JSON or choose a file." })
    .max(codebookLimits.jsonMaxChars, {
      error: `The file is too large: at most ${codebookLimits.jsonMaxChars.toLocaleString("en")} characters.`,
    })
    .refine((value) => value.trim().length > 0, {
      error: "Paste the codebook JSON or choose a file.",
    }),
});

export type ImportCodebookInput = z.infer<typeof importCodebookSchema>;

// Every write to an existing codebook version names the copy the person started from:
// a save on a copy someone else has changed since is a conflict, never an overwrite.
const expectedUpdatedAtSchema = z.iso.datetime({
  error: "The codebook's timestamp is missing; reload the page.",
});

const versionTargetSchema = z.object({
  codebookId: idSchema,
  expectedUpdatedAt: expectedUpdatedAtSchema,
});

export const updateCodebookSchema = versionTargetSchema.extend({
  // Checked by validateCodebookFile, which reports every problem with its path.
  codebook: z.unknown(),
});

export type UpdateCodebookInput = z.infer<typeof updateCodebookSchema>;

export const publishCodebookSchema = versionTargetSchema.extend({
  // Old label id (in the version being replaced) → label id in the draft, for labels that
  // are on highlights but have no label with the same key in the draft.
  moves: z.record(idSchema, idSchema).default({}),
});

export type PublishCodebookInput = z.infer<typeof publishCodebookSchema>;

export const discardCodebookDraftSchema = versionTargetSchema;

export type DiscardCodebookDraftInput = z.infer<typeof discardCodebookDraftSchema>;

export const setDefaultCodebookSchema = z.object({ codebookId: idSchema });

const labelKeySchema = z
  .string({ error: "Give the label a key." })
  .trim()
  .min(1, { error: "Give the label a key." })
  .max(100, { error: "A key can have at most 100 characters." })
  .regex(/^[^\p{Cc}]+$/u, { error: "A key cannot contain control characters." });

const labelNameSchema = z
  .string({ error: "Give the label a name." })
  .trim()
  .min(1, { error: "Give the label a name." })
  .max(100, { error: "A name can have at most 100 characters." });

export const renameCodebookLabelSchema = versionTargetSchema.extend({
  labelId: idSchema,
  name: labelNameSchema,
  key: labelKeySchema,
});

export type RenameCodebookLabelInput = z.infer<typeof renameCodebookLabelSchema>;

const newLabelSchema = z.object({ key: labelKeySchema, name: labelNameSchema });

export const mergeCodebookLabelsSchema = versionTargetSchema.extend({
  sourceLabelIds: z
    .array(idSchema)
    .min(1, { error: "Choose the labels to merge." })
    .max(50, { error: "Merge at most 50 labels at once." }),
  target: z.union([z.object({ labelId: idSchema }), newLabelSchema], {
    error: "Choose the label to merge into, or name a new one.",
  }),
});

export type MergeCodebookLabelsInput = z.infer<typeof mergeCodebookLabelsSchema>;

export const splitCodebookLabelSchema = versionTargetSchema.extend({
  labelId: idSchema,
  into: z
    .array(newLabelSchema)
    .min(2, { error: "Split a label into at least two labels." })
    .max(20, { error: "Split a label into at most 20 labels." }),
  // Annotation id → key of one of the new labels. Every highlight of the label needs one.
  assignments: z.record(idSchema, labelKeySchema).default({}),
});

export type SplitCodebookLabelInput = z.infer<typeof splitCodebookLabelSchema>;

export const deleteCodebookLabelSchema = versionTargetSchema.extend({
  labelId: idSchema,
  // Where the label's highlights go; required when it is on any.
  moveToLabelId: idSchema.optional(),
});

export type DeleteCodebookLabelInput = z.infer<typeof deleteCodebookLabelSchema>;

export const listLabelAnnotationsSchema = z.object({ codebookId: idSchema, labelId: idSchema });
