import "server-only";

import { limits } from "@/lib/validations/limits";

import { htmlToArticle, type ImportedArticle } from "./html-to-article";
import { type ArticleMediaType, type FetchArticleOptions, fetchArticle } from "./safe-fetch";
import { textToArticle } from "./text-file-to-article";

export type UrlImport = {
  article: ImportedArticle;
  // The page as fetched (decoded), for createDocument's `original`.
  original: { content: string; type: ArticleMediaType };
};

// Fetches a page safely and turns it into an article: HTML through Readability, plain
// text through the text-file rules. The source URL is where the page was finally
// found, after redirects. Throws the AppErrors of fetchArticle and the converters.
export async function urlToArticle(
  url: string,
  options: FetchArticleOptions = {},
): Promise<UrlImport> {
  const page = await fetchArticle(url, options);
  const original = { content: page.body, type: page.mediaType };

  if (page.mediaType !== "text/plain") {
    return { article: htmlToArticle(page.body, { url: page.url }), original };
  }

  const { title, text } = textToArticle(page.body, {
    format: "text",
    fileName: lastPathSegment(page.url),
  });
  const article =
    page.url.length <= limits.urlMax ? { title, text, sourceUrl: page.url } : { title, text };

  return { article, original };
}

function lastPathSegment(url: string): string {
  const { hostname, pathname } = new URL(url);
  const segment = pathname.split("/").filter(Boolean).at(-1);

  try {
    return segment ? decodeURIComponent(segment) : hostname;
  } catch {
    return segment ?? hostname;
  }
}
