import { createOffsetIndex, type OffsetIndex } from "@/lib/anchoring/text-position";

import { ExportError, quoteForMessage } from "./export-error";
import {
  annotationOrigins,
  reviewStates,
  type ExportAnnotation,
  type ExportCodebook,
  type ExportDocument,
  type ExportInput,
} from "./types";

export type PreparedDocument = {
  document: ExportDocument;
  offsets: OffsetIndex;
  // This document's rows in export order (see compareAnnotations).
  annotations: ExportAnnotation[];
};

// Every serializer goes through here first, so no format can write a span whose offsets
// do not give back its quote. Throws ExportError naming the first offending annotation.
// Documents keep the caller's order; each document's annotations are sorted so exports
// are deterministic and diff cleanly.
export function prepareExport(input: ExportInput): PreparedDocument[] {
  const prepared = new Map<string, PreparedDocument>();

  for (const document of input.documents) {
    checkDocument(document);
    if (prepared.has(document.id)) {
      throw new ExportError(`Document "${document.id}" appears twice in the export.`);
    }
    prepared.set(document.id, {
      document,
      offsets: createOffsetIndex(document.text),
      annotations: [],
    });
  }

  const codebookLabels = input.codebook ? indexCodebook(input.codebook) : null;
  const seenRows = new Set<string>();

  for (const annotation of input.annotations) {
    const target = prepared.get(annotation.documentId);
    if (!target) {
      throw new ExportError(
        `Annotation "${annotation.id}" refers to document "${annotation.documentId}", which is not in the export.`,
        { annotationId: annotation.id },
      );
    }

    checkAnnotation(annotation, target, codebookLabels);

    const rowKey = toRowKey(annotation);
    if (seenRows.has(rowKey)) {
      throw new ExportError(
        `Annotation "${annotation.id}" has two rows for ${annotation.dimension === null ? "its note" : `dimension "${annotation.dimension}"`}; merge their labels into one row.`,
        { annotationId: annotation.id },
      );
    }
    seenRows.add(rowKey);
    target.annotations.push(annotation);
  }

  const result = [...prepared.values()];
  for (const entry of result) {
    entry.annotations.sort(compareAnnotations);
  }

  return result;
}

// (id, dimension) as one string, told apart without ambiguity: a note's key starts with
// "-", a dimension's with its length (cheaper than JSON.stringify of a pair per row).
function toRowKey({ id, dimension }: ExportAnnotation): string {
  return dimension === null ? `-${id}` : `${dimension.length}:${dimension}${id}`;
}

// Export order within a document: by position, then id, then dimension (notes first).
// Plain code-unit comparison, not localeCompare, so the order is the same everywhere.
export function compareAnnotations(a: ExportAnnotation, b: ExportAnnotation): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    compareText(a.id, b.id) ||
    compareText(a.dimension ?? "", b.dimension ?? "")
  );
}

// The annotations of `input` in the order every serializer writes them; what a parser
// of a lossless format gives back.
export function orderAnnotations(input: ExportInput): ExportAnnotation[] {
  return prepareExport(input).flatMap((entry) => entry.annotations);
}

export function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }

  return a < b ? -1 : 1;
}

function checkDocument(document: ExportDocument): void {
  if (typeof document.id !== "string" || document.id === "") {
    throw new ExportError("A document in the export has no id.");
  }

  if (typeof document.text !== "string") {
    throw new ExportError(`Document "${document.id}" has no text.`);
  }

  if (!Number.isInteger(document.version) || document.version < 1) {
    throw new ExportError(
      `Document "${document.id}" has version ${String(document.version)}; versions are whole numbers from 1.`,
    );
  }

  if (document.publishedAt !== null && !isValidDate(document.publishedAt)) {
    throw new ExportError(`Document "${document.id}" has an invalid publishedAt date.`);
  }
}

function checkAnnotation(
  annotation: ExportAnnotation,
  target: PreparedDocument,
  codebookLabels: Map<string, Set<string>> | null,
): void {
  const { id } = annotation;
  // failAnnotation(id, …) rather than a closure: this runs for every row of every export.
  const { document, offsets } = target;

  if (annotation.documentVersion !== document.version) {
    failAnnotation(
      id,
      `it was made on version ${annotation.documentVersion} of document "${document.id}", but the export has version ${document.version}. Re-anchor it or leave it out.`,
    );
  }

  const { start, end } = annotation;
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    failAnnotation(id, `offsets must be whole numbers (got ${start}–${end}).`);
  }

  if (start < 0 || end > offsets.codePointLength || start >= end) {
    failAnnotation(
      id,
      `offsets ${start}–${end} are not a non-empty span inside the text (0 to ${offsets.codePointLength} code points).`,
    );
  }

  const found = document.text.slice(offsets.toUtf16(start), offsets.toUtf16(end));
  if (found !== annotation.exact) {
    failAnnotation(
      id,
      `the quote ${quoteForMessage(annotation.exact)} does not match the text at ${start}–${end} of document "${document.id}", which reads ${quoteForMessage(found)}.`,
    );
  }

  if (annotation.dimension === null && annotation.labels.length > 0) {
    failAnnotation(id, "it has labels but no dimension.");
  }

  if (annotation.dimension !== null && annotation.labels.length === 0) {
    failAnnotation(id, `it has dimension "${annotation.dimension}" but no labels.`);
  }

  if (annotation.dimension === "") {
    failAnnotation(id, "its dimension key is empty.");
  }

  // indexOf rather than a Set per row: a row has one label or a few.
  const { labels } = annotation;
  for (let index = 0; index < labels.length; index += 1) {
    const label = labels[index];
    if (typeof label !== "string" || label === "") {
      failAnnotation(id, "it has an empty label key.");
    }
    if (labels.indexOf(label) < index) {
      failAnnotation(id, `label "${label}" appears twice.`);
    }
  }

  if (codebookLabels && annotation.dimension !== null) {
    const known = codebookLabels.get(annotation.dimension);
    if (!known) {
      failAnnotation(id, `dimension "${annotation.dimension}" is not in the codebook.`);
    }
    for (const label of annotation.labels) {
      if (!known.has(label)) {
        failAnnotation(
          id,
          `label "${label}" is not in dimension "${annotation.dimension}" of the codebook.`,
        );
      }
    }
  }

  if (annotation.confidence !== null && !Number.isFinite(annotation.confidence)) {
    failAnnotation(id, "its confidence must be a number or null.");
  }

  if (!(annotationOrigins as readonly string[]).includes(annotation.origin)) {
    failAnnotation(
      id,
      `origin "${String(annotation.origin)}" is not one of ${annotationOrigins.join(", ")}.`,
    );
  }

  if (!(reviewStates as readonly string[]).includes(annotation.reviewState)) {
    failAnnotation(
      id,
      `review state "${String(annotation.reviewState)}" is not one of ${reviewStates.join(", ")}.`,
    );
  }

  if (!isValidDate(annotation.createdAt) || !isValidDate(annotation.updatedAt)) {
    failAnnotation(id, "createdAt and updatedAt must be valid dates.");
  }

  if (typeof annotation.annotator !== "string" || annotation.annotator === "") {
    failAnnotation(id, "it has no annotator pseudonym.");
  }
}

function failAnnotation(id: string, message: string): never {
  throw new ExportError(`Annotation "${id}": ${message}`, { annotationId: id });
}

function indexCodebook(codebook: ExportCodebook): Map<string, Set<string>> {
  return new Map(
    codebook.dimensions.map((dimension) => [
      dimension.key,
      new Set(dimension.labels.map((label) => label.key)),
    ]),
  );
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}
