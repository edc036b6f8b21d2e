import "server-only";

import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

import { AppError } from "@/lib/errors/app-error";
import { normalizeText } from "@/lib/text/normalize-text";
import { limits } from "@/lib/validations/limits";

import { clipText } from "./clip-text";
import { domToText } from "./dom-to-text";

export type ImportedArticle = {
  title: string;
  text: string;
  author?: string;
  outlet?: string;
  publishedAt?: Date;
  sourceUrl?: string;
  excerpt?: string;
};

export type HtmlToArticleOptions = {
  // Where the page came from (after redirects): resolves relative links and becomes
  // the source URL.
  url?: string;
};

type PageMetadata = {
  title?: string;
  author?: string;
  outlet?: string;
  publishedAt?: Date;
  excerpt?: string;
  sourceUrl?: string;
};

const excerptMax = 500;

const untitled = "Untitled article";

// Page furniture Readability can miss when it is not marked by class names. Kept
// short on purpose: Readability does the real work.
const furnitureSelector = [
  "nav",
  "aside",
  "dialog",
  "button",
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[role="search"]',
  '[aria-hidden="true"]',
  "[hidden]",
  '[id*="cookie" i]',
  '[class*="cookie" i]',
  '[class*="consent" i]',
  '[class*="share" i]',
  '[class*="skip-link" i]',
].join(", ");

const bylineSelector = [
  '[class*="byline" i]',
  '[class*="dateline" i]',
  '[class*="author" i]',
  '[rel="author"]',
  '[itemprop="author"]',
].join(", ");

const articleTypes = [
  "NewsArticle",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "BackgroundNewsArticle",
  "Article",
  "BlogPosting",
  "LiveBlogPosting",
  "Report",
];

// Parses an HTML page into an article. The page is only parsed: jsdom runs no scripts
// (no `runScripts`) and loads nothing (no `resources`), so trackers, iframes and
// <script> never reach the network or this process.
export function htmlToArticle(html: string, options: HtmlToArticleOptions = {}): ImportedArticle {
  const pageUrl = toHttpUrl(options.url);
  const dom = new JSDOM(html, {
    url: pageUrl,
    // Silent: CSS and markup complaints about someone else's page are not our logs.
    virtualConsole: new VirtualConsole(),
  });

  try {
    const document = dom.window.document;
    const metadata = readMetadata(document, pageUrl);

    removeFurniture(document);

    const fallbackTitle = document.title.trim();
    const reader = new Readability<Node>(document.cloneNode(true) as Document, {
      serializer: (node) => node,
      // Short articles (a few paragraphs) are still articles.
      charThreshold: 200,
    }).parse();

    let text = normalizeText(reader?.content ? domToText(reader.content) : "");

    if (!text && document.body) {
      text = normalizeText(domToText(document.body));
    }

    const outlet = metadata.outlet ?? cleanInline(reader?.siteName);
    const title = clipText(
      withoutSiteName(
        metadata.title ?? cleanInline(reader?.title) ?? cleanInline(fallbackTitle) ?? untitled,
        outlet,
      ),
      limits.titleMax,
    );

    text = dropLeadingTitle(text, title);

    if (!text) {
      throw new AppError(
        "INVALID_INPUT",
        "No article text was found on this page. Copy the text and paste it instead.",
      );
    }

    if (text.length > limits.textMaxChars) {
      throw new AppError(
        "INVALID_INPUT",
        `The text is too long: at most ${limits.textMaxChars.toLocaleString("en")} characters.`,
      );
    }

    const author = metadata.author ?? cleanAuthor(reader?.byline);
    const publishedAt = metadata.publishedAt ?? parseDate(reader?.publishedTime);
    const excerpt = metadata.excerpt ?? cleanInline(reader?.excerpt);

    return withoutUndefined({
      title,
      text,
      author: author && clipText(author, limits.metaMax),
      outlet: outlet && clipText(outlet, limits.metaMax),
      publishedAt,
      sourceUrl: metadata.sourceUrl,
      excerpt: excerpt && clipText(excerpt, excerptMax),
    });
  } finally {
    closeWindow(dom);
  }
}

// jsdom's close() walks child frames by index and throws when the page's iframes (an
// iframe with srcdoc, say) were removed while reading; nothing ran or loaded, so a window
// that will not close cleanly is simply dropped.
function closeWindow(dom: JSDOM) {
  try {
    dom.window.close();
  } catch {
    // Nothing to release: scripts and subresources are off.
  }
}

function readMetadata(document: Document, pageUrl: string | undefined): PageMetadata {
  const meta = (...selectors: string[]) => {
    for (const selector of selectors) {
      const value = cleanInline(
        document.querySelector<HTMLMetaElement>(`meta[${selector}]`)?.content,
      );

      if (value) {
        return value;
      }
    }

    return undefined;
  };

  const jsonLd = readJsonLd(document);
  const metaAuthor = meta('name="author"');
  const articleAuthor = meta('property="article:author"');
  const time = document.querySelector(
    'time[itemprop="datePublished"][datetime], time[pubdate][datetime], article time[datetime], time[datetime]',
  );

  return {
    title: meta('property="og:title"', 'name="og:title"') ?? jsonLd.headline,
    author:
      jsonLd.author ??
      cleanAuthor(metaAuthor) ??
      (articleAuthor && !/^https?:/i.test(articleAuthor) ? articleAuthor : undefined),
    outlet: meta('property="og:site_name"') ?? jsonLd.publisher,
    publishedAt:
      parseDate(meta('property="article:published_time"', 'itemprop="datePublished"')) ??
      parseDate(jsonLd.datePublished) ??
      parseDate(time?.getAttribute("datetime") ?? undefined),
    excerpt:
      meta('property="og:description"', 'name="description"', 'name="twitter:description"') ??
      jsonLd.description,
    sourceUrl:
      pageUrl ??
      toHttpUrl(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href) ??
      toHttpUrl(meta('property="og:url"')),
  };
}

type JsonLdArticle = {
  headline?: string;
  author?: string;
  datePublished?: string;
  publisher?: string;
  description?: string;
};

type JsonLdNode = Record<string, unknown>;

function readJsonLd(document: Document): JsonLdArticle {
  const nodes: JsonLdNode[] = [];

  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collectNodes(JSON.parse(script.textContent ?? ""), nodes, 0);
    } catch {
      // Broken JSON-LD is common; the other sources still apply.
    }
  }

  const byId = new Map<string, JsonLdNode>();

  for (const node of nodes) {
    if (typeof node["@id"] === "string") {
      byId.set(node["@id"], node);
    }
  }

  const article = articleTypes
    .map((type) => nodes.find((node) => typesOf(node).includes(type)))
    .find(Boolean);

  if (!article) {
    return {};
  }

  return {
    headline: cleanInline(asText(article.headline) ?? asText(article.name)),
    author: cleanInline(namesOf(article.author, byId)),
    datePublished: asText(article.datePublished),
    publisher: cleanInline(namesOf(article.publisher, byId)),
    description: cleanInline(asText(article.description)),
  };
}

function collectNodes(value: unknown, nodes: JsonLdNode[], depth: number): void {
  if (depth > 3) {
    return;
  }

  if (Array.isArray(value)) {
    for (const item of value) {
      collectNodes(item, nodes, depth + 1);
    }

    return;
  }

  if (value && typeof value === "object") {
    const node = value as JsonLdNode;
    nodes.push(node);

    if (node["@graph"]) {
      collectNodes(node["@graph"], nodes, depth + 1);
    }
  }
}

function typesOf(node: JsonLdNode): string[] {
  const type = node["@type"];
  return (Array.isArray(type) ? type : [type]).filter(
    (item): item is string => typeof item === "string",
  );
}

// author / publisher: a string, a {name} object, an {@id} reference, or a list of them.
function namesOf(value: unknown, byId: Map<string, JsonLdNode>): string | undefined {
  const items = Array.isArray(value) ? value : [value];
  const names = items
    .map((item) => {
      if (typeof item === "string") {
        return item;
      }

      if (item && typeof item === "object") {
        const node = item as JsonLdNode;
        const target =
          node.name === undefined && typeof node["@id"] === "string" ? byId.get(node["@id"]) : node;
        return asText(target?.name);
      }

      return undefined;
    })
    .map((name) => cleanInline(name))
    .filter((name): name is string => Boolean(name));

  return names.length > 0 ? [...new Set(names)].join(", ") : undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === "string") {
    return value;
  }

  if (Array.isArray(value) && typeof value[0] === "string") {
    return value[0];
  }

  return undefined;
}

function removeFurniture(document: Document): void {
  for (const element of document.querySelectorAll(furnitureSelector)) {
    // Never remove the article itself because a class name happens to match: furniture
    // does not hold the <article>, nor paragraph after paragraph.
    if (
      element.matches("html, body, main, article") ||
      element.querySelector("article, main") ||
      element.querySelectorAll("p").length >= 3
    ) {
      continue;
    }

    element.remove();
  }

  // The site masthead is furniture; an article's own <header> (headline, byline) is not.
  for (const header of document.querySelectorAll("header, footer")) {
    if (!header.closest("article, main")) {
      header.remove();
    }
  }

  // Bylines and datelines are metadata (read above), not text to annotate. The length
  // guard keeps a paragraph that merely carries an "author" class.
  for (const element of document.querySelectorAll(bylineSelector)) {
    if (
      (element.textContent ?? "").trim().length <= 200 &&
      !element.querySelector("p, article, main")
    ) {
      element.remove();
    }
  }

  // A date standing on its own; a <time> inside a sentence stays.
  for (const time of document.querySelectorAll("time")) {
    if (!isInSentence(time)) {
      time.remove();
    }
  }

  for (const link of document.querySelectorAll('a[href^="#"]')) {
    if (/^\s*skip to\b/i.test(link.textContent ?? "")) {
      link.remove();
    }
  }
}

function isInSentence(element: Element): boolean {
  const hasText = (node: ChildNode | null) =>
    node?.nodeType === node?.TEXT_NODE && Boolean(node?.textContent?.trim());
  const parent = element.parentElement;
  const isInlineParent =
    parent && !/^(p|div|header|footer|section|article|main|li)$/.test(parent.localName);

  return (
    hasText(element.previousSibling) ||
    hasText(element.nextSibling) ||
    Boolean(isInlineParent && isInSentence(parent))
  );
}

// Readability usually drops a heading that repeats the title; when the title came from
// og:title instead, the first paragraph can still be the headline.
function dropLeadingTitle(text: string, title: string): string {
  const firstBreak = text.indexOf("\n");
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);

  if (firstLine.trim() !== title.trim()) {
    return text;
  }

  return text.slice(firstLine.length).replace(/^\n+/, "");
}

// "Allies agree | The Daily Example" → "Allies agree", when the suffix is the outlet.
function withoutSiteName(title: string, outlet: string | undefined): string {
  if (!outlet) {
    return title;
  }

  for (const separator of [" | ", " - ", " – ", " — ", " · ", " :: "]) {
    const suffix = `${separator}${outlet}`;

    if (title.length > suffix.length && title.toLowerCase().endsWith(suffix.toLowerCase())) {
      return title.slice(0, -suffix.length).trim();
    }
  }

  return title;
}

function parseDate(value: string | undefined | null): Date | undefined {
  if (!value) {
    return undefined;
  }

  const date = new Date(value.trim());
  const year = date.getUTCFullYear();

  // Guards against junk like "0" or far-future placeholders.
  return Number.isNaN(date.getTime()) || year < 1800 || year > 2200 ? undefined : date;
}

function cleanAuthor(value: string | undefined | null): string | undefined {
  return cleanInline(value?.replace(/^\s*by\s+/i, ""));
}

function cleanInline(value: string | undefined | null): string | undefined {
  const cleaned = value?.replace(/\s+/g, " ").trim().normalize("NFC");
  return cleaned ? cleaned : undefined;
}

function toHttpUrl(value: string | undefined | null): string | undefined {
  if (!value) {
    return undefined;
  }

  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") &&
      url.href.length <= limits.urlMax
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
