import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";

import type { BenchData } from "./seed-bench-data";

// A tiny local server for the comparison pages: the article as plain text in a pre-wrapped
// block (the static floor), and the same block with @recogito/text-annotator painting the
// same highlights. Recogito gets W3C annotations (TextQuoteSelector + TextPositionSelector);
// its positions count UTF-16 code units of the container's text, so they are the DOM
// offsets, not Framewise's stored code points.

export type RecogitoRenderer = "SPANS" | "CSS_HIGHLIGHTS";

export type StaticPages = { url: string; stop: () => Promise<void> };

const recogitoDist = path.join(
  process.cwd(),
  "node_modules",
  "@recogito",
  "text-annotator",
  "dist",
);

// The reader's typography and column width (font-serif text-lg leading-8, about 870px wide
// in a 1280px window), so both pages lay out the same lines.
const readerStyle = `
  body { margin: 0; font-family: ui-serif, Georgia, Cambria, "Times New Roman", Times, serif; }
  main { box-sizing: border-box; width: 902px; padding: 24px 16px; }
  #content { font-size: 18px; line-height: 32px; white-space: pre-wrap; overflow-wrap: break-word; }
`;

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// JSON inside <script>: "<" escaped so no "</script>" can end the element early.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function toW3C(data: BenchData) {
  const keyOfLabel = new Map(data.labels.map((label) => [label.id, label.key]));
  return data.highlights.map((highlight) => ({
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: highlight.id,
    type: "Annotation",
    body: highlight.labelIds.map((labelId) => ({
      type: "TextualBody",
      purpose: "tagging",
      value: keyOfLabel.get(labelId) ?? labelId,
    })),
    target: {
      source: "urn:framewise:bench-article",
      selector: [
        { type: "TextQuoteSelector", exact: data.text.slice(highlight.start16, highlight.end16) },
        { type: "TextPositionSelector", start: highlight.start16, end: highlight.end16 },
      ],
    },
  }));
}

function renderPage(data: BenchData, renderer: RecogitoRenderer | null): string {
  const head =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Annotator benchmark</title>` +
    (renderer ? `<link rel="stylesheet" href="/text-annotator.css">` : "") +
    `<style>${readerStyle}</style></head>`;
  const body = `<body><main><div id="content">${escapeHtml(data.text)}</div></main>`;

  if (!renderer) {
    return `${head}${body}</body></html>`;
  }

  // Highlights coloured by their first label, as an app would (Recogito's default is one blue).
  const colors = Object.fromEntries(data.labels.map((label) => [label.key, label.color]));
  const script = `
    var container = document.getElementById("content");
    var colors = ${scriptJson(colors)};
    var annotator = RecogitoJS.createTextAnnotator(container, {
      renderer: ${JSON.stringify(renderer)},
      adapter: RecogitoJS.W3CTextFormat("urn:framewise:bench-article", container),
      style: function (annotation) {
        var tag = annotation.bodies[0];
        var color = (tag && colors[tag.value]) || "#6b7280";
        return { fill: color, fillOpacity: 0.2, underlineColor: color, underlineThickness: 3 };
      }
    });
    annotator.setAnnotations(JSON.parse(document.getElementById("annotations").textContent));
    window.__recogito = annotator;
  `;
  return (
    `${head}${body}` +
    // The UMD bundle keeps one `process.env.NODE_ENV` check (from nanostores) that a
    // bundler would replace; a page loading it directly has to define it.
    `<script>window.process = { env: { NODE_ENV: "production" } };</script>` +
    `<script src="/text-annotator.umd.js"></script>` +
    `<script id="annotations" type="application/json">${scriptJson(toW3C(data))}</script>` +
    `<script>${script}</script></body></html>`
  );
}

export async function startStaticPages(data: BenchData): Promise<StaticPages> {
  const pages = new Map<string, string>([
    ["/plain.html", renderPage(data, null)],
    ["/recogito-spans.html", renderPage(data, "SPANS")],
    ["/recogito-css-highlights.html", renderPage(data, "CSS_HIGHLIGHTS")],
  ]);
  const assets = new Map<string, { type: string; body: Buffer }>([
    [
      "/text-annotator.umd.js",
      {
        type: "text/javascript; charset=utf-8",
        body: await readFile(path.join(recogitoDist, "text-annotator.umd.js")),
      },
    ],
    [
      "/text-annotator.css",
      {
        type: "text/css; charset=utf-8",
        body: await readFile(path.join(recogitoDist, "text-annotator.css")),
      },
    ],
  ]);

  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const page = pages.get(pathname);
    if (page !== undefined) {
      response.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "cache-control": "no-store",
      });
      response.end(page);
      return;
    }
    const asset = assets.get(pathname);
    if (asset) {
      // Cached like Next.js's hashed chunks, so warm loads of both pages compare alike.
      response.writeHead(200, {
        "content-type": asset.type,
        "cache-control": "public, max-age=31536000, immutable",
      });
      response.end(asset.body);
      return;
    }
    if (pathname === "/favicon.ico") {
      response.writeHead(204);
      response.end();
      return;
    }
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("Not found");
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
