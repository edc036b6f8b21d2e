import { CsvError, parse as parseCsv } from "csv-parse/sync";

import { AppError } from "@/lib/errors/app-error";
import { normalizeText } from "@/lib/text/normalize-text";
import { type CreateDocumentData, createDocumentSchema } from "@/lib/validations/document";

import { decodeTextFile } from "./text-file-to-article";

// Reads a file of many articles, JSON Lines (one object per line) or CSV with a header
// row, and validates every row with the same schema as the single-article form. Rows
// fail one by one with their line number; good rows are kept. Only a file that cannot
// be read as either format at all is refused as a whole.

// "zip": an archive of article files, read by zip-articles.ts into the same rows.
export type BulkFormat = "jsonl" | "csv" | "zip";

export type ValidatedArticle = CreateDocumentData;

// `entry`: the file's path inside a zip archive.
export type BulkArticleRow =
  | { line: number; entry?: string; input: ValidatedArticle; error?: undefined }
  | { line: number; entry?: string; input?: undefined; error: string };

export type BulkArticlesResult = {
  format: BulkFormat;
  rows: BulkArticleRow[];
};

export type ParseBulkArticlesOptions = {
  // Decides the format by extension (.jsonl, .ndjson, .csv); otherwise it is sniffed.
  fileName?: string;
  format?: BulkFormat;
  maxRows?: number;
};

export const bulkArticlesMaxRows = 1_000;

// Column names people use, mapped to the schema's fields. Compared lowercased, with
// spaces and dashes read as underscores.
const fieldAliases: Record<string, BulkField> = {
  title: "title",
  headline: "title",
  text: "text",
  body: "text",
  content: "text",
  source_url: "sourceUrl",
  sourceurl: "sourceUrl",
  url: "sourceUrl",
  link: "sourceUrl",
  outlet: "outlet",
  source: "outlet",
  publisher: "outlet",
  author: "author",
  byline: "author",
  published_at: "publishedAt",
  publishedat: "publishedAt",
  published: "publishedAt",
  date: "publishedAt",
};

type BulkField = "title" | "text" | "sourceUrl" | "outlet" | "author" | "publishedAt";

const fieldLabels: Record<BulkField, string> = {
  title: "title",
  text: "text",
  sourceUrl: "source_url",
  outlet: "outlet",
  author: "author",
  publishedAt: "published_at",
};

// Bytes are decoded like a text upload (UTF-8, UTF-16 with a byte-order mark, or an old
// Windows-1252 export from a spreadsheet) and refused when they are not text.
export function parseBulkArticles(
  content: string | Uint8Array | ArrayBuffer,
  options: ParseBulkArticlesOptions = {},
): BulkArticlesResult {
  const name = options.fileName ? `“${options.fileName}”` : "The file";
  const decoded =
    typeof content === "string"
      ? content
      : decodeTextFile(
          content instanceof Uint8Array ? content : new Uint8Array(content),
          options.fileName ?? "file",
        );
  const source = decoded.replace(/^\uFEFF/, "");

  if (source.trim() === "") {
    throw new AppError("INVALID_INPUT", `${name} is empty: it has no articles to import.`);
  }

  if (source.includes("\u0000")) {
    throw new AppError(
      "INVALID_INPUT",
      `${name} is not a text file. Upload JSON Lines (.jsonl) or CSV (.csv).`,
    );
  }

  const format = options.format ?? detectFormat(source, options.fileName);
  const maxRows = options.maxRows ?? bulkArticlesMaxRows;
  const onRow = (count: number) => {
    if (count > maxRows) {
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `${name} has more than ${maxRows.toLocaleString("en")} articles; split it into files of at most ${maxRows.toLocaleString("en")}.`,
      );
    }
  };
  const rows =
    format === "jsonl" ? parseJsonLines(source, onRow) : parseCsvRows(source, name, onRow);

  return { format, rows };
}

function detectFormat(source: string, fileName: string | undefined): BulkFormat {
  const extension = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];

  if (extension === "jsonl" || extension === "ndjson") {
    return "jsonl";
  }

  if (extension === "csv" || extension === "tsv") {
    return "csv";
  }

  const start = source.trimStart();

  if (start.startsWith("[")) {
    throw new AppError(
      "INVALID_INPUT",
      "This looks like a JSON array. Put one article object per line (JSON Lines, .jsonl) instead.",
    );
  }

  if (/^\{\s*\n/.test(start)) {
    throw new AppError(
      "INVALID_INPUT",
      "This looks like pretty-printed JSON. Put each article object on a single line (JSON Lines, .jsonl).",
    );
  }

  if (start.startsWith("{")) {
    return "jsonl";
  }

  const header = start.slice(0, start.indexOf("\n") === -1 ? undefined : start.indexOf("\n"));
  const columns = splitHeader(header);

  if (columns.some((column) => fieldAliases[column] === "text")) {
    return "csv";
  }

  throw new AppError(
    "INVALID_INPUT",
    "This file is neither JSON Lines (one {…} object per line) nor CSV with a header row naming at least the title and text columns.",
  );
}

type RowCounter = (count: number) => void;

function parseJsonLines(source: string, onRow: RowCounter): BulkArticleRow[] {
  const rows: BulkArticleRow[] = [];
  const lines = source.split(/\r\n|\n|\r/);

  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;

    if (line.trim() === "") {
      continue;
    }

    onRow(rows.length + 1);
    let value: unknown;

    try {
      value = JSON.parse(line);
    } catch (error) {
      const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
      rows.push({ line: lineNumber, error: `This line is not valid JSON${detail}.` });
      continue;
    }

    if (!value || typeof value !== "object" || Array.isArray(value)) {
      rows.push({
        line: lineNumber,
        error: 'This line is not a JSON object: write each article as {"title": …, "text": …}.',
      });
      continue;
    }

    rows.push(validateRecord(Object.entries(value), lineNumber));
  }

  return rows;
}

function parseCsvRows(source: string, name: string, onRow: RowCounter): BulkArticleRow[] {
  const records: { values: string[]; bytes: number }[] = [];
  const headerLine = source.slice(0, source.search(/\r?\n|$/));
  const delimiter = chooseDelimiter(headerLine);
  let failure: CsvError | undefined;

  try {
    parseCsv(source, {
      delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Collected here rather than from the return value, so the rows read before a
      // fatal error (an unclosed quote) are kept.
      on_record: (record, context) => {
        // The header is a record too.
        onRow(records.length);
        records.push({ values: record, bytes: context.bytes });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) {
      throw error;
    }

    failure = error;
  }

  const [header, ...body] = records;

  if (!header) {
    throw new AppError("INVALID_INPUT", `${name} has no header row.`);
  }

  const columns = header.values.map((column) => fieldAliases[normalizeColumn(column)]);

  if (!columns.includes("text") || !columns.includes("title")) {
    throw new AppError(
      "INVALID_INPUT",
      `The CSV header must name a title and a text column; it has ${header.values.map((column) => `“${column}”`).join(", ")}.`,
    );
  }

  const lineAt = lineLocator(source);
  const rows: BulkArticleRow[] = [];
  let recordStart = header.bytes;

  for (const record of body) {
    const lineNumber = lineAt(recordStart);
    recordStart = record.bytes;

    if (record.values.length > header.values.length) {
      rows.push({
        line: lineNumber,
        error: `This row has ${record.values.length} values but the header has ${header.values.length} columns; put text that contains a “${delimiter}” in double quotes.`,
      });
      continue;
    }

    const entries = record.values.map((value, index): [string, unknown] => [
      header.values[index] ?? "",
      value,
    ]);
    rows.push(validateRecord(entries, lineNumber));
  }

  if (failure) {
    rows.push({ line: lineAt(recordStart), error: csvErrorMessage(failure) });
  }

  return rows;
}

function validateRecord(entries: [string, unknown][], line: number): BulkArticleRow {
  const fields: Partial<Record<BulkField, string>> = {};

  for (const [key, value] of entries) {
    const field = fieldAliases[normalizeColumn(key)];

    if (!field || value === null || value === undefined || value === "") {
      continue;
    }

    if (typeof value === "object") {
      return {
        line,
        error: `The ${fieldLabels[field]} must be text, not ${Array.isArray(value) ? "a list" : "an object"}.`,
      };
    }

    // The first column that names a field wins (e.g. "url" next to "source_url").
    fields[field] ??= String(value);
  }

  if (!fields.title?.trim()) {
    return { line, error: "The title is missing." };
  }

  if (!fields.text?.trim()) {
    return { line, error: "The text is missing." };
  }

  const result = createDocumentSchema.safeParse({
    ...fields,
    kind: "ARTICLE",
    text: normalizeText(fields.text),
    publishedAt: fields.publishedAt && toIsoDate(fields.publishedAt),
  });

  if (result.success) {
    return { line, input: result.data };
  }

  const messages = result.error.issues.map((issue) => {
    if (issue.path[0] === "publishedAt") {
      return `The published date “${fields.publishedAt ?? ""}” is not a date like 2026-01-06.`;
    }

    return issue.message;
  });

  return { line, error: [...new Set(messages)].join(" ") };
}

// The schema takes a calendar date; a timestamp keeps the date as written, so an
// article stamped 23:30 in New York stays on its own day.
function toIsoDate(value: string): string {
  const trimmed = value.trim();
  return trimmed.match(/^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}.*)?$/)?.[1] ?? trimmed;
}

function normalizeColumn(column: string): string {
  return column
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function splitHeader(line: string): string[] {
  return line
    .split(chooseDelimiter(line))
    .map((column) => normalizeColumn(column.replace(/"/g, "")));
}

// Spreadsheets in many locales write ";" or tabs; the header line decides.
function chooseDelimiter(headerLine: string): string {
  const counts = [",", ";", "\t"].map((delimiter) => ({
    delimiter,
    count: headerLine.split(delimiter).length - 1,
  }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0] && counts[0].count > 0 ? counts[0].delimiter : ",";
}

function csvErrorMessage(error: CsvError): string {
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return "A quoted value that starts on this line is never closed; the rest of the file could not be read.";
  }

  return `The CSV could not be read from this line on: ${error.message}`;
}

// csv-parse reports positions in bytes of UTF-8; this maps a byte offset (the end of
// the previous record) to the 1-based line where the next record starts, skipping the
// blank lines in between.
function lineLocator(source: string): (byteOffset: number) => number {
  const bytes = Buffer.from(source, "utf8");
  const lineStarts = [0];

  for (let index = 0; index < bytes.length; index += 1) {
    if (bytes[index] === 0x0a) {
      lineStarts.push(index + 1);
    }
  }

  return (byteOffset) => {
    let offset = byteOffset;

    while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d)) {
      offset += 1;
    }

    let low = 0;
    let high = lineStarts.length - 1;

    while (low < high) {
      const middle = Math.ceil((low + high) / 2);

      if ((lineStarts[middle] ?? 0) <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }

    return low + 1;
  };
}
