import { AppError } from "@/lib/errors/app-error";
import { normalizeText } from "@/lib/text/normalize-text";
import { limits } from "@/lib/validations/limits";

import { clipText } from "./clip-text";
import { decodeBytes } from "./decode-bytes";
import { blocksToText, parseMarkdown } from "./markdown-to-text";

export type TextFileFormat = "text" | "markdown";

export type TextFileArticle = {
  title: string;
  text: string;
  format: TextFileFormat;
};

export type TextFileToArticleOptions = {
  fileName: string;
  // Overrides the format the file name suggests.
  format?: TextFileFormat;
};

const extensionFormats: Record<string, TextFileFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
};

// A UTF-8 text can take up to four bytes per character; anything larger than that
// cannot fit the text limit, so it is refused before decoding.
const maxBytes = limits.textMaxChars * 4;

// Turns an uploaded .txt or .md file into a title and reading text. The title is the
// first heading (Markdown), the front-matter title, or the first line when it is short
// enough to be one; otherwise the file name. Refuses files that are not text.
export function textFileToArticle(
  content: Uint8Array | ArrayBuffer,
  options: TextFileToArticleOptions,
): TextFileArticle {
  const format = options.format ?? formatFromFileName(options.fileName);
  const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);

  if (bytes.length > maxBytes) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `“${options.fileName}” is too large to be an article (the text limit is ${limits.textMaxChars.toLocaleString("en")} characters).`,
    );
  }

  return textToArticle(decodeTextFile(bytes, options.fileName), {
    format,
    fileName: options.fileName,
  });
}

export type TextToArticleOptions = {
  format: TextFileFormat;
  // Names the source in messages and gives a title when the text has none.
  fileName?: string;
};

// The same for text already decoded: a text/plain page fetched by URL, a paste.
export function textToArticle(raw: string, options: TextToArticleOptions): TextFileArticle {
  const fileName = options.fileName ?? "";
  const article =
    options.format === "markdown" ? markdownArticle(raw, fileName) : plainArticle(raw, fileName);

  if (!article.text) {
    throw new AppError(
      "INVALID_INPUT",
      fileName ? `“${fileName}” is empty.` : "There is no text to import.",
    );
  }

  if (article.text.length > limits.textMaxChars) {
    throw new AppError(
      "INVALID_INPUT",
      `The text is too long: at most ${limits.textMaxChars.toLocaleString("en")} characters.`,
    );
  }

  return { ...article, format: options.format };
}

export function formatFromFileName(fileName: string): TextFileFormat {
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const format = extensionFormats[extension];

  if (!format) {
    throw new AppError(
      "INVALID_INPUT",
      `Framewise imports .txt and .md files; “${fileName}” is neither. Save the article as plain text or Markdown, or paste its text.`,
    );
  }

  return format;
}

// UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark are read
// as they are. A file with no valid multi-byte UTF-8 at all but some high bytes is an
// older 8-bit text (Windows-1252, a superset of Latin-1 for printable text) and is read
// as that. Anything else that does not decode is refused rather than imported garbled.
export function decodeTextFile(bytes: Uint8Array, fileName: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checkDecoded(new TextDecoder("utf-16le").decode(bytes), fileName);
  }

  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checkDecoded(new TextDecoder("utf-16be").decode(bytes), fileName);
  }

  if (bytes.includes(0)) {
    throw notText(fileName);
  }

  try {
    return checkDecoded(new TextDecoder("utf-8", { fatal: true }).decode(bytes), fileName);
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
  }

  const lossy = new TextDecoder("utf-8").decode(bytes);
  const invalidCount = countMatches(lossy, /\uFFFD/g);
  const validNonAsciiCount = countMatches(lossy, /[^\u0000-\u007F\uFFFD]/g);

  if (validNonAsciiCount === 0) {
    const legacy = checkDecoded(decodeBytes(bytes, "windows-1252"), fileName);

    // In Western European text accented letters are a minority; when most letters come
    // out accented the file is in another 8-bit encoding (Cyrillic, Greek…) and would
    // import as gibberish.
    const accentedLetters = countMatches(legacy, /(?![\u0000-\u007F])\p{L}/gu);

    if (accentedLetters <= countMatches(legacy, /\p{L}/gu) * 0.2) {
      return legacy;
    }
  } else if (invalidCount / Math.max(lossy.length, 1) > 0.1) {
    throw notText(fileName);
  }

  throw new AppError(
    "INVALID_INPUT",
    `“${fileName}” is not valid UTF-8 text: ${invalidCount.toLocaleString("en")} ${invalidCount === 1 ? "character" : "characters"} could not be read. Save it with UTF-8 encoding and upload it again.`,
  );
}

// Text has almost no control characters besides tab, line feed, form feed and
// carriage return; binary data decoded as text has many.
function checkDecoded(text: string, fileName: string): string {
  const controlCount = countMatches(text, /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g);

  if (text.includes("\u0000") || controlCount > Math.max(8, text.length * 0.01)) {
    throw notText(fileName);
  }

  return text;
}

function notText(fileName: string): AppError {
  return new AppError(
    "INVALID_INPUT",
    `“${fileName}” does not look like a text file (it contains binary data). Upload a .txt or .md file, or paste the article text.`,
  );
}

function plainArticle(raw: string, fileName: string): Omit<TextFileArticle, "format"> {
  return splitTitle(normalizeText(raw), fileName);
}

function markdownArticle(raw: string, fileName: string): Omit<TextFileArticle, "format"> {
  // Parsed before normalising: normalizeText drops trailing spaces, which in Markdown
  // can be a hard line break.
  const document = parseMarkdown(raw.replace(/^\uFEFF/, "").normalize("NFC"));
  const [first, ...rest] = document.blocks;

  if (document.frontMatterTitle) {
    const blocks =
      first?.type === "heading" && first.text === document.frontMatterTitle
        ? rest
        : document.blocks;
    return {
      title: clipText(document.frontMatterTitle, limits.titleMax),
      text: normalizeText(blocksToText(blocks)),
    };
  }

  if (first?.type === "heading" && first.text && first.text.length <= limits.titleMax) {
    const text = normalizeText(blocksToText(rest));
    return { title: first.text, text: text || first.text };
  }

  return splitTitle(normalizeText(blocksToText(document.blocks)), fileName);
}

// The first line is the title when it is short enough to be one; the text is what
// follows (or the line itself, for a one-line file).
function splitTitle(text: string, fileName: string): Omit<TextFileArticle, "format"> {
  const lineEnd = text.indexOf("\n");
  const firstLine = (lineEnd === -1 ? text : text.slice(0, lineEnd)).trim();

  if (!firstLine || firstLine.length > limits.titleMax) {
    return { title: titleFromFileName(fileName), text };
  }

  const rest = lineEnd === -1 ? "" : normalizeText(text.slice(lineEnd + 1));
  return { title: firstLine, text: rest || text };
}

function titleFromFileName(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, "")
    .replace(/\.[^.]+$/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return clipText(base || "Untitled article", limits.titleMax);
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}
