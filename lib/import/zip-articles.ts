import "server-only";

import { Unzip, UnzipInflate, type UnzipFile } from "fflate";

import { AppError } from "@/lib/errors/app-error";
import { normalizeText } from "@/lib/text/normalize-text";
import { createDocumentSchema } from "@/lib/validations/document";
import { limits } from "@/lib/validations/limits";

import type { BulkArticleRow, BulkArticlesResult, ValidatedArticle } from "./bulk-articles";
import { htmlToArticle, type ImportedArticle } from "./html-to-article";
import { decodeTextFile, textFileToArticle } from "./text-file-to-article";

// Reads a zip of article files (.txt, .md, .html) into the same per-row result as a
// JSONL or CSV bulk file: each entry goes through the single-file import path and is
// reported on its own (`entry` names it; `line` is its position in the archive).
// Directories, macOS resource forks (__MACOSX/) and dotfiles are skipped silently; other
// files, and names that try to climb out of the archive or are absolute, are reported
// and skipped. A zip bomb is refused while inflating, never trusting the sizes the
// archive declares: past `maxUncompressedBytes` in total, or `maxEntries` entries, the
// whole archive is refused. No entry is ever written to disk.

export type ParseZipArticlesOptions = {
  fileName?: string;
  maxEntries?: number;
  maxUncompressedBytes?: number;
  maxEntryBytes?: number;
};

// The compressed file is fed in slices, so one slice can inflate to at most ~1,000×
// its size (deflate's limit) before the running total is checked again.
const sliceBytes = 16 * 1024;

const textExtensions = new Set(["txt", "text", "md", "markdown"]);
const htmlExtensions = new Set(["html", "htm"]);

export function isZipFile(bytes: Uint8Array, fileName?: string): boolean {
  return (
    fileName?.toLowerCase().endsWith(".zip") === true ||
    (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
  );
}

export function parseZipArticles(
  bytes: Uint8Array,
  options: ParseZipArticlesOptions = {},
): BulkArticlesResult {
  const name = options.fileName ? `“${options.fileName}”` : "The zip file";
  const maxEntries = options.maxEntries ?? limits.zipEntriesMax;
  const maxTotal = options.maxUncompressedBytes ?? limits.zipUncompressedMaxBytes;
  const maxEntry = options.maxEntryBytes ?? limits.importFileMaxBytes;

  const entries: { name: string; chunks: Uint8Array[]; tooLarge: boolean; done: boolean }[] = [];
  let total = 0;
  let refusal: AppError | null = null;
  const refuse = (error: AppError) => {
    refusal ??= error;
  };

  const unzip = new Unzip((file: UnzipFile) => {
    if (refusal) {
      return;
    }
    if (entries.length + 1 > maxEntries) {
      refuse(
        new AppError(
          "PAYLOAD_TOO_LARGE",
          `${name} has more than ${maxEntries.toLocaleString("en")} entries; split it into smaller archives.`,
        ),
      );
      return;
    }
    const entry = { name: file.name, chunks: [] as Uint8Array[], tooLarge: false, done: false };
    entries.push(entry);
    if (file.name.endsWith("/") || isSkipped(file.name)) {
      entry.done = true;
      return;
    }

    let size = 0;
    file.ondata = (error, data, final) => {
      if (error) {
        refuse(
          new AppError("INVALID_INPUT", `${name} is damaged: ${file.name} cannot be unpacked.`),
        );
        return;
      }
      total += data.length;
      size += data.length;
      if (total > maxTotal) {
        refuse(
          new AppError(
            "PAYLOAD_TOO_LARGE",
            `${name} unpacks to more than ${Math.round(maxTotal / 1024 / 1024)} MB (a zip bomb, or simply too much): nothing was imported. Split it into smaller archives.`,
          ),
        );
        file.terminate();
        return;
      }
      if (size > maxEntry) {
        entry.tooLarge = true;
        entry.chunks = [];
        file.terminate();
        return;
      }
      entry.chunks.push(data);
      entry.done = final;
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  if (!isZipFile(bytes)) {
    throw new AppError("INVALID_INPUT", `${name} is not a zip archive.`);
  }

  try {
    for (let offset = 0; offset < bytes.length && !refusal; offset += sliceBytes) {
      const end = Math.min(bytes.length, offset + sliceBytes);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    refuse(
      new AppError(
        "INVALID_INPUT",
        `${name} is damaged or not a zip archive; it could not be unpacked.`,
      ),
    );
  }
  if (refusal) {
    throw refusal as AppError;
  }

  const rows: BulkArticleRow[] = [];
  entries.forEach((entry, index) => {
    if (entry.name.endsWith("/") || isSkipped(entry.name)) {
      return;
    }
    rows.push({ line: index + 1, entry: entry.name, ...readEntry(entry, maxEntry) });
  });

  if (rows.length === 0) {
    throw new AppError("INVALID_INPUT", `${name} holds no files to import (.txt, .md or .html).`);
  }

  return { format: "zip", rows };
}

type EntryResult = { input: ValidatedArticle } | { error: string };

function readEntry(
  entry: { name: string; chunks: Uint8Array[]; tooLarge: boolean; done: boolean },
  maxEntry: number,
): EntryResult {
  if (isUnsafePath(entry.name)) {
    return { error: "Skipped: the path leaves the archive or is absolute." };
  }
  const baseName = entry.name.split(/[\\/]/).pop() ?? entry.name;
  const extension = baseName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  if (!textExtensions.has(extension) && !htmlExtensions.has(extension)) {
    return { error: "Skipped: not a .txt, .md or .html file." };
  }
  if (entry.tooLarge) {
    return {
      error: `Skipped: larger than ${Math.round(maxEntry / 1024 / 1024)} MB unpacked.`,
    };
  }
  if (!entry.done) {
    return { error: "Skipped: the archive ends in the middle of this file." };
  }

  const bytes = Buffer.concat(entry.chunks);
  try {
    const article: ImportedArticle = htmlExtensions.has(extension)
      ? htmlToArticle(decodeTextFile(bytes, baseName))
      : textFileToArticle(bytes, { fileName: baseName });
    const result = createDocumentSchema.safeParse({
      title: article.title,
      text: normalizeText(article.text),
      kind: "ARTICLE",
      ...(article.author ? { author: article.author } : {}),
      ...(article.outlet ? { outlet: article.outlet } : {}),
      ...(article.sourceUrl ? { sourceUrl: article.sourceUrl } : {}),
      ...(article.publishedAt
        ? { publishedAt: article.publishedAt.toISOString().slice(0, 10) }
        : {}),
    });
    if (!result.success) {
      return { error: [...new Set(result.error.issues.map((issue) => issue.message))].join(" ") };
    }
    return { input: result.data };
  } catch (error) {
    if (error instanceof AppError) {
      return { error: error.message };
    }
    throw error;
  }
}

// Folders and files the archiver adds on its own.
function isSkipped(path: string): boolean {
  return path
    .split(/[\\/]/)
    .some(
      (segment) =>
        segment === "__MACOSX" || (segment.startsWith(".") && segment !== "." && segment !== ".."),
    );
}

function isUnsafePath(path: string): boolean {
  return (
    path.startsWith("/") ||
    path.startsWith("\\") ||
    /^[a-z]:/i.test(path) ||
    path.split(/[\\/]/).some((segment) => segment === "..") ||
    path.includes("\u0000")
  );
}
