// Turns a DOM subtree into reading text the way a person sees the page: block elements
// become paragraphs separated by a blank line, list items and table rows get a line
// each, <br> breaks the line, and runs of HTML whitespace collapse to one space. Works
// on any DOM (jsdom or a browser); it reads nodes and never renders or runs anything.

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const skippedElements = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "title",
  "meta",
  "link",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "button",
  "input",
  "select",
  "textarea",
  "img",
  "picture",
  "source",
]);

// Elements that stand as their own paragraph.
const paragraphElements = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "nav",
  "address",
  "figure",
  "figcaption",
  "table",
  "dl",
  "details",
  "fieldset",
  "form",
  "center",
  "hgroup",
  "hr",
]);

// Elements that take a line of their own but no blank line around them.
const lineElements = new Set(["tr", "dt", "dd", "summary", "caption", "legend"]);

type ListContext = { isOrdered: boolean; next: number };

type Context = { isPreformatted: boolean; lists: ListContext[] };

export function domToText(root: Node): string {
  const builder = new TextBuilder();
  walk(root, builder, { isPreformatted: false, lists: [] });
  return builder.toString();
}

function walk(node: Node, builder: TextBuilder, context: Context): void {
  if (node.nodeType === TEXT_NODE) {
    const data = node.nodeValue ?? "";

    if (context.isPreformatted) {
      builder.appendPreformatted(data);
    } else {
      builder.appendText(data.replace(/[ \t\n\r\f]+/g, " "));
    }

    return;
  }

  if (node.nodeType !== ELEMENT_NODE) {
    walkChildren(node, builder, context);
    return;
  }

  const element = node as Element;
  const tag = element.localName;

  if (skippedElements.has(tag) || element.hasAttribute("hidden")) {
    return;
  }

  if (tag === "br") {
    builder.lineBreak();
    return;
  }

  if (tag === "ul" || tag === "ol") {
    const isNested = context.lists.length > 0;
    const start = Number.parseInt(element.getAttribute("start") ?? "1", 10);
    builder.requestBreak(isNested ? 1 : 2);
    walkChildren(element, builder, {
      ...context,
      lists: [...context.lists, { isOrdered: tag === "ol", next: Number.isNaN(start) ? 1 : start }],
    });
    builder.requestBreak(isNested ? 1 : 2);
    return;
  }

  if (tag === "li") {
    const list = context.lists.at(-1);
    builder.requestBreak(1);

    if (list) {
      const value = Number.parseInt(element.getAttribute("value") ?? "", 10);

      if (list.isOrdered && !Number.isNaN(value)) {
        list.next = value;
      }

      const indent = "  ".repeat(context.lists.length - 1);
      builder.appendMarker(list.isOrdered ? `${indent}${list.next}. ` : `${indent}• `);
      list.next += 1;
    }

    walkChildren(element, builder, context);
    builder.requestBreak(1);
    return;
  }

  if (tag === "td" || tag === "th") {
    builder.appendCellSeparator();
    walkChildren(element, builder, context);
    return;
  }

  if (tag === "pre") {
    builder.requestBreak(2);
    walkChildren(element, builder, { ...context, isPreformatted: true });
    builder.requestBreak(2);
    return;
  }

  const breakSize = paragraphElements.has(tag) ? 2 : lineElements.has(tag) ? 1 : undefined;

  if (breakSize) {
    builder.requestBreak(breakSize);
    walkChildren(element, builder, context);
    builder.requestBreak(breakSize);
    return;
  }

  walkChildren(element, builder, context);
}

function walkChildren(node: Node, builder: TextBuilder, context: Context): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    walk(child, builder, context);
  }
}

// Collects text and pending separators; a separator is written only when more text
// follows, so blocks never leave stray blank lines or spaces at either end.
class TextBuilder {
  private output = "";
  private pendingBreak = 0;
  private hasPendingSpace = false;
  private isLineStart = true;
  private isRowStart = true;

  appendText(text: string): void {
    if (text.startsWith(" ")) {
      this.hasPendingSpace = true;
    }

    const content = text.trim();

    if (content) {
      this.flushSeparators();
      this.output += content;
      this.isLineStart = false;
    }

    if (content && text.endsWith(" ")) {
      this.hasPendingSpace = true;
    }
  }

  appendPreformatted(text: string): void {
    if (!text) {
      return;
    }

    this.flushSeparators();
    this.output += text;
    this.isLineStart = text.endsWith("\n");
  }

  appendMarker(marker: string): void {
    this.flushSeparators();
    this.output += marker;
    // The item's own text follows the marker directly.
    this.hasPendingSpace = false;
    this.isLineStart = false;
  }

  appendCellSeparator(): void {
    if (!this.isRowStart && !this.isLineStart) {
      this.flushSeparators();
      this.output += "\t";
      this.hasPendingSpace = false;
    }

    this.isRowStart = false;
  }

  requestBreak(size: 1 | 2): void {
    this.pendingBreak = Math.max(this.pendingBreak, size);
    this.hasPendingSpace = false;
    this.isRowStart = true;
  }

  lineBreak(): void {
    if (this.output) {
      this.pendingBreak = Math.min(2, this.pendingBreak + 1);
    }

    this.hasPendingSpace = false;
  }

  toString(): string {
    return this.output;
  }

  private flushSeparators(): void {
    if (this.output && this.pendingBreak > 0) {
      this.output = this.output.replace(/[ \t]+$/, "") + "\n".repeat(this.pendingBreak);
      this.isLineStart = true;
    } else if (this.output && this.hasPendingSpace && !this.isLineStart) {
      this.output += " ";
    }

    this.pendingBreak = 0;
    this.hasPendingSpace = false;
  }
}
