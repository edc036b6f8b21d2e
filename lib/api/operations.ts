import { z } from "zod";

import { createAnnotationSchema, updateAnnotationSchema } from "@/lib/validations/annotation";
import { addCollectionDocumentSchema, createCollectionSchema } from "@/lib/validations/collection";
import {
  createCommentSchema,
  reactionSchema,
  updateCommentSchema,
} from "@/lib/validations/discussion";
import { createDocumentSchema } from "@/lib/validations/document";
import { saveDocumentAnswerSchema } from "@/lib/validations/document-answer";
import {
  createSnapshotSchema,
  exportFiltersSchema,
  exportRequestSchema,
  snapshotBodyMaxBytes,
} from "@/lib/validations/export";
import { annotationImportOptionsSchema } from "@/lib/validations/annotation-import";
import { createDocumentsBatchSchema, importUrlSchema } from "@/lib/validations/import";
import { limits } from "@/lib/validations/limits";
import { resubmitSubmissionSchema } from "@/lib/validations/submission";
import { idSchema } from "@/lib/validations/workspace";

import {
  annotationListResponseSchema,
  annotationResponseSchema,
  annotationImportReportSchema,
  annotationSchema,
  batchResultsResponseSchema,
  bulkPreviewResponseSchema,
  codebookPageSchema,
  codebookSchema,
  dimensionSchema,
  documentAnswerListResponseSchema,
  documentAnswerResponseSchema,
  documentAnswerSchema,
  documentItemSchema,
  documentPageSchema,
  documentResponseSchema,
  documentSchema,
  errorResponseSchema,
  importPreviewResponseSchema,
  labelSchema,
  workspaceItemSchema,
  workspacePageSchema,
} from "./schemas";

// Every /api/v1 operation, described once: the OpenAPI document and the docs page are
// generated from this list, and a unit test checks it against the route files.

// Named schemas, published under components/schemas. Request bodies are described as
// the client sends them (zod input), responses as the server sends them (zod output).
export const requestSchemas = {
  CreateAnnotation: createAnnotationSchema,
  UpdateAnnotation: updateAnnotationSchema,
  SaveDocumentAnswer: saveDocumentAnswerSchema,
  CreateDocument: createDocumentSchema,
  CreateDocumentsBatch: createDocumentsBatchSchema,
  ImportUrl: importUrlSchema,
  CreateCollection: createCollectionSchema,
  AddCollectionDocument: addCollectionDocumentSchema,
  CreateSnapshot: createSnapshotSchema,
  CreateComment: createCommentSchema,
  UpdateComment: updateCommentSchema,
  SetReaction: reactionSchema,
  ResubmitDocument: resubmitSubmissionSchema.omit({ documentId: true }),
  AnnotationImportOptions: annotationImportOptionsSchema,
} satisfies Record<string, z.ZodType>;

export const responseSchemas = {
  Error: errorResponseSchema,
  Workspace: workspaceItemSchema,
  WorkspacePage: workspacePageSchema,
  DocumentSummary: documentItemSchema,
  DocumentPage: documentPageSchema,
  Document: documentSchema,
  DocumentResponse: documentResponseSchema,
  Annotation: annotationSchema,
  AnnotationList: annotationListResponseSchema,
  AnnotationResponse: annotationResponseSchema,
  DocumentAnswer: documentAnswerSchema,
  DocumentAnswerList: documentAnswerListResponseSchema,
  DocumentAnswerResponse: documentAnswerResponseSchema,
  Label: labelSchema,
  Dimension: dimensionSchema,
  Codebook: codebookSchema,
  CodebookPage: codebookPageSchema,
  DocumentBatchResults: batchResultsResponseSchema,
  ImportPreview: importPreviewResponseSchema,
  BulkPreview: bulkPreviewResponseSchema,
  AnnotationImportReport: annotationImportReportSchema,
} satisfies Record<string, z.ZodType>;

export type RequestSchemaName = keyof typeof requestSchemas;
export type ResponseSchemaName = keyof typeof responseSchemas;

// Error answers an operation can give, by HTTP status (see lib/errors/app-error.ts).
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;

export type ApiQueryParameter = {
  name: string;
  description: string;
  schema: z.ZodType;
  required?: boolean;
  // Given once per value: ?dimension=a&dimension=b
  repeatable?: boolean;
};

export type ApiOperation = {
  operationId: string;
  method: "get" | "post" | "put" | "patch" | "delete";
  // OpenAPI path template: /api/v1/documents/{documentId}
  path: string;
  tag:
    | "Workspaces"
    | "Documents"
    | "Imports"
    | "Annotations"
    | "Codebooks"
    | "Discussion"
    | "Classes"
    | "Collections"
    | "Agreement"
    | "Exports"
    | "Live"
    | "Meta";
  summary: string;
  description?: string;
  // public: no authentication; read: a READ or READ_WRITE token; write: READ_WRITE only;
  // session: the browser session only (the route does not take tokens yet).
  access: "public" | "read" | "write" | "session";
  paginated?: boolean;
  // Takes an Idempotency-Key header: a retried create never makes a duplicate.
  idempotent?: boolean;
  query?: ApiQueryParameter[];
  body?:
    | {
        kind: "json";
        schema: RequestSchemaName;
        example: unknown;
        // For the batch endpoint: each item of `documents` follows this schema.
        itemSchema?: RequestSchemaName;
        maxBytes: number;
      }
    | {
        kind: "json-or-file";
        schema: RequestSchemaName;
        example: unknown;
        fileDescription: string;
        maxBytes: number;
      }
    | {
        kind: "file";
        fileDescription: string;
        maxBytes: number;
        // Form fields sent beside the file, described by this schema.
        fields?: RequestSchemaName;
      };
  success: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: ResponseSchemaName;
    // JSON whose shape is not published as a schema yet (a feature's own answer).
    freeJson?: boolean;
    // A file or a stream rather than JSON.
    contentType?: string;
  };
  errors: ErrorStatus[];
};

// The path parameters every template can hold, with their descriptions.
export const pathParameterDescriptions: Record<string, string> = {
  workspaceId: "A workspace id (GET /api/v1/workspaces lists them).",
  documentId: "A document id.",
  annotationId: "A highlight (annotation) id.",
  collectionId: "A collection id.",
  snapshotId: "A dataset snapshot id.",
  commentId: "A reply (comment) id.",
  assignmentId: "An assignment id.",
};

const sessionNote =
  "Session only for now: this route does not accept API tokens yet (a token gets 401).";

const dimensionQuery: ApiQueryParameter = {
  name: "dimension",
  description: "The id of the codebook dimension to measure.",
  schema: idSchema,
  required: true,
};

const { shape: filters } = exportFiltersSchema;

// GET …/exports and …/exports/summary take the export request as search parameters
// (lib/validations/export.ts readExportSearchParams); lists repeat their key.
const exportQuery: ApiQueryParameter[] = [
  {
    name: "format",
    description: "The export format.",
    schema: exportRequestSchema.shape.format,
    required: true,
  },
  {
    name: "names",
    description: "`real` for real names (workspace owners only); pseudonyms by default.",
    schema: z.enum(["real", "pseudonyms"]),
  },
  {
    name: "document",
    description: "Only these documents (or use collection).",
    schema: idSchema,
    repeatable: true,
  },
  {
    name: "collection",
    description: "Only the documents of this collection.",
    schema: idSchema,
  },
  {
    name: "codebook",
    description: "The codebook (default: the workspace's default codebook).",
    schema: idSchema,
  },
  {
    name: "dimension",
    description: "Only these dimension keys; none means every dimension.",
    schema: filters.dimensions.unwrap().element,
    repeatable: true,
  },
  {
    name: "annotator",
    description: "Only highlights of these people (user ids).",
    schema: idSchema,
    repeatable: true,
  },
  {
    name: "origin",
    description: "Only highlights made by a person or accepted from a suggestion.",
    schema: filters.origins.unwrap().element,
    repeatable: true,
  },
  {
    name: "from",
    description: "Highlights created on or after this day (UTC).",
    schema: filters.createdFrom.unwrap(),
  },
  {
    name: "to",
    description: "Highlights created on or before this day (UTC).",
    schema: filters.createdTo.unwrap(),
  },
  {
    name: "comments",
    description: "`0` leaves comments out; `1` (the default) keeps them.",
    schema: z.enum(["0", "1"]),
  },
];

const readErrors: ErrorStatus[] = [401, 404, 429];
const listErrors: ErrorStatus[] = [401, 404, 422, 429];
const writeErrors: ErrorStatus[] = [400, 401, 403, 404, 413, 422, 429];

export const apiOperations: ApiOperation[] = [
  {
    operationId: "listWorkspaces",
    method: "get",
    path: "/api/v1/workspaces",
    tag: "Workspaces",
    summary: "List your workspaces",
    description:
      "With a session: every workspace you are a member of. With a token: only the token's workspace.",
    access: "read",
    paginated: true,
    success: { status: 200, description: "A page of workspaces.", schema: "WorkspacePage" },
    errors: [401, 422, 429],
  },
  {
    operationId: "listDocuments",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/documents",
    tag: "Documents",
    summary: "List a workspace's documents",
    description:
      "Newest first, without their text; GET /api/v1/documents/{documentId} returns the text.",
    access: "read",
    paginated: true,
    success: { status: 200, description: "A page of documents.", schema: "DocumentPage" },
    errors: listErrors,
  },
  {
    operationId: "createDocuments",
    idempotent: true,
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/documents",
    tag: "Documents",
    summary: "Add documents (up to 25 per request)",
    description:
      "Each row is validated and saved on its own: the answer reports, per index, the new id or why the row was refused. Needs the editor role.",
    access: "write",
    body: {
      kind: "json",
      schema: "CreateDocumentsBatch",
      itemSchema: "CreateDocument",
      maxBytes: limits.bulkBatchMax * (limits.textMaxChars * 4 + 64 * 1024),
      example: {
        documents: [
          {
            title: "Council approves the new tram line",
            text: "The city council approved the tram line on Tuesday.",
            outlet: "The Daily Example",
            publishedAt: "2026-01-06",
          },
        ],
      },
    },
    success: {
      status: 200,
      description: "One result per row, in the order sent.",
      schema: "DocumentBatchResults",
    },
    errors: writeErrors,
  },
  {
    operationId: "listCodebooks",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/codebooks",
    tag: "Codebooks",
    summary: "List a workspace's codebooks with their dimensions and labels",
    description: "Label ids in highlights (labelIds) refer to the labels listed here.",
    access: "read",
    paginated: true,
    success: { status: 200, description: "A page of codebooks.", schema: "CodebookPage" },
    errors: listErrors,
  },
  {
    operationId: "createImportDraft",
    idempotent: true,
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/imports",
    tag: "Imports",
    summary: "Read a web page or a file into an article draft",
    description:
      "Send JSON `{ url }` to fetch a page, or multipart form data with a `file` (.txt, .md, .html). Nothing is saved as a document: check the draft, then POST it to /documents with its importId. Needs the editor role.",
    access: "write",
    body: {
      kind: "json-or-file",
      schema: "ImportUrl",
      example: { url: "https://example.org/news/tram-line" },
      fileDescription: "An article file: .txt, .md or .html.",
      maxBytes: limits.importFileMaxBytes,
    },
    success: { status: 201, description: "The extracted article.", schema: "ImportPreview" },
    errors: writeErrors,
  },
  {
    operationId: "previewBulkImport",
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/imports/bulk-preview",
    tag: "Imports",
    summary: "Check a JSONL or CSV file of articles, or a zip of article files",
    description:
      "Parses every row (or zip entry: .txt, .md and .html files go through the single-file import; directories, __MACOSX/ and dotfiles are skipped; other files and unsafe paths are reported) and reports it valid or not; writes nothing. A zip that unpacks to more than 100 MB or holds more than 1,000 entries is refused (413). Needs the editor role and, with a token, READ_WRITE (it prepares a write).",
    access: "write",
    body: {
      kind: "file",
      fileDescription:
        "A .jsonl or .csv file with title and text columns, or a .zip of .txt, .md and .html files.",
      maxBytes: Math.max(limits.bulkFileMaxBytes, limits.zipFileMaxBytes),
    },
    success: { status: 200, description: "Every row, checked.", schema: "BulkPreview" },
    errors: writeErrors,
  },
  {
    operationId: "importAnnotations",
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/annotation-imports",
    tag: "Imports",
    summary: "Check or import a file of highlights (JSONL or W3C) into existing documents",
    description:
      "Multipart form data: `file` plus the fields below. A dry run (the default, `dryRun=true`) writes nothing and reports every highlight: create, duplicate (same file id, or same span, labels and annotator), document-not-found, unknown-codebook, unknown-label, offsets-mismatch or invalid (with the line and field). `dryRun=false` imports: all or nothing by default (any problem row: 422 with the report in `error.details.report`), or `mode=row-level` to save the good rows and report the rest. Duplicates are skipped, never an error. Documents are matched by the file's document id, else by identical text, else by identical title. Labels resolve by dimension key and label key in the codebook version the file names, else `codebookId`, else the workspace's default. The importer is the author; the file's annotator and id are kept and exports repeat that annotator. Needs the editor role and a READ_WRITE token.",
    access: "write",
    body: {
      kind: "file",
      fileDescription:
        "A .jsonl file as Framewise exports it (spans with dimension and label) or W3C Web Annotation JSON-LD (.json: a collection, a page or an array).",
      maxBytes: limits.annotationImportMaxBytes,
      fields: "AnnotationImportOptions",
    },
    success: {
      status: 200,
      description:
        "The report (200 for a dry run or when nothing was written, 201 when highlights were written).",
      schema: "AnnotationImportReport",
    },
    errors: writeErrors,
  },
  {
    operationId: "getDocument",
    method: "get",
    path: "/api/v1/documents/{documentId}",
    tag: "Documents",
    summary: "Get a document's text and metadata",
    description: "Offsets of highlights count Unicode code points of `text` (end exclusive).",
    access: "read",
    success: { status: 200, description: "The document.", schema: "DocumentResponse" },
    errors: readErrors,
  },
  {
    operationId: "listAnnotations",
    method: "get",
    path: "/api/v1/documents/{documentId}/annotations",
    tag: "Annotations",
    summary: "List a document's highlights",
    access: "read",
    success: {
      status: 200,
      description: "Live highlights in text order.",
      schema: "AnnotationList",
    },
    errors: readErrors,
  },
  {
    operationId: "createAnnotation",
    idempotent: true,
    method: "post",
    path: "/api/v1/documents/{documentId}/annotations",
    tag: "Annotations",
    summary: "Add a highlight",
    description:
      "start and end are code points; exact must equal the text between them. Send documentVersion to be told (409) when the text changed. Needs the annotator role.",
    access: "write",
    body: {
      kind: "json",
      schema: "CreateAnnotation",
      maxBytes: limits.annotationBodyMaxBytes,
      example: {
        start: 4,
        end: 12,
        exact: "minister",
        labelIds: [],
        comment: "Named, but not quoted.",
        confidence: 2,
        documentVersion: 1,
      },
    },
    success: { status: 201, description: "The new highlight.", schema: "AnnotationResponse" },
    errors: [...writeErrors, 409],
  },
  {
    operationId: "listDocumentAnswers",
    method: "get",
    path: "/api/v1/documents/{documentId}/answers",
    tag: "Annotations",
    summary: "List answers to a document's whole-document dimensions",
    description:
      "One answer per person and dimension key (genre, frames, overall verdict), as the caller may see them: in a blind class assignment a student sees only their own until it is revealed.",
    access: "read",
    success: { status: 200, description: "The answers.", schema: "DocumentAnswerList" },
    errors: readErrors,
  },
  {
    operationId: "saveDocumentAnswer",
    method: "put",
    path: "/api/v1/documents/{documentId}/answers",
    tag: "Annotations",
    summary: "Save your answer to one whole-document dimension",
    description:
      "labelIds must be labels of that document-scope dimension of the codebook the document is read with (at most one for single-choice dimensions); text is free text. Empty labels and text remove the answer. Needs the annotator role.",
    access: "write",
    body: {
      kind: "json",
      schema: "SaveDocumentAnswer",
      maxBytes: limits.annotationBodyMaxBytes,
      example: { dimensionKey: "genre", labelIds: [], text: "" },
    },
    success: {
      status: 200,
      description: "The saved answer, or null when it was cleared.",
      schema: "DocumentAnswerResponse",
    },
    errors: writeErrors,
  },
  {
    operationId: "updateAnnotation",
    method: "patch",
    path: "/api/v1/annotations/{annotationId}",
    tag: "Annotations",
    summary: "Change one of your highlights",
    description:
      "Send the revision you edited (from the highlight) and only what changes: labels, comment, confidence, or a new span. A save on an older revision is a 409. Only the author can change a highlight.",
    access: "write",
    body: {
      kind: "json",
      schema: "UpdateAnnotation",
      maxBytes: limits.annotationBodyMaxBytes,
      example: { revision: 1, comment: "Quoted in the second paragraph.", confidence: 3 },
    },
    success: { status: 200, description: "The changed highlight.", schema: "AnnotationResponse" },
    errors: [...writeErrors, 409],
  },
  {
    operationId: "deleteAnnotation",
    method: "delete",
    path: "/api/v1/annotations/{annotationId}",
    tag: "Annotations",
    summary: "Delete one of your highlights",
    description: "A soft delete: POST …/restore brings it back.",
    access: "write",
    success: { status: 204, description: "Deleted." },
    errors: [401, 403, 404, 429],
  },
  {
    operationId: "restoreAnnotation",
    method: "post",
    path: "/api/v1/annotations/{annotationId}/restore",
    tag: "Annotations",
    summary: "Restore one of your deleted highlights",
    access: "write",
    success: { status: 200, description: "The restored highlight.", schema: "AnnotationResponse" },
    errors: [401, 403, 404, 409, 429],
  },
  {
    operationId: "listDocumentThreads",
    method: "get",
    path: "/api/v1/documents/{documentId}/threads",
    tag: "Discussion",
    summary: "List the discussion threads of a document",
    description: sessionNote,
    access: "session",
    success: { status: 200, description: "The threads.", freeJson: true },
    errors: readErrors,
  },
  {
    operationId: "listComments",
    method: "get",
    path: "/api/v1/annotations/{annotationId}/comments",
    tag: "Discussion",
    summary: "List a highlight's thread",
    description: sessionNote,
    access: "session",
    success: { status: 200, description: "`{ comments }`.", freeJson: true },
    errors: readErrors,
  },
  {
    operationId: "createComment",
    idempotent: true,
    method: "post",
    path: "/api/v1/annotations/{annotationId}/comments",
    tag: "Discussion",
    summary: "Reply in a highlight's thread",
    description: sessionNote,
    access: "session",
    body: {
      kind: "json",
      schema: "CreateComment",
      maxBytes: 32 * 1024,
      example: { body: "Is the minister quoted anywhere else?" },
    },
    success: { status: 201, description: "`{ comment }`.", freeJson: true },
    errors: writeErrors,
  },
  {
    operationId: "setReaction",
    method: "post",
    path: "/api/v1/annotations/{annotationId}/reaction",
    tag: "Discussion",
    summary: "Agree, disagree, or take your reaction back (null)",
    description: sessionNote,
    access: "session",
    body: { kind: "json", schema: "SetReaction", maxBytes: 1024, example: { kind: "AGREE" } },
    success: { status: 200, description: "`{ reaction }`.", freeJson: true },
    errors: writeErrors,
  },
  {
    operationId: "markThreadRead",
    method: "post",
    path: "/api/v1/annotations/{annotationId}/read",
    tag: "Discussion",
    summary: "Clear a thread's unread marker",
    description: sessionNote,
    access: "session",
    success: { status: 204, description: "Marked as read." },
    errors: [401, 404, 429],
  },
  {
    operationId: "updateComment",
    method: "patch",
    path: "/api/v1/comments/{commentId}",
    tag: "Discussion",
    summary: "Pin or hide a reply (instructors)",
    description: sessionNote,
    access: "session",
    body: { kind: "json", schema: "UpdateComment", maxBytes: 1024, example: { isPinned: true } },
    success: { status: 200, description: "`{ comment }`.", freeJson: true },
    errors: writeErrors,
  },
  {
    operationId: "getGradebook",
    method: "get",
    path: "/api/v1/assignments/{assignmentId}/gradebook",
    tag: "Classes",
    summary: "An assignment's gradebook as CSV (instructors)",
    description: sessionNote,
    access: "session",
    success: { status: 200, description: "A CSV file.", contentType: "text/csv" },
    errors: readErrors,
  },
  {
    operationId: "listCollections",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/collections",
    tag: "Collections",
    summary: "List a workspace's collections",
    description: sessionNote,
    access: "session",
    success: { status: 200, description: "`{ collections }`.", freeJson: true },
    errors: readErrors,
  },
  {
    operationId: "createCollection",
    idempotent: true,
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/collections",
    tag: "Collections",
    summary: "Create a collection (editors)",
    description: sessionNote,
    access: "session",
    body: {
      kind: "json",
      schema: "CreateCollection",
      maxBytes: 16 * 1024,
      example: { name: "Tram line coverage", description: "Five outlets, one decision." },
    },
    success: { status: 201, description: "`{ collection }`.", freeJson: true },
    errors: writeErrors,
  },
  {
    operationId: "deleteCollection",
    method: "delete",
    path: "/api/v1/collections/{collectionId}",
    tag: "Collections",
    summary: "Remove a collection (its documents stay)",
    description: sessionNote,
    access: "session",
    success: { status: 204, description: "Removed." },
    errors: [401, 403, 404, 429],
  },
  {
    operationId: "addCollectionDocument",
    method: "post",
    path: "/api/v1/collections/{collectionId}/documents",
    tag: "Collections",
    summary: "Add a document of the workspace to a collection",
    description: sessionNote,
    access: "session",
    body: {
      kind: "json",
      schema: "AddCollectionDocument",
      maxBytes: 4 * 1024,
      example: { documentId: "cm0exampledocument" },
    },
    success: { status: 201, description: "`{ document }`.", freeJson: true },
    errors: writeErrors,
  },
  {
    operationId: "removeCollectionDocument",
    method: "delete",
    path: "/api/v1/collections/{collectionId}/documents/{documentId}",
    tag: "Collections",
    summary: "Take a document out of a collection",
    description: sessionNote,
    access: "session",
    success: { status: 204, description: "Removed from the collection." },
    errors: [401, 403, 404, 429],
  },
  {
    operationId: "getWorkspaceReliabilityMatrix",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/reliability-matrix",
    tag: "Agreement",
    summary: "Units × annotators CSV for a workspace (editors and owners)",
    description: `For R's irr and Python's krippendorff (docs/agreement.md). ${sessionNote}`,
    access: "session",
    query: [dimensionQuery],
    success: { status: 200, description: "A CSV file.", contentType: "text/csv" },
    errors: [401, 403, 404, 422, 429],
  },
  {
    operationId: "getCollectionReliabilityMatrix",
    method: "get",
    path: "/api/v1/collections/{collectionId}/reliability-matrix",
    tag: "Agreement",
    summary: "Units × annotators CSV for a collection (editors and owners)",
    description: sessionNote,
    access: "session",
    query: [dimensionQuery],
    success: { status: 200, description: "A CSV file.", contentType: "text/csv" },
    errors: [401, 403, 404, 422, 429],
  },
  {
    operationId: "getDocumentReliabilityMatrix",
    method: "get",
    path: "/api/v1/documents/{documentId}/reliability-matrix",
    tag: "Agreement",
    summary: "Units × annotators CSV for a document (editors and owners)",
    description: sessionNote,
    access: "session",
    query: [dimensionQuery],
    success: { status: 200, description: "A CSV file.", contentType: "text/csv" },
    errors: [401, 403, 404, 422, 429],
  },
  {
    operationId: "streamDocumentEvents",
    method: "get",
    path: "/api/v1/documents/{documentId}/events",
    tag: "Live",
    summary: "Live changes to a document (Server-Sent Events)",
    description: `Reconnecting clients send Last-Event-ID; the first connection may pass ?lastEventId=. ${sessionNote}`,
    access: "session",
    query: [
      {
        name: "lastEventId",
        description: "Resume after this event (the Last-Event-ID header wins over it).",
        schema: z.string().regex(/^\d{1,19}$/),
      },
    ],
    success: { status: 200, description: "An event stream.", contentType: "text/event-stream" },
    errors: readErrors,
  },
  {
    operationId: "streamWorkspacePresence",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/presence",
    tag: "Live",
    summary: "Who is reading which document of a workspace (Server-Sent Events)",
    description: `Each event lists the documents someone else has open, with their readers named as the class rules name them to you. ${sessionNote}`,
    access: "session",
    success: { status: 200, description: "An event stream.", contentType: "text/event-stream" },
    errors: readErrors,
  },
  {
    operationId: "downloadExport",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/exports",
    tag: "Exports",
    summary: "Download an export, streamed",
    access: "read",
    query: exportQuery,
    success: {
      status: 200,
      description: "The export file in the chosen format.",
      contentType: "application/octet-stream",
    },
    errors: [401, 403, 404, 422, 429],
  },
  {
    operationId: "summarizeExport",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/exports/summary",
    tag: "Exports",
    summary: "What an export would hold, without writing it",
    access: "read",
    query: exportQuery,
    success: { status: 200, description: "`{ summary }`.", freeJson: true },
    errors: [401, 403, 404, 422, 429],
  },
  {
    operationId: "listSnapshots",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/snapshots",
    tag: "Exports",
    summary: "List dataset snapshots",
    access: "read",
    success: { status: 200, description: "`{ snapshots }`.", freeJson: true },
    errors: readErrors,
  },
  {
    operationId: "createSnapshot",
    idempotent: true,
    method: "post",
    path: "/api/v1/workspaces/{workspaceId}/snapshots",
    tag: "Exports",
    summary: "Save a dataset snapshot (written in the background)",
    description: `Answers 202 at once; poll the list for its progress.`,
    access: "write",
    body: {
      kind: "json",
      schema: "CreateSnapshot",
      maxBytes: snapshotBodyMaxBytes,
      example: { name: "Spring term release", format: "jsonl", licence: "CC BY 4.0" },
    },
    success: { status: 202, description: "`{ snapshot }`, still RUNNING.", freeJson: true },
    errors: writeErrors,
  },
  {
    operationId: "downloadSnapshot",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/snapshots/{snapshotId}",
    tag: "Exports",
    summary: "Download a dataset snapshot (a tar archive; the same bytes every time)",
    description: `ETag and Repr-Digest carry its SHA-256.`,
    access: "read",
    success: { status: 200, description: "The archive.", contentType: "application/x-tar" },
    errors: readErrors,
  },
  {
    operationId: "resubmitDocument",
    method: "post",
    path: "/api/v1/documents/{documentId}/resubmit",
    tag: "Documents",
    summary: "Resubmit a revised text for review",
    description: `Saves the revision as a new version (highlights are re-anchored) and moves the submission to RESUBMITTED; the version must be the one the revision started from. ${sessionNote}`,
    access: "session",
    body: {
      kind: "json",
      schema: "ResubmitDocument",
      maxBytes: limits.textMaxChars * 4 + 64 * 1024,
      example: {
        version: 2,
        title: "Council approves the plan",
        text: "The council approved the plan on Tuesday, its minutes show.",
        message: "Sourced the vote to the minutes.",
      },
    },
    success: {
      status: 200,
      description: "The new version and the submission's status.",
      freeJson: true,
    },
    errors: [...writeErrors, 409],
  },
  {
    operationId: "exportAuditLog",
    method: "get",
    path: "/api/v1/workspaces/{workspaceId}/audit-log",
    tag: "Workspaces",
    summary: "The workspace's audit log as CSV (owners only)",
    description: sessionNote,
    access: "session",
    query: [
      { name: "actor", description: "Only changes by this user id.", schema: z.string() },
      { name: "action", description: "Only this kind of change.", schema: z.string() },
      { name: "from", description: "From this date (YYYY-MM-DD).", schema: z.string() },
      { name: "to", description: "Up to this date (YYYY-MM-DD).", schema: z.string() },
    ],
    success: {
      status: 200,
      description: "The audit log, one change per row.",
      contentType: "text/csv",
    },
    errors: [...listErrors, 403],
  },
  {
    operationId: "getOpenApiDocument",
    method: "get",
    path: "/api/v1/openapi.json",
    tag: "Meta",
    summary: "This OpenAPI 3.1 document",
    description: "Public: no token needed.",
    access: "public",
    success: { status: 200, description: "The OpenAPI document.", freeJson: true },
    errors: [],
  },
];
