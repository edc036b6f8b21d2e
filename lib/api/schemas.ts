import { z } from "zod";

import { appErrorStatus, type AppErrorCode } from "@/lib/errors/app-error";
import { documentKindSchema } from "@/lib/validations/document";
import { workspaceKindSchema } from "@/lib/validations/workspace";

// The JSON the API answers with, as zod schemas. The OpenAPI document is generated from
// them (lib/api/openapi.ts); the new list endpoints build their payloads with these
// types, and the integration tests parse real responses with them, so the published
// shapes cannot drift from what the handlers send.

const timestamp = z.iso.datetime({ offset: true });
const date = z.iso.datetime({ offset: true }).nullable();
const id = z.string().describe("An opaque id (letters and digits).");

export const roleSchema = z.enum(["OWNER", "EDITOR", "ANNOTATOR", "VIEWER"]);

const errorCodes = Object.keys(appErrorStatus) as [AppErrorCode, ...AppErrorCode[]];

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string().describe("A sentence for a person: what went wrong and what to do."),
    fieldErrors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe("Messages per input field (dotted paths), for 422 answers."),
  }),
});

export const workspaceItemSchema = z.object({
  id,
  name: z.string(),
  kind: workspaceKindSchema,
  role: roleSchema.describe("The caller's role in this workspace."),
  createdAt: timestamp,
});

export const documentItemSchema = z.object({
  id,
  title: z.string(),
  kind: documentKindSchema,
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  publishedAt: date,
  version: z.int().min(1),
  highlightCount: z.int().min(0).describe("Live (not deleted) highlights on the document."),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const documentSchema = z.object({
  id,
  workspaceId: id,
  workspaceName: z.string(),
  title: z.string(),
  text: z.string().describe("The normalised text that every offset refers to."),
  sourceUrl: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: date,
  kind: documentKindSchema,
  version: z.int().min(1),
  createdById: id,
  createdAt: timestamp,
  role: roleSchema.describe("The caller's role in the document's workspace."),
  highlightCount: z.int().min(0),
});

export const annotationSchema = z.object({
  id,
  documentId: id,
  documentVersion: z.int().min(1),
  start: z.int().min(0).describe("Unicode code points from the start of the text."),
  end: z.int().min(1).describe("Code points, exclusive."),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  comment: z.string(),
  confidence: z.int().min(1).max(3).nullable(),
  anchorStatus: z.enum(["ANCHORED", "ORPHANED"]),
  origin: z.enum(["PERSON", "SUGGESTION"]),
  revision: z.int().min(1).describe("Send it back with PATCH; it grows with every edit."),
  createdAt: timestamp,
  updatedAt: timestamp,
  author: z.object({ id, name: z.string() }),
  labelIds: z.array(id),
  values: z
    .array(
      z.object({
        dimensionKey: z.string(),
        text: z.string().nullable(),
        target: z.string().nullable(),
        holder: z.string().nullable(),
        linkedAnnotationId: id.nullable(),
      }),
    )
    .describe("Typed field values by dimension key: a text, a target and holder, or a link."),
});

export const documentAnswerSchema = z.object({
  id,
  dimensionKey: z.string(),
  text: z.string().nullable(),
  labelIds: z.array(id),
  author: z.object({ id, name: z.string() }),
  updatedAt: timestamp,
});

export const documentAnswerListResponseSchema = z.object({
  answers: z.array(documentAnswerSchema),
});
export const documentAnswerResponseSchema = z.object({
  answer: documentAnswerSchema.nullable().describe("Null when the answer was cleared."),
});

export const labelSchema = z.object({
  id,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  color: z.string(),
  examples: z.array(z.string()),
  counterExamples: z.array(z.string()),
  shortcut: z.string().nullable(),
  parentKey: z.string().nullable(),
  rating: z.int().nullable(),
  position: z.int(),
});

export const dimensionSchema = z.object({
  id,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  multiple: z.boolean(),
  required: z.boolean(),
  scope: z.enum(["SPAN", "DOCUMENT"]),
  fieldType: z.enum(["LABELS", "ORDINAL", "TEXT", "TARGET", "LINK"]),
  color: z.string(),
  position: z.int(),
  labels: z.array(labelSchema),
});

export const codebookSchema = z.object({
  id,
  key: z.string(),
  name: z.string(),
  description: z.string(),
  version: z.int().min(1),
  status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"]),
  isDefault: z.boolean(),
  guidelines: z.string().describe("Markdown."),
  source: z.string(),
  licence: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  dimensions: z.array(dimensionSchema),
});

function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe("Pass as ?cursor= for the next page; null on the last page."),
  });
}

export const workspacePageSchema = pageOf(workspaceItemSchema);
export const documentPageSchema = pageOf(documentItemSchema);
export const codebookPageSchema = pageOf(codebookSchema);

export const documentResponseSchema = z.object({
  document: documentSchema,
  offsetUnit: z.literal("codepoint"),
});

export const annotationListResponseSchema = z.object({ annotations: z.array(annotationSchema) });
export const annotationResponseSchema = z.object({ annotation: annotationSchema });

export const batchResultsResponseSchema = z.object({
  results: z.array(
    z.discriminatedUnion("ok", [
      z.object({ index: z.int(), ok: z.literal(true), id }),
      z.object({ index: z.int(), ok: z.literal(false), message: z.string() }),
    ]),
  ),
});

export const importPreviewResponseSchema = z.object({
  importId: id.describe("Pass as importId when saving, so the original is kept."),
  article: z.object({
    title: z.string(),
    text: z.string(),
    author: z.string(),
    outlet: z.string(),
    sourceUrl: z.string(),
    publishedAt: z.string().describe("YYYY-MM-DD, or empty."),
  }),
});

export const bulkPreviewResponseSchema = z.object({
  format: z.enum(["jsonl", "csv", "zip"]),
  rows: z.array(
    z.object({
      line: z.int().describe("The line (JSONL, CSV) or the entry's position in the zip."),
      entry: z.string().optional().describe("The file's path inside the zip."),
      input: z
        .object({
          title: z.string(),
          text: z.string(),
          kind: documentKindSchema,
          sourceUrl: z.string().optional(),
          outlet: z.string().optional(),
          author: z.string().optional(),
          publishedAt: z.string().optional(),
        })
        .optional()
        .describe("The validated article, when the row is valid."),
      error: z.string().optional().describe("Why the row cannot be imported."),
    }),
  ),
});

export type WorkspaceItem = z.infer<typeof workspaceItemSchema>;
export type DocumentItem = z.infer<typeof documentItemSchema>;
export type CodebookItem = z.infer<typeof codebookSchema>;

const importStatus = z.enum([
  "create",
  "created",
  "duplicate",
  "document-not-found",
  "unknown-codebook",
  "unknown-label",
  "offsets-mismatch",
  "invalid",
]);

export const annotationImportReportSchema = z.object({
  format: z.enum(["jsonl", "w3c"]),
  fileName: z.string(),
  dryRun: z.boolean(),
  mode: z.enum(["all-or-nothing", "row-level"]),
  applied: z.boolean().describe("True when highlights were written."),
  counts: z
    .record(z.string(), z.int())
    .describe(
      "Rows per status, plus total, created (written by this request) and problems (rows that are neither new nor duplicates).",
    ),
  rows: z.array(
    z.object({
      line: z.int().describe("JSONL: the line; W3C: the annotation's position in the file."),
      where: z.string().describe("Where in the file, e.g. `Line 3, spans.0`."),
      externalId: z.string().nullable().describe("The file's id for the highlight."),
      annotator: z.string().nullable(),
      document: z.object({ id, title: z.string() }).nullable(),
      start: z.int().nullable().describe("Code points, in the document's current text."),
      end: z.int().nullable(),
      quote: z.string().nullable(),
      labels: z.array(z.string()).describe("`dimension:label` keys."),
      status: importStatus,
      message: z.string(),
      reanchored: z
        .object({ start: z.int(), end: z.int(), method: z.string(), score: z.number() })
        .nullable()
        .describe("Set when the document changed since the file was written."),
    }),
  ),
});
