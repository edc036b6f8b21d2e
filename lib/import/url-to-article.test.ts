import http from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { FetchArticleError } from "./safe-fetch";
import { urlToArticle } from "./url-to-article";

let server: http.Server;
let origin = "";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === "/short-link") {
      response.writeHead(301, { location: "/news/paris" });
      response.end();
      return;
    }

    if (request.url === "/news/paris") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(`<html><head><meta property="og:title" content="Paris talks | Wire">
        <meta property="og:site_name" content="Wire"></head>
        <body><article><p>${"Allies met in Paris. ".repeat(15)}</p><p>Second paragraph 🔹.</p></article></body></html>`);
      return;
    }

    if (request.url === "/notes/summit-notes.txt") {
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      response.end("Summit notes\r\n\r\nLeaders met.\r\n");
      return;
    }

    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const local = { allowPrivateHosts: ["127.0.0.1"] };

describe("urlToArticle", () => {
  it("turns an HTML page into an article, with the final URL as its source", async () => {
    const { article, original } = await urlToArticle(`${origin}/short-link`, local);

    expect(article).toMatchObject({
      title: "Paris talks",
      outlet: "Wire",
      sourceUrl: `${origin}/news/paris`,
    });
    expect(article.text).toMatch(/^Allies met in Paris\..*\n\nSecond paragraph 🔹\.$/s);
    expect(original.type).toBe("text/html");
    expect(original.content).toContain("<article>");
  });

  it("turns a plain-text page into an article", async () => {
    await expect(urlToArticle(`${origin}/notes/summit-notes.txt`, local)).resolves.toEqual({
      article: {
        title: "Summit notes",
        text: "Leaders met.",
        sourceUrl: `${origin}/notes/summit-notes.txt`,
      },
      original: { content: "Summit notes\r\n\r\nLeaders met.\r\n", type: "text/plain" },
    });
  });

  it("passes refusals through", async () => {
    await expect(urlToArticle(`${origin}/news/paris`)).rejects.toBeInstanceOf(FetchArticleError);
  });
});
