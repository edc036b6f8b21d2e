// The neutral input model every export adapter reads. It knows nothing of Prisma: the
// server maps its rows onto these shapes, so adapters stay pure and testable.
//
// Offsets are Unicode code points, end exclusive (docs/offsets.md), so `text[start:end]`
// in Python and `sliceByCodePoints(text, start, end)` here give `exact` back.

export type ExportDocument = {
  id: string;
  title: string;
  // The stored, normalised text of `version`; every offset indexes into it.
  text: string;
  version: number;
  // SHA-256 of `text`, hex (lib/text/hash-text.ts).
  textHash: string;
  sourceUrl: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: Date | null;
  // The Prisma `DocumentKind` value ("ARTICLE", "AI_ANALYSIS", "SUBMISSION"), kept as text
  // so a new kind does not break exports.
  kind: string;
  // Answers to whole-document dimensions (genre, frames, overall verdict), when exported.
  answers?: ExportDocumentAnswer[];
};

// One person's answer to a whole-document dimension: label keys and/or text.
export type ExportDocumentAnswer = {
  annotator: string;
  dimension: string;
  labels: string[];
  text: string | null;
};

// A highlight's typed field value on one dimension (docs/codebooks.md, "Typed fields").
export type ExportFieldValue = {
  dimension: string;
  text: string | null;
  target: string | null;
  holder: string | null;
  // The id of the highlight it links to (same document).
  linkedAnnotationId: string | null;
};

export const annotationOrigins = ["person", "suggestion"] as const;
export type AnnotationOrigin = (typeof annotationOrigins)[number];

export const reviewStates = ["pending", "accepted", "rejected", "edited", "gold"] as const;
export type ReviewState = (typeof reviewStates)[number];

// One row per (annotation, dimension). A highlight labelled in two dimensions becomes two
// rows sharing `id` (and its comment, confidence and dates); a highlight with no labels at
// all (a note) is one row with `dimension: null` and `labels: []`. Rows, not highlights,
// are the unit because every dataset format here is organised by label layer: a BIO column,
// a spaCy span group, a PTC technique file. `(id, dimension)` is unique across an export.
export type ExportAnnotation = {
  id: string;
  documentId: string;
  // Must equal the document's `version`: offsets only mean something against that text.
  documentVersion: number;
  // A pseudonym, never an email or user id.
  annotator: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  // Dimension key, or null for a note without labels.
  dimension: string | null;
  // Label keys within `dimension`, in the order the annotator chose them; empty only for notes.
  labels: string[];
  comment: string;
  confidence: number | null;
  origin: AnnotationOrigin;
  reviewState: ReviewState;
  createdAt: Date;
  updatedAt: Date;
  // The highlight's typed field values (all its dimensions, repeated on each of its rows);
  // absent when it has none.
  values?: ExportFieldValue[];
};

export type ExportLabel = { key: string; name: string };

export type ExportDimension = { key: string; name: string; labels: ExportLabel[] };

export type ExportCodebook = {
  key: string;
  name: string;
  version: number;
  // In display order; CoNLL columns and dataset cards follow it.
  dimensions: ExportDimension[];
};

export type ExportInput = {
  documents: ExportDocument[];
  annotations: ExportAnnotation[];
  // When given, every dimension and label key must exist in it.
  codebook?: ExportCodebook | null;
};

// What parsers that carry whole documents (JSONL, Parquet) give back.
export type ParsedExport = {
  documents: ExportDocument[];
  annotations: ExportAnnotation[];
};
