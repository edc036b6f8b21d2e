// Size limits shared by forms, server actions and the API.
export const limits = {
  titleMax: 300,
  // About 150,000 words of English; enough for any article, small enough to render.
  textMaxChars: 1_000_000,
  commentMax: 5_000,
  nameMax: 100,
  workspaceNameMax: 100,
  passwordMin: 10,
  passwordMax: 200,
  emailMax: 254,
  urlMax: 2_000,
  metaMax: 200,
  labelsPerAnnotationMax: 50,
  // Typed field values on a highlight (lib/validations/annotation.ts).
  fieldTargetMax: 200,
  fieldTextMax: 2_000,
  fieldValuesMax: 50,
  // One uploaded article file (.txt, .md, .html); pages of news sites fit easily.
  importFileMaxBytes: 5 * 1024 * 1024,
  // A bulk file of many articles (JSONL or CSV).
  bulkFileMaxBytes: 20 * 1024 * 1024,
  // An annotation file (JSONL or W3C JSON-LD); a JSONL line repeats its document's text.
  annotationImportMaxBytes: 50 * 1024 * 1024,
  // A zip of article files: its compressed size, what it may inflate to, and its entries.
  zipFileMaxBytes: 20 * 1024 * 1024,
  zipUncompressedMaxBytes: 100 * 1024 * 1024,
  zipEntriesMax: 1_000,
  // Documents saved per bulk request; the browser sends batches and shows progress.
  bulkBatchMax: 25,
  // Request bodies for the annotation API; a quote can be long, but not megabytes.
  annotationBodyMaxBytes: 256 * 1024,
} as const;
