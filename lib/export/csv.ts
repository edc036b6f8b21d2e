// Long-format CSV: one row per (annotation, dimension, label), with a header row. A note
// without labels is one row with empty `dimension` and `label`. Fields are quoted (as
// csv-stringify would) whenever they hold a comma, quote or line break (RFC 4180), so labels and
// multi-line comments survive Excel, pandas and Python's csv module. Offsets are code points.
import { parse } from "csv-parse/sync";

import { ExportError } from "./export-error";
import { compareAnnotations, prepareExport } from "./prepare-export";
import {
  annotationOrigins,
  reviewStates,
  type AnnotationOrigin,
  type ExportAnnotation,
  type ExportDocument,
  type ExportInput,
  type ReviewState,
} from "./types";

export const csvColumns = [
  "document_id",
  "document_version",
  "annotation_id",
  "annotator",
  "origin",
  "review_state",
  "start",
  "end",
  "quote",
  "prefix",
  "suffix",
  "dimension",
  "label",
  "comment",
  "confidence",
  "created_at",
  "updated_at",
] as const;

type CsvColumn = (typeof csvColumns)[number];

export type CsvOptions = {
  // A UTF-8 byte-order mark, so Excel opens the file as UTF-8. parseCsv accepts either.
  bom?: boolean;
  // Prefix cells starting with = + - @ with an apostrophe (OWASP "CSV injection"). Article
  // text is untrusted, so turn this on for files meant for spreadsheets; it changes those
  // cells, so such a file no longer round-trips exactly.
  escapeFormulas?: boolean;
};

export function serializeCsv(input: ExportInput, options: CsvOptions = {}): string {
  const writeCell = options.escapeFormulas ? writeFormulaSafeCell : writePlainCell;
  let content = serializeCsvHeader(options);
  for (const entry of prepareExport(input)) {
    for (const annotation of entry.annotations) {
      content += writeRows(annotation, writeCell);
    }
  }

  return content;
}

// For streaming: the header once, then serializeCsvRows per document. No header cell
// needs quoting or formula escaping.
export function serializeCsvHeader(options: CsvOptions = {}): string {
  return `${options.bom ? "\ufeff" : ""}${csvColumns.join(",")}\n`;
}

export function serializeCsvRows(
  document: ExportDocument,
  annotations: ExportAnnotation[],
  options: Omit<CsvOptions, "bom"> = {},
): string {
  const [entry] = prepareExport({ documents: [document], annotations });
  const writeCell = options.escapeFormulas ? writeFormulaSafeCell : writePlainCell;
  let content = "";
  for (const annotation of entry?.annotations ?? []) {
    content += writeRows(annotation, writeCell);
  }

  return content;
}

// Rebuilds the annotation rows. Documents are not in a CSV, so quotes cannot be checked
// against text here; rows of one annotation must agree on everything but the label.
export function parseCsv(content: string): ExportAnnotation[] {
  let records: string[][];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, relax_quotes: false });
  } catch (error) {
    throw new ExportError(`The CSV could not be read: ${(error as Error).message}`);
  }

  const [header, ...body] = records;
  if (!header || header.join(",") !== csvColumns.join(",")) {
    throw new ExportError(`The CSV header must be: ${csvColumns.join(",")}.`);
  }

  const documentOrder = new Map<string, number>();
  const rows = new Map<string, ExportAnnotation>();

  body.forEach((record, index) => {
    const where = `Row ${index + 2}`;
    if (record.length !== csvColumns.length) {
      throw new ExportError(
        `${where}: expected ${csvColumns.length} fields, found ${record.length}.`,
      );
    }

    const field = (column: CsvColumn): string => record[csvColumns.indexOf(column)] ?? "";
    const dimension = field("dimension") === "" ? null : field("dimension");
    const label = field("label");

    if ((dimension === null) !== (label === "")) {
      throw new ExportError(`${where}: dimension and label must both be set or both be empty.`);
    }

    const row: ExportAnnotation = {
      id: required(field("annotation_id"), "annotation_id", where),
      documentId: required(field("document_id"), "document_id", where),
      documentVersion: readInteger(field("document_version"), "document_version", where),
      annotator: required(field("annotator"), "annotator", where),
      start: readInteger(field("start"), "start", where),
      end: readInteger(field("end"), "end", where),
      exact: field("quote"),
      prefix: field("prefix"),
      suffix: field("suffix"),
      dimension,
      labels: [],
      comment: field("comment"),
      confidence: readConfidence(field("confidence"), where),
      origin: readChoice<AnnotationOrigin>(field("origin"), annotationOrigins, "origin", where),
      reviewState: readChoice<ReviewState>(
        field("review_state"),
        reviewStates,
        "review_state",
        where,
      ),
      createdAt: readDate(field("created_at"), "created_at", where),
      updatedAt: readDate(field("updated_at"), "updated_at", where),
    };

    if (!documentOrder.has(row.documentId)) {
      documentOrder.set(row.documentId, documentOrder.size);
    }

    const key = JSON.stringify([row.id, dimension]);
    const existing = rows.get(key);
    if (!existing) {
      rows.set(key, { ...row, labels: label === "" ? [] : [label] });
      return;
    }

    if (label === "" || JSON.stringify({ ...existing, labels: [] }) !== JSON.stringify(row)) {
      throw new ExportError(
        `${where}: the rows for annotation "${row.id}" disagree; only the label may differ between them.`,
        { annotationId: row.id },
      );
    }
    existing.labels.push(label);
  });

  return [...rows.values()].sort(
    (a, b) =>
      (documentOrder.get(a.documentId) ?? 0) - (documentOrder.get(b.documentId) ?? 0) ||
      compareAnnotations(a, b),
  );
}

// Rows are written as text directly, the cells quoted by the rules csv-stringify applies
// with the options this module used before (delimiter ",", quote and escape \", record
// delimiter "\n"; csv.test.ts compares the two on random text): that library builds and
// checks each cell generically and was most of a CSV export's time (bench/export).
// One row per label; a note is one row with empty dimension and label. A new column goes
// into csvColumns and here, in the same position.
function writeRows(annotation: ExportAnnotation, writeCell: (value: string) => string): string {
  // The cells before dimension and label, and after them: the same on every row.
  // Version, origin, review state, offsets and dates go in as they are: prepareExport has
  // checked they are whole numbers from 0, one of a closed set of words, and valid dates,
  // so they never need quoting or formula escaping. Confidence may be negative ("-5"
  // reads as a formula), so it goes through writeCell.
  const before = `${writeCell(annotation.documentId)},${annotation.documentVersion},${writeCell(annotation.id)},${writeCell(annotation.annotator)},${annotation.origin},${annotation.reviewState},${annotation.start},${annotation.end},${writeCell(annotation.exact)},${writeCell(annotation.prefix)},${writeCell(annotation.suffix)},`;
  const after = `,${writeCell(annotation.comment)},${writeCell(annotation.confidence === null ? "" : String(annotation.confidence))},${annotation.createdAt.toISOString()},${annotation.updatedAt.toISOString()}\n`;

  if (annotation.dimension === null) {
    return `${before},${after}`;
  }

  const dimension = writeCell(annotation.dimension);
  let rows = "";
  for (const label of annotation.labels) {
    rows += `${before}${dimension},${writeCell(label)}${after}`;
  }
  return rows;
}

const needsQuotes = /[",\n\r]/;
const quotes = /"/g;

// RFC 4180: a cell holding a comma, a quote, CR or LF is quoted, its quotes doubled.
export function writePlainCell(value: string): string {
  if (!needsQuotes.test(value)) {
    return value;
  }
  return `"${value.replace(quotes, '""')}"`;
}

// Formula escaping as csv-stringify's escape_formulas does it: an apostrophe before a
// cell a spreadsheet would read as a formula (OWASP "CSV injection").
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function writeFormulaSafeCell(value: string): string {
  return writePlainCell(formulaStart.test(value) ? `'${value}` : value);
}

function required(value: string, column: string, where: string): string {
  if (value === "") {
    throw new ExportError(`${where}: ${column} is empty.`);
  }

  return value;
}

function readInteger(value: string, column: string, where: string): number {
  if (!/^\d+$/.test(value)) {
    throw new ExportError(
      `${where}: ${column} must be a whole number, found ${JSON.stringify(value)}.`,
    );
  }

  return Number(value);
}

function readConfidence(value: string, where: string): number | null {
  if (value === "") {
    return null;
  }

  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new ExportError(
      `${where}: confidence must be a number or empty, found ${JSON.stringify(value)}.`,
    );
  }

  return number;
}

function readChoice<T extends string>(
  value: string,
  choices: readonly T[],
  column: string,
  where: string,
): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new ExportError(`${where}: ${column} must be one of ${choices.join(", ")}.`);
  }

  return value as T;
}

function readDate(value: string, column: string, where: string): Date {
  const date = new Date(value);
  if (value === "" || Number.isNaN(date.getTime())) {
    throw new ExportError(`${where}: ${column} must be an ISO 8601 date-time.`);
  }

  return date;
}
