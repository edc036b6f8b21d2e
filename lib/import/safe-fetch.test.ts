import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type FetchArticleOptions, FetchArticleError, fetchArticle } from "./safe-fetch";

const articleHtml =
  "<!doctype html><html><head><title>Test</title></head><body><p>Café ☕ 🔹</p></body></html>";

let server: http.Server;
let port = 0;
let origin = "";
let hostHeaders: string[] = [];
const openResponses = new Set<http.ServerResponse>();

function handle(request: http.IncomingMessage, response: http.ServerResponse): void {
  const path = request.url ?? "/";
  hostHeaders.push(request.headers.host ?? "");

  const redirect = (location: string, status = 302) => {
    response.writeHead(status, { location });
    response.end();
  };

  const chain = path.match(/^\/chain\/(\d+)$/);

  if (chain) {
    const remaining = Number(chain[1]);
    redirect(remaining > 1 ? `/chain/${remaining - 1}` : "/article", remaining % 2 ? 301 : 307);
    return;
  }

  switch (path) {
    case "/article":
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(articleHtml);
      return;
    case "/xhtml":
      response.writeHead(200, { "content-type": "application/xhtml+xml" });
      response.end(articleHtml);
      return;
    case "/latin1":
      response.writeHead(200, { "content-type": "text/plain; charset=ISO-8859-1" });
      response.end(Buffer.from([0x43, 0x61, 0x66, 0xe9]));
      return;
    case "/meta-charset":
      response.writeHead(200, { "content-type": "text/html" });
      response.end(
        Buffer.concat([
          Buffer.from('<html><head><meta charset="windows-1252"></head><body>Caf'),
          Buffer.from([0xe9, 0x20, 0x93, 0x71, 0x94]),
          Buffer.from("</body></html>"),
        ]),
      );
      return;
    case "/gzip":
      response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      response.end(zlib.gzipSync(articleHtml));
      return;
    case "/gzip-bomb":
      response.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
      response.end(zlib.gzipSync(Buffer.alloc(8 * 1024 * 1024, "a")));
      return;
    case "/relative":
      redirect("article");
      return;
    case "/loop":
      redirect("/loop");
      return;
    case "/no-location":
      response.writeHead(302);
      response.end();
      return;
    case "/to-private":
      redirect("http://10.0.0.1/admin");
      return;
    case "/to-metadata":
      redirect("http://169.254.169.254/latest/meta-data/");
      return;
    case "/to-ipv6-loopback":
      redirect(`http://[::1]:${port}/article`);
      return;
    case "/to-localhost":
      redirect(`http://localhost:${port}/article`);
      return;
    case "/to-mapped":
      redirect(`http://[::ffff:127.0.0.1]:${port}/article`);
      return;
    case "/to-decimal":
      // 10.0.0.1 written as one decimal number; URL parsing turns it back into an address.
      redirect(`http://167772161:${port}/article`);
      return;
    case "/to-file":
      redirect("file:///etc/passwd");
      return;
    case "/large": {
      response.writeHead(200, { "content-type": "text/html" });
      const chunk = Buffer.alloc(64 * 1024, "a");
      let sent = 0;
      const write = () => {
        while (sent < 8 * 1024 * 1024) {
          sent += chunk.length;

          if (!response.write(chunk)) {
            response.once("drain", write);
            return;
          }
        }

        response.end();
      };
      openResponses.add(response);
      write();
      return;
    }
    case "/large-declared":
      response.writeHead(200, { "content-type": "text/html", "content-length": 50_000_000 });
      response.write("<html>");
      openResponses.add(response);
      return;
    case "/slow":
      // Never answers.
      openResponses.add(response);
      return;
    case "/slow-body": {
      response.writeHead(200, { "content-type": "text/html" });
      openResponses.add(response);
      const timer = setInterval(() => response.write("<p>still here</p>"), 50);
      response.on("close", () => clearInterval(timer));
      return;
    }
    case "/pdf":
      response.writeHead(200, { "content-type": "application/pdf" });
      response.end("%PDF-1.7");
      return;
    case "/image":
      response.writeHead(200, { "content-type": "image/png" });
      response.end("png");
      return;
    case "/untyped":
      response.removeHeader("content-type");
      response.writeHead(200);
      response.end("something");
      return;
    case "/missing":
      response.writeHead(404, { "content-type": "text/html" });
      response.end("<p>Not here</p>");
      return;
    case "/broken":
      response.writeHead(503, { "content-type": "text/html" });
      response.end("<p>Down</p>");
      return;
    default:
      response.writeHead(404);
      response.end();
  }
}

beforeAll(async () => {
  server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const response of openResponses) {
    response.destroy();
  }

  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const local: FetchArticleOptions = { allowPrivateHosts: ["127.0.0.1"] };

async function refusal(promise: Promise<unknown>): Promise<FetchArticleError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchArticleError);
    return error as FetchArticleError;
  }

  throw new Error("Expected the fetch to be refused");
}

describe("fetchArticle", () => {
  it("fetches an HTML page and decodes it as UTF-8", async () => {
    const page = await fetchArticle(`${origin}/article`, local);

    expect(page).toMatchObject({
      url: `${origin}/article`,
      redirects: [],
      status: 200,
      mediaType: "text/html",
      charset: "utf-8",
      body: articleHtml,
    });
    expect(page.byteLength).toBe(Buffer.byteLength(articleHtml));
  });

  it("accepts application/xhtml+xml", async () => {
    const page = await fetchArticle(`${origin}/xhtml`, local);
    expect(page.mediaType).toBe("application/xhtml+xml");
  });

  it("decodes the charset from the header or from <meta charset>", async () => {
    expect((await fetchArticle(`${origin}/latin1`, local)).body).toBe("Café");

    const page = await fetchArticle(`${origin}/meta-charset`, local);
    expect(page.charset).toBe("windows-1252");
    expect(page.body).toContain("Café “q”");
  });

  it("decompresses gzip", async () => {
    expect((await fetchArticle(`${origin}/gzip`, local)).body).toBe(articleHtml);
  });

  it("follows a redirect chain, relative locations included", async () => {
    const page = await fetchArticle(`${origin}/chain/4`, local);

    expect(page.url).toBe(`${origin}/article`);
    expect(page.redirects).toEqual([
      `${origin}/chain/4`,
      `${origin}/chain/3`,
      `${origin}/chain/2`,
      `${origin}/chain/1`,
    ]);
    expect(page.body).toBe(articleHtml);

    expect((await fetchArticle(`${origin}/relative`, local)).url).toBe(`${origin}/article`);
  });

  it("stops after five redirects", async () => {
    await expect(fetchArticle(`${origin}/chain/5`, local)).resolves.toMatchObject({
      url: `${origin}/article`,
    });

    const error = await refusal(fetchArticle(`${origin}/chain/6`, local));
    expect(error.reason).toBe("redirect");
    expect(error.message).toMatch(/more than 5 times/);

    expect((await refusal(fetchArticle(`${origin}/loop`, local))).reason).toBe("redirect");
    expect((await refusal(fetchArticle(`${origin}/no-location`, local))).message).toMatch(
      /without saying where to go/,
    );
  });

  it.each([
    ["/to-private", "10.0.0.1", "a private network"],
    ["/to-metadata", "169.254.169.254", "link-local"],
    ["/to-ipv6-loopback", "::1", "loopback"],
    ["/to-mapped", "::ffff:7f00:1", "loopback"],
    ["/to-decimal", "10.0.0.1", "a private network"],
  ])("refuses a redirect %s to a non-public address", async (path, address, description) => {
    const error = await refusal(fetchArticle(`${origin}${path}`, local));

    expect(error.reason).toBe("private-address");
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toContain(`(${address})`);
    expect(error.message).toContain(description);
    expect(error.message).toMatch(
      /^The page redirected to \S+; that address points to .*, which Framewise does not fetch\.$/,
    );
  });

  it("refuses a redirect to localhost even though 127.0.0.1 itself is allowed", async () => {
    const error = await refusal(fetchArticle(`${origin}/to-localhost`, local));

    expect(error.reason).toBe("private-address");
    expect(error.message).toMatch(/loopback/);
  });

  it("refuses a redirect to a non-http scheme", async () => {
    const error = await refusal(fetchArticle(`${origin}/to-file`, local));

    expect(error.reason).toBe("scheme");
    expect(error.message).toContain("file:");
  });

  it("refuses 127.0.0.1 without the test-only allowance", async () => {
    hostHeaders = [];
    const error = await refusal(fetchArticle(`${origin}/article`));

    expect(error.reason).toBe("private-address");
    expect(error.message).toBe(
      "This address points to this server itself (loopback) (127.0.0.1), which Framewise does not fetch.",
    );
    expect(hostHeaders).toEqual([]);
  });

  it("refuses a private address with the message users see", async () => {
    const error = await refusal(fetchArticle("http://10.0.0.5/"));

    expect(error.message).toBe(
      "This address points to a private network (10.0.0.5), which Framewise does not fetch.",
    );
  });

  it("refuses loopback written in other forms", async () => {
    for (const url of [
      `http://2130706433:${port}/`,
      `http://0x7f.1:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://[::1]:${port}/`,
      `http://0.0.0.0:${port}/`,
    ]) {
      expect((await refusal(fetchArticle(url))).reason).toBe("private-address");
    }
  });

  it("refuses a host when any of its addresses is private", async () => {
    const error = await refusal(
      fetchArticle("https://intranet.example/page", {
        lookupHost: () =>
          Promise.resolve([
            { address: "93.184.216.34", family: 4 },
            { address: "10.0.0.5", family: 4 },
          ]),
      }),
    );

    expect(error.message).toBe(
      "This address (intranet.example) points to a private network (10.0.0.5), which Framewise does not fetch.",
    );
  });

  it("connects to the checked address, not to a second DNS answer", async () => {
    hostHeaders = [];
    let lookups = 0;
    // "pinned.invalid" cannot resolve through real DNS: the request only succeeds if the
    // socket uses the address that was looked up and checked here.
    const page = await fetchArticle(`http://pinned.invalid:${port}/article`, {
      allowPrivateHosts: ["pinned.invalid"],
      lookupHost: () => {
        lookups += 1;
        return Promise.resolve([{ address: "127.0.0.1", family: 4 }]);
      },
    });

    expect(page.body).toBe(articleHtml);
    expect(lookups).toBe(1);
    expect(hostHeaders).toEqual([`pinned.invalid:${port}`]);
  });

  it("reports a name that does not resolve", async () => {
    const error = await refusal(
      fetchArticle("https://no-such-site.invalid/", {
        lookupHost: () =>
          Promise.reject(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" })),
      }),
    );

    expect(error.reason).toBe("dns");
    expect(error.message).toMatch(/no-such-site\.invalid could not be found/);
  });

  it.each([
    ["file:///etc/passwd", "file:"],
    ["ftp://example.com/article.txt", "ftp:"],
    ["javascript:alert(1)", "javascript:"],
    ["data:text/html,<p>hi</p>", "data:"],
  ])("refuses the non-http address %s", async (url, scheme) => {
    const error = await refusal(fetchArticle(url, local));

    expect(error.reason).toBe("scheme");
    expect(error.message).toContain(scheme);
  });

  it("refuses text that is not an address, and addresses with credentials", async () => {
    expect((await refusal(fetchArticle("not a url"))).reason).toBe("invalid-url");
    expect(
      (await refusal(fetchArticle(`http://user:secret@127.0.0.1:${port}/`, local))).reason,
    ).toBe("credentials");
  });

  it("aborts a body larger than the limit", async () => {
    const error = await refusal(fetchArticle(`${origin}/large`, local));

    expect(error.reason).toBe("too-large");
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toBe("The page is larger than 5 MB, the most Framewise fetches.");

    const small = await refusal(fetchArticle(`${origin}/article`, { ...local, maxBytes: 20 }));
    expect(small.message).toMatch(/larger than 20 bytes/);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const started = Date.now();
    const error = await refusal(fetchArticle(`${origin}/large-declared`, local));

    expect(error.reason).toBe("too-large");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("counts decompressed bytes, so a gzip bomb is stopped", async () => {
    const error = await refusal(fetchArticle(`${origin}/gzip-bomb`, local));
    expect(error.reason).toBe("too-large");
  });

  it("times out a server that does not answer", async () => {
    const started = Date.now();
    const error = await refusal(fetchArticle(`${origin}/slow`, { ...local, timeoutMs: 300 }));

    expect(error.reason).toBe("timeout");
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toMatch(/longer than 0.3 seconds/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("times out a body that never ends (the limit covers the whole fetch)", async () => {
    const error = await refusal(fetchArticle(`${origin}/slow-body`, { ...local, timeoutMs: 300 }));
    expect(error.reason).toBe("timeout");
  });

  it.each([
    ["/pdf", "application/pdf"],
    ["/image", "image/png"],
  ])("refuses %s, naming its content type", async (path, type) => {
    const error = await refusal(fetchArticle(`${origin}${path}`, local));

    expect(error.reason).toBe("content-type");
    expect(error.message).toBe(
      `This address returns ${type}, not a web page or plain text; Framewise imports HTML and plain text only.`,
    );
  });

  it("refuses a response without a content type", async () => {
    const error = await refusal(fetchArticle(`${origin}/untyped`, local));
    expect(error.reason).toBe("content-type");
  });

  it("turns error statuses into clear refusals", async () => {
    const missing = await refusal(fetchArticle(`${origin}/missing`, local));
    expect(missing.reason).toBe("http-status");
    expect(missing.code).toBe("INVALID_INPUT");
    expect(missing.message).toContain("HTTP 404 Not Found");

    const broken = await refusal(fetchArticle(`${origin}/broken`, local));
    expect(broken.code).toBe("UNAVAILABLE");
    expect(broken.message).toContain("HTTP 503");
  });

  it("reports a refused connection", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const error = await refusal(fetchArticle(`http://127.0.0.1:${closedPort}/`, local));
    expect(error.reason).toBe("network");
    expect(error.message).toMatch(/refused the connection/);
  });

  it("stops when the caller aborts", async () => {
    const controller = new AbortController();
    const pending = fetchArticle(`${origin}/slow`, { ...local, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled by caller")), 50);

    await expect(pending).rejects.toThrow("cancelled by caller");
  });
});
