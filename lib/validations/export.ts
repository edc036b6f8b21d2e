import { z } from "zod";

import { exportFormatKeys, type ExportFormatKey } from "@/lib/export/formats";
import { annotationOrigins, reviewStates } from "@/lib/export/types";

import { idSchema } from "./workspace";

// What an export or snapshot holds. Shared by the Exports page, the download route
// (as search parameters) and the snapshot route (as JSON).

export const exportLimits = {
  documentIdsMax: 1_000,
  dimensionsMax: 50,
  annotatorIdsMax: 500,
  snapshotNameMax: 100,
  licenceMax: 200,
  consentMax: 2_000,
} as const;

// Formats that can be written one document at a time and are served as a download.
// Parquet is built in memory and only offered as a snapshot (see lib/server/export).
export const downloadFormatKeys = [
  "jsonl",
  "csv",
  "ptc-tsv",
  "conll",
  "w3c",
  "claim-review",
] as const satisfies readonly ExportFormatKey[];

export function isDownloadFormat(key: ExportFormatKey): boolean {
  return (downloadFormatKeys as readonly string[]).includes(key);
}

const exportFormatSchema = z.enum(exportFormatKeys, {
  error: `Choose an export format: ${exportFormatKeys.join(", ")}.`,
});

const dateSchema = (what: string) =>
  z.iso.date({ error: `${what} must be a date like 2026-01-06.` }).optional();

export const exportFiltersSchema = z
  .strictObject({
    // Either chosen documents or one collection; neither means every document.
    documentIds: z
      .array(idSchema, { error: "Documents must be a list of document ids." })
      .max(exportLimits.documentIdsMax, {
        error: `Choose at most ${exportLimits.documentIdsMax} documents, or use a collection.`,
      })
      .default([]),
    collectionId: idSchema.optional(),
    // Default: the workspace's default codebook.
    codebookId: idSchema.optional(),
    // Dimension keys of that codebook; empty means every dimension plus label-less notes.
    dimensions: z
      .array(z.string().min(1).max(100), { error: "Dimensions must be a list of keys." })
      .max(exportLimits.dimensionsMax)
      .default([]),
    annotatorIds: z
      .array(idSchema, { error: "Annotators must be a list of user ids." })
      .max(exportLimits.annotatorIdsMax)
      .default([]),
    origins: z
      .array(z.enum(annotationOrigins, { error: "Origin must be person or suggestion." }))
      .max(annotationOrigins.length)
      .default([]),
    // Review states as exported: "gold" is an annotation in its document's agreed set;
    // the others are the review decision (pending, accepted, rejected, edited).
    reviewStates: z
      .array(
        z.enum(reviewStates, {
          error: `Review state must be one of ${reviewStates.join(", ")}.`,
        }),
      )
      .max(reviewStates.length)
      .default([]),
    // Annotation createdAt, inclusive calendar days in UTC.
    createdFrom: dateSchema("The start date"),
    createdTo: dateSchema("The end date"),
    includeComments: z.boolean({ error: "includeComments must be true or false." }).default(true),
  })
  .refine((value) => value.documentIds.length === 0 || value.collectionId === undefined, {
    error: "Choose documents or a collection, not both.",
    path: ["collectionId"],
  })
  .refine(
    (value) =>
      value.createdFrom === undefined ||
      value.createdTo === undefined ||
      value.createdFrom <= value.createdTo,
    { error: "The end date is before the start date.", path: ["createdTo"] },
  );

export type ExportFiltersInput = z.input<typeof exportFiltersSchema>;
export type ExportFilters = z.output<typeof exportFiltersSchema>;

export const exportRequestSchema = z.strictObject({
  format: exportFormatSchema,
  // Real names instead of pseudonyms: the workspace owner only.
  realNames: z.boolean({ error: "realNames must be true or false." }).default(false),
  filters: exportFiltersSchema.default({
    documentIds: [],
    dimensions: [],
    annotatorIds: [],
    origins: [],
    reviewStates: [],
    includeComments: true,
  }),
});

export type ExportRequestInput = z.input<typeof exportRequestSchema>;
export type ExportRequest = z.output<typeof exportRequestSchema>;

const optionalLongText = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text.` })
    .trim()
    .max(max, { error: `${what} can have at most ${max} characters.` })
    .default("");

export const createSnapshotSchema = exportRequestSchema.extend({
  name: z
    .string({ error: "Give the snapshot a name." })
    .trim()
    .min(1, { error: "Give the snapshot a name." })
    .max(exportLimits.snapshotNameMax, {
      error: `The name can have at most ${exportLimits.snapshotNameMax} characters.`,
    }),
  licence: optionalLongText(exportLimits.licenceMax, "The licence"),
  consent: optionalLongText(exportLimits.consentMax, "The consent statement"),
});

export type CreateSnapshotInput = z.input<typeof createSnapshotSchema>;
export type CreateSnapshotData = z.output<typeof createSnapshotSchema>;

// Search parameters of GET …/exports: repeat a key for lists
// (`?format=csv&dimension=framing&dimension=stance&origin=person&from=2026-01-01`).
const searchKeys = {
  format: "format",
  names: "names",
  documentIds: "document",
  collectionId: "collection",
  codebookId: "codebook",
  dimensions: "dimension",
  annotatorIds: "annotator",
  origins: "origin",
  reviewStates: "review",
  createdFrom: "from",
  createdTo: "to",
  includeComments: "comments",
} as const;

// The raw shape for exportRequestSchema; values the schema cannot read are passed on as
// they are, so its messages name the problem.
export function readExportSearchParams(params: URLSearchParams): unknown {
  const single = (key: string) => params.get(key) ?? undefined;
  const flag = (key: string, yes: string, no: string): boolean | string | undefined => {
    const value = params.get(key);
    if (value === null || value === "") {
      return undefined;
    }
    return value === yes ? true : value === no ? false : value;
  };

  return {
    format: single(searchKeys.format),
    realNames: flag(searchKeys.names, "real", "pseudonyms"),
    filters: {
      documentIds: params.getAll(searchKeys.documentIds),
      collectionId: single(searchKeys.collectionId) || undefined,
      codebookId: single(searchKeys.codebookId) || undefined,
      dimensions: params.getAll(searchKeys.dimensions),
      annotatorIds: params.getAll(searchKeys.annotatorIds),
      origins: params.getAll(searchKeys.origins),
      reviewStates: params.getAll(searchKeys.reviewStates),
      createdFrom: single(searchKeys.createdFrom) || undefined,
      createdTo: single(searchKeys.createdTo) || undefined,
      includeComments: flag(searchKeys.includeComments, "1", "0"),
    },
  };
}

export function toExportSearchParams(request: ExportRequestInput): URLSearchParams {
  const params = new URLSearchParams({ [searchKeys.format]: request.format });
  const filters = request.filters ?? {};

  if (request.realNames) {
    params.set(searchKeys.names, "real");
  }
  for (const id of filters.documentIds ?? []) {
    params.append(searchKeys.documentIds, id);
  }
  if (filters.collectionId) {
    params.set(searchKeys.collectionId, filters.collectionId);
  }
  if (filters.codebookId) {
    params.set(searchKeys.codebookId, filters.codebookId);
  }
  for (const key of filters.dimensions ?? []) {
    params.append(searchKeys.dimensions, key);
  }
  for (const id of filters.annotatorIds ?? []) {
    params.append(searchKeys.annotatorIds, id);
  }
  for (const origin of filters.origins ?? []) {
    params.append(searchKeys.origins, origin);
  }
  for (const state of filters.reviewStates ?? []) {
    params.append(searchKeys.reviewStates, state);
  }
  if (filters.createdFrom) {
    params.set(searchKeys.createdFrom, filters.createdFrom);
  }
  if (filters.createdTo) {
    params.set(searchKeys.createdTo, filters.createdTo);
  }
  if (filters.includeComments === false) {
    params.set(searchKeys.includeComments, "0");
  }

  return params;
}

// Bodies of POST …/snapshots stay small: filters and a few texts.
export const snapshotBodyMaxBytes = 64 * 1024;
