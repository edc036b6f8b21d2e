// Turns Markdown into the plain reading text an annotator sees: the syntax goes, the
// words stay. Headings, paragraphs, quotes and code become paragraphs; list items keep
// a line each with a "•" or "1." marker; links and images keep their text; emphasis
// marks, HTML tags and reference definitions disappear. Wrapped lines of one paragraph
// are joined, as a Markdown renderer would. Not a full CommonMark parser: it covers
// what articles written in Markdown use.

export type MarkdownBlock =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; text: string }
  // `isListStart`: the first item of a list, or an item after a blank line.
  | { type: "list-item"; text: string; isListStart: boolean }
  | { type: "code"; text: string }
  | { type: "table-row"; text: string };

export type MarkdownDocument = {
  // `title:` from YAML front matter, when there is one.
  frontMatterTitle?: string;
  blocks: MarkdownBlock[];
};

const fencePattern = /^ {0,3}(`{3,}|~{3,})/;
const headingPattern = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const setextPattern = /^ {0,3}(=+|-+)[ \t]*$/;
const rulePattern = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const quotePattern = /^ {0,3}> ?(.*)$/;
const listItemPattern = /^( *)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const referencePattern = /^ {0,3}\[[^\]]+\]:[ \t]*\S+/;
const tableSeparatorPattern = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

export function markdownToText(markdown: string): string {
  return blocksToText(parseMarkdown(markdown).blocks);
}

// Paragraph-like blocks are separated by a blank line; consecutive list items and table
// rows by a single line break.
export function blocksToText(blocks: MarkdownBlock[]): string {
  let text = "";
  let previous: MarkdownBlock | undefined;

  for (const block of blocks) {
    if (!block.text) {
      continue;
    }

    if (previous) {
      const isSameRun =
        (block.type === "table-row" && previous.type === "table-row") ||
        (block.type === "list-item" && previous.type === "list-item" && !block.isListStart);
      text += isSameRun ? "\n" : "\n\n";
    }

    text += block.text;
    previous = block;
  }

  return text;
}

export function parseMarkdown(markdown: string): MarkdownDocument {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const frontMatter = readFrontMatter(lines);
  const blocks = parseBlocks(lines.slice(frontMatter.lineCount));
  return frontMatter.title ? { frontMatterTitle: frontMatter.title, blocks } : { blocks };
}

function readFrontMatter(lines: string[]): { lineCount: number; title?: string } {
  if (lines[0]?.trim() !== "---") {
    return { lineCount: 0 };
  }

  const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));

  // Without a closing line, or with something that is not "key: value", it is a rule.
  if (end === -1 || !lines.slice(1, end).some((line) => /^[\w-]+:/.test(line))) {
    return { lineCount: 0 };
  }

  const titleLine = lines.slice(1, end).find((line) => /^title:/i.test(line));
  const title = titleLine
    ?.replace(/^title:\s*/i, "")
    .replace(/^(["'])(.*)\1$/, "$2")
    .trim();

  return title ? { lineCount: end + 1, title } : { lineCount: end + 1 };
}

function parseBlocks(lines: string[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let paragraph: string[] = [];
  let listItem: { marker: string; parts: string[]; isListStart: boolean } | undefined;
  let isAfterBreak = true;

  const flush = () => {
    if (paragraph.length > 0) {
      blocks.push({ type: "paragraph", text: joinLines(paragraph) });
      paragraph = [];
    }

    if (listItem) {
      blocks.push({
        type: "list-item",
        text: listItem.marker + joinLines(listItem.parts),
        isListStart: listItem.isListStart,
      });
      listItem = undefined;
    }
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? "";

    if (line.trim() === "") {
      flush();
      isAfterBreak = true;
      continue;
    }

    const isListStart = isAfterBreak || !listItem;
    isAfterBreak = false;

    const fence = line.match(fencePattern)?.[1];

    if (fence) {
      flush();
      const code: string[] = [];
      index += 1;

      while (index < lines.length && !isClosingFence(lines[index] ?? "", fence)) {
        code.push(lines[index] ?? "");
        index += 1;
      }

      blocks.push({ type: "code", text: code.join("\n").replace(/^\n+|\s+$/g, "") });
      continue;
    }

    if (/^ {0,3}<!--/.test(line)) {
      flush();

      while (index < lines.length && !(lines[index] ?? "").includes("-->")) {
        index += 1;
      }

      continue;
    }

    const heading = line.match(headingPattern);

    if (heading) {
      flush();
      blocks.push({
        type: "heading",
        level: heading[1]?.length ?? 1,
        text: stripInline(heading[2] ?? ""),
      });
      continue;
    }

    const setext = line.match(setextPattern)?.[1];

    if (setext && paragraph.length > 0 && !listItem) {
      blocks.push({
        type: "heading",
        level: setext.startsWith("=") ? 1 : 2,
        text: joinLines(paragraph),
      });
      paragraph = [];
      continue;
    }

    if (rulePattern.test(line)) {
      flush();
      continue;
    }

    if (quotePattern.test(line)) {
      flush();
      const quoted: string[] = [];

      while (index < lines.length && quotePattern.test(lines[index] ?? "")) {
        quoted.push((lines[index] ?? "").match(quotePattern)?.[1] ?? "");
        index += 1;
      }

      index -= 1;
      blocks.push(...parseBlocks(quoted));
      continue;
    }

    const nextLine = lines[index + 1] ?? "";

    if (line.includes("|") && nextLine.includes("|") && tableSeparatorPattern.test(nextLine)) {
      flush();
      blocks.push({ type: "table-row", text: tableRow(line) });
      index += 2;

      while (index < lines.length && (lines[index] ?? "").includes("|")) {
        blocks.push({ type: "table-row", text: tableRow(lines[index] ?? "") });
        index += 1;
      }

      index -= 1;
      continue;
    }

    if (referencePattern.test(line) && paragraph.length === 0) {
      continue;
    }

    const item = line.match(listItemPattern);

    if (item && (paragraph.length === 0 || listItem || /^[-*+]$/.test(item[2] ?? ""))) {
      flush();
      const depth = Math.floor((item[1]?.length ?? 0) / 2);
      const marker = /^\d/.test(item[2] ?? "") ? `${(item[2] ?? "").replace(")", ".")} ` : "• ";
      const content = (item[3] ?? "").replace(/^\[[ xX]\][ \t]+/, "");
      listItem = { marker: "  ".repeat(depth) + marker, parts: [content], isListStart };
      continue;
    }

    if (listItem) {
      listItem.parts.push(line);
    } else {
      paragraph.push(line);
    }
  }

  flush();
  return blocks;
}

function isClosingFence(line: string, fence: string): boolean {
  const match = line.match(/^ {0,3}(`{3,}|~{3,})[ \t]*$/)?.[1];
  return Boolean(match && match[0] === fence[0] && match.length >= fence.length);
}

// Lines of one paragraph join with a space; a hard break (two trailing spaces or a
// backslash) keeps its line break.
function joinLines(lines: string[]): string {
  let text = "";

  for (const [index, line] of lines.entries()) {
    const isHardBreak = / {2,}$/.test(line) || /\\$/.test(line);
    const content = line.trim().replace(/\\$/, "");
    text += content;

    if (index < lines.length - 1) {
      text += isHardBreak ? "\n" : " ";
    }
  }

  return stripInline(text);
}

function tableRow(line: string): string {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split(/(?<!\\)\|/)
    .map((cell) => stripInline(cell.trim()))
    .join("\t");
}

const entities: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  laquo: "«",
  raquo: "»",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
};

// Inline syntax. Code spans and backslash escapes are set aside first (NUL-delimited
// placeholders: text files with NUL bytes are refused before this runs), so their
// contents are never read as syntax.
export function stripInline(text: string): string {
  const protectedParts: string[] = [];
  const protect = (value: string) => `\u0000${protectedParts.push(value) - 1}\u0000`;

  let result = text
    .replace(/\\([!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~])/g, (_match, character: string) =>
      protect(character),
    )
    .replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_match, _ticks: string, code: string) =>
      protect(code.replace(/^ (.*) $/, "$1")),
    )
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/!\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, "$1")
    .replace(/<([^>\s@]+@[^>\s@]+)>/g, "$1")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<\/?[a-zA-Z][\w-]*(?:\s[^<>]*)?\/?>/g, "");

  // Emphasis, strongest first; "_" only at word edges (snake_case stays).
  result = result
    .replace(/(\*{1,3})(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(?<![\p{L}\p{N}_])(_{1,3})(?=\S)([\s\S]*?\S)\1(?![\p{L}\p{N}_])/gu, "$2")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1");

  result = result.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
    if (name.startsWith("#")) {
      const codePoint = Number.parseInt(
        name.slice(name[1]?.toLowerCase() === "x" ? 2 : 1),
        name[1]?.toLowerCase() === "x" ? 16 : 10,
      );
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : match;
    }

    return entities[name.toLowerCase()] ?? match;
  });

  return result.replace(/\u0000(\d+)\u0000/g, (_match, index: string) => {
    return protectedParts[Number(index)] ?? "";
  });
}
