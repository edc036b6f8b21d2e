import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;

// RFC 4180 CSV with a header row. Cells of text that start with = + - @ get an apostrophe
// (OWASP "CSV injection": quotes and passages come from untrusted articles); numbers are
// left alone, so negative α stays a number.
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([[...header], ...rows.map((row) => row.map((cell) => cell ?? ""))], {
    escape_formulas: true,
    record_delimiter: "\n",
  });
}

// A file name from free text: letters, digits and dashes only.
export function toFileName(...parts: string[]): string {
  return (
    parts
      .join("-")
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "figure"
  );
}
