// The neutral model of an annotation file, whatever its format: what the file says, before
// it is matched against a workspace. Offsets are code points, end exclusive.
import type { AnnotationOrigin, ReviewState } from "@/lib/export/types";

export const annotationFileFormats = ["jsonl", "w3c"] as const;
export type AnnotationFileFormat = (typeof annotationFileFormats)[number];

// How the file names the document an annotation belongs to. Any of these may be missing;
// lib/import/annotations/match-document.ts documents the order they are tried in.
export type FileDocumentRef = {
  id: string | null;
  title: string | null;
  // The text the offsets were written against (JSONL carries it, W3C does not).
  text: string | null;
  // SHA-256 hex of that text (W3C carries it under urn:framewise:terms:textHash).
  textHash: string | null;
};

export type FileLabel = { dimension: string; label: string };

export type FileAnnotation = {
  // 1-based line of a JSONL file; the item's position for W3C.
  line: number;
  // Where it is in the file, for messages: "Line 3, span 2", "Annotation urn:…".
  where: string;
  // The file's own id for the highlight; rows sharing it are one highlight.
  externalId: string | null;
  document: FileDocumentRef;
  // A codebook the row names (JSONL meta.codebook, W3C label IRIs); null: the target one.
  codebook: { key: string; version: number } | null;
  annotator: string | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  labels: FileLabel[];
  comment: string;
  confidence: number | null;
  origin: AnnotationOrigin;
  reviewState: ReviewState;
  createdAt: Date | null;
};

// A line or item that could not be read at all (malformed JSON, a missing field).
export type FileProblem = { line: number; where: string; message: string };

export type ParsedAnnotationFile = {
  format: AnnotationFileFormat;
  annotations: FileAnnotation[];
  problems: FileProblem[];
};
