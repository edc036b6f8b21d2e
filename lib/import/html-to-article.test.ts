import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";

import { xssVectors } from "@/e2e/support/xss-vectors";

import { htmlToArticle } from "./html-to-article";

const fixturesDirectory = path.resolve(process.cwd(), "../shared/fixtures/articles");

function readFixture(name: string): string {
  return readFileSync(path.join(fixturesDirectory, name), "utf8");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

let hits: string[] = [];
let server: http.Server;
let origin = "";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    hits.push(request.url ?? "");
    response.end("x");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function newsPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Allies agree on guarantees | The Daily Example</title>
  <meta property="og:title" content="Allies agree on security guarantees in Paris">
  <meta property="og:site_name" content="The Daily Example">
  <meta property="og:description" content="Leaders from 35 countries met in Paris.">
  <meta property="article:published_time" content="2026-01-06T18:30:00Z">
  <meta name="author" content="Jane Reporter">
  <link rel="stylesheet" href="${origin}/style.css">
  <link rel="canonical" href="https://news.example/world/paris-guarantees">
  <script>globalThis.__framewiseInlineScriptRan = true;</script>
  <script src="${origin}/tracker.js"></script>
  <script type="application/ld+json">
  {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Allies agree on security guarantees in Paris",
    "datePublished": "2026-01-06T18:30:00Z",
    "author": [{ "@type": "Person", "name": "Jane Reporter" }, { "@type": "Person", "name": "Sam Writer" }],
    "publisher": { "@type": "Organization", "name": "Daily Example Media" }
  }
  </script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <div id="cookie-banner" class="cookie-consent">
    <p>We use cookies to improve your experience. Accept all cookies?</p>
    <button>Accept</button>
  </div>
  <header class="site-header">
    <a href="/">The Daily Example</a>
    <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <main id="main">
    <article>
      <header>
        <h1>Allies agree on security guarantees in Paris</h1>
        <p class="byline">By Jane Reporter</p>
        <time datetime="2026-01-06T18:30:00Z">6 January 2026</time>
      </header>
      <div class="share-buttons"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>
      <p>Ukraine's Western allies on Tuesday reached a consensus on <strong>significant</strong> security
      assurances for Kyiv, including a U.S.-led monitoring system and a multinational force.</p>
      <img src="${origin}/pixel" width="1" height="1" alt="" onerror="globalThis.__framewiseHandlerRan = true">
      <p>The meeting in Paris, the largest yet of the so-called Coalition of the Willing, brought together
      leaders from Europe and representatives of the United States. French President Emmanuel Macron said
      the guarantees would be «strong».</p>
      <h2>What the declaration says</h2>
      <p>The declaration lists three commitments that take effect only after a ceasefire:</p>
      <ul>
        <li>a truce monitoring mechanism led by the United States;</li>
        <li>long-term support for Ukraine's armed forces;</li>
        <li>a European-led multinational force.</li>
      </ul>
      <p>Critics say the plan depends on a ceasefire that Russia has not accepted, and that the promises
      on paper may not match reality on the ground.</p>
      <iframe src="${origin}/embed"></iframe>
      <p>Macron indicated that Paris could send «several thousand» French troops to Ukraine after the
      conflict ends. 🔹 Officials will meet again next month.</p>
    </article>
  </main>
  <footer class="site-footer"><p>© 2026 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  <script>document.body.innerHTML = "replaced by script";</script>
</body>
</html>`;
}

describe("htmlToArticle", () => {
  it("reads a page full of XSS vectors (iframes, srcdoc, frames) instead of failing on close", () => {
    const html = `<html><body><article><h1>Hostile</h1>${xssVectors.join("<p>")}
      <p>After the vectors, with enough words to read as an article body.</p></article></body></html>`;
    const article = htmlToArticle(html);
    expect(article.text).toContain("After the vectors");
  });

  it("extracts the article text with paragraphs, headings and list items on their own lines", () => {
    const article = htmlToArticle(newsPage(), { url: "https://news.example/world/paris?utm=1" });

    expect(article.title).toBe("Allies agree on security guarantees in Paris");
    expect(article.text).toBe(
      [
        "Ukraine's Western allies on Tuesday reached a consensus on significant security assurances for Kyiv, including a U.S.-led monitoring system and a multinational force.",
        "The meeting in Paris, the largest yet of the so-called Coalition of the Willing, brought together leaders from Europe and representatives of the United States. French President Emmanuel Macron said the guarantees would be «strong».",
        "What the declaration says",
        "The declaration lists three commitments that take effect only after a ceasefire:",
        "• a truce monitoring mechanism led by the United States;\n• long-term support for Ukraine's armed forces;\n• a European-led multinational force.",
        "Critics say the plan depends on a ceasefire that Russia has not accepted, and that the promises on paper may not match reality on the ground.",
        "Macron indicated that Paris could send «several thousand» French troops to Ukraine after the conflict ends. 🔹 Officials will meet again next month.",
      ].join("\n\n"),
    );
  });

  it("leaves page furniture out", () => {
    const { text } = htmlToArticle(newsPage());

    for (const furniture of [
      "Skip to content",
      "cookies",
      "Accept",
      "Politics",
      "Share on",
      "All rights reserved",
      "Privacy",
      "replaced by script",
    ]) {
      expect(text).not.toContain(furniture);
    }
  });

  it("reads metadata from meta tags and JSON-LD", () => {
    const article = htmlToArticle(newsPage(), { url: "https://news.example/world/paris" });

    expect(article).toMatchObject({
      outlet: "The Daily Example",
      author: "Jane Reporter, Sam Writer",
      sourceUrl: "https://news.example/world/paris",
      excerpt: "Leaders from 35 countries met in Paris.",
    });
    expect(article.publishedAt?.toISOString()).toBe("2026-01-06T18:30:00.000Z");
  });

  it("falls back to JSON-LD, <time> and the canonical link when meta tags are missing", () => {
    const html = newsPage()
      .replace(
        /<meta (property|name)="(og:title|og:site_name|article:published_time|author)"[^>]*>/g,
        "",
      )
      .replace('"datePublished": "2026-01-06T18:30:00Z",', "");
    const article = htmlToArticle(html);

    expect(article.title).toBe("Allies agree on security guarantees in Paris");
    expect(article.outlet).toBe("Daily Example Media");
    expect(article.author).toBe("Jane Reporter, Sam Writer");
    expect(article.publishedAt?.toISOString()).toBe("2026-01-06T18:30:00.000Z");
    expect(article.sourceUrl).toBe("https://news.example/world/paris-guarantees");
  });

  it("resolves JSON-LD @graph nodes and @id references", () => {
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "Organization", "@id": "#org", name: "Graph Times" },
        { "@type": "Person", "@id": "#jane", name: "Jane Graph" },
        {
          "@type": ["Article", "NewsArticle"],
          headline: "A graph headline",
          author: { "@id": "#jane" },
          publisher: { "@id": "#org" },
          datePublished: "2025-12-31",
        },
      ],
    })}</script><script type="application/ld+json">{ not json</script></head>
    <body><article><p>${"Some words of the article. ".repeat(20)}</p></article></body></html>`;
    const article = htmlToArticle(html);

    expect(article).toMatchObject({
      title: "A graph headline",
      author: "Jane Graph",
      outlet: "Graph Times",
    });
    expect(article.publishedAt?.toISOString()).toBe("2025-12-31T00:00:00.000Z");
  });

  it("runs no script and loads nothing: no request reaches the server", async () => {
    hits = [];
    const globals = globalThis as Record<string, unknown>;

    htmlToArticle(newsPage(), { url: `${origin}/article` });
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(hits).toEqual([]);
    expect(globals.__framewiseInlineScriptRan).toBeUndefined();
    expect(globals.__framewiseHandlerRan).toBeUndefined();
  });

  it("keeps <br> line breaks, <pre> whitespace and table rows", () => {
    const html = `<html><body><article>
      <p>${"Context sentence for the reader. ".repeat(10)}</p>
      <p>First line<br>second line</p>
      <pre>code  with   spaces
  indented</pre>
      <table><tr><th>Country</th><th>Troops</th></tr><tr><td>France</td><td>2,000</td></tr></table>
      <ol start="3"><li>three</li><li>four</li></ol>
    </article></body></html>`;
    const { text } = htmlToArticle(html);

    expect(text).toContain("First line\nsecond line");
    expect(text).toContain("code  with   spaces\n  indented");
    expect(text).toContain("Country\tTroops\nFrance\t2,000");
    expect(text).toContain("3. three\n4. four");
  });

  it("refuses a page without any text", () => {
    expect(() => htmlToArticle("<html><body><nav>Home</nav></body></html>")).toThrow(AppError);
    expect(() => htmlToArticle("<html><body><nav>Home</nav></body></html>")).toThrow(
      /No article text was found/,
    );
  });

  it("clips an over-long title without splitting an emoji", () => {
    const longTitle = `${"Long headline words ".repeat(20)}🔹🔹🔹`;
    const html = `<html><head><meta property="og:title" content="${longTitle}"></head><body><article><p>${"Body text. ".repeat(30)}</p></article></body></html>`;
    const { title } = htmlToArticle(html);

    expect(title.length).toBeLessThanOrEqual(300);
    expect(title.endsWith("…")).toBe(true);
    expect(title).not.toMatch(/[\uD800-\uDBFF]…$/);
  });

  it.each(["paris-summit-wire.txt", "paris-summit-blog.txt"])(
    "keeps the text of %s intact, emoji included",
    (fixture) => {
      const [headline = "", ...body] = readFixture(fixture)
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
      const html = `<!doctype html><html><head><title>${escapeHtml(headline)}</title></head><body>
        <article><h1>${escapeHtml(headline)}</h1>
        ${body.map((line) => `<p>${escapeHtml(line)}</p>`).join("\n")}
        </article></body></html>`;

      const article = htmlToArticle(html);

      expect(article.title).toBe(headline);
      expect(article.text).toBe(body.join("\n\n"));
    },
  );

  it("finds the blog fixture's emoji at the same place as in the source", () => {
    const source = readFixture("paris-summit-blog.txt");
    const lines = source.split("\n").filter((line) => line.trim());
    const html = `<html><body><article>${lines
      .slice(1)
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join("")}</article></body></html>`;
    const { text } = htmlToArticle(html);

    expect(text.match(/🔹/g)).toHaveLength(source.match(/🔹/g)?.length ?? -1);
    expect(text).toContain("🔹 A Declaration of Intent — With Teeth?");
  });
});
