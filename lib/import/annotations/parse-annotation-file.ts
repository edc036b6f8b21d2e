// Reads an uploaded annotation file: decodes the bytes like any text upload, decides the
// format (the one asked for; else the extension, .jsonl/.ndjson or .json/.jsonld; else
// the content: a first line that is a whole JSON object with `text` is JSON Lines), and
// parses it. A file that cannot be read at all is an AppError; lines or items that cannot
// be read are reported in `problems`.
import { AppError } from "@/lib/errors/app-error";
import { ExportError } from "@/lib/export/export-error";
import { decodeTextFile } from "@/lib/import/text-file-to-article";

import { parseAnnotationJsonl } from "./parse-annotation-jsonl";
import { parseAnnotationW3c } from "./parse-annotation-w3c";
import type { AnnotationFileFormat, ParsedAnnotationFile } from "./types";

export type ParseAnnotationFileOptions = {
  fileName: string;
  format?: AnnotationFileFormat;
};

export function parseAnnotationFile(
  content: string | Uint8Array,
  { fileName, format }: ParseAnnotationFileOptions,
): ParsedAnnotationFile {
  const decoded = typeof content === "string" ? content : decodeTextFile(content, fileName);
  const source = decoded.replace(/^\uFEFF/, "");
  if (source.trim() === "") {
    throw new AppError("INVALID_INPUT", `“${fileName}” is empty: it has no annotations to import.`);
  }

  const chosen = format ?? detectAnnotationFormat(source, fileName);
  try {
    return chosen === "jsonl" ? parseAnnotationJsonl(source) : parseAnnotationW3c(source);
  } catch (error) {
    if (error instanceof ExportError) {
      throw new AppError("INVALID_INPUT", error.message, { file: [error.message] });
    }
    throw error;
  }
}

export function detectAnnotationFormat(source: string, fileName: string): AnnotationFileFormat {
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension === "jsonl" || extension === "ndjson") {
    return "jsonl";
  }
  if (extension === "json" || extension === "jsonld") {
    return "w3c";
  }

  const start = source.trimStart();
  if (start.startsWith("[")) {
    return "w3c";
  }
  const firstLine = start.slice(0, start.indexOf("\n") === -1 ? undefined : start.indexOf("\n"));
  try {
    const value: unknown = JSON.parse(firstLine);
    if (typeof value === "object" && value !== null && "text" in value) {
      return "jsonl";
    }
  } catch {
    // Not one object per line: a pretty-printed W3C document, or a broken line that the
    // JSONL reader will report with its number.
    if (!start.startsWith("{") || /"@context"|"AnnotationCollection"/.test(start.slice(0, 4096))) {
      return "w3c";
    }
    return /^\{\s*$/m.test(firstLine) ? "w3c" : "jsonl";
  }
  return "w3c";
}
