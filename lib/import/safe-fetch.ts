import "server-only";

import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream";
import zlib from "node:zlib";

import { AppError, type AppErrorCode } from "@/lib/errors/app-error";

import { decodeBytes, isKnownEncoding } from "./decode-bytes";
import { checkAddress } from "./public-address";

// Fetches a web page a user asked to import, without letting that user reach anything
// the server can see but they cannot (SSRF). Every hop, the first request and each
// redirect, is resolved here, every resolved address must be public, and the
// connection goes to exactly the address that was checked: a custom `lookup` hands
// the socket the checked addresses, so a second DNS answer (rebinding) never counts.

export const fetchDefaults = {
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 10_000,
  maxRedirects: 5,
} as const;

export const articleMediaTypes = ["text/html", "application/xhtml+xml", "text/plain"] as const;

export type ArticleMediaType = (typeof articleMediaTypes)[number];

export type ResolvedAddress = { address: string; family: number };

export type FetchArticleOptions = {
  // Largest body accepted, after decompression.
  maxBytes?: number;
  // For the whole fetch: DNS, connections, every redirect and the body.
  timeoutMs?: number;
  maxRedirects?: number;
  // Host names or IP literals (as written in the URL) exempt from the public-address
  // rule. Only tests pass this; the app never does.
  allowPrivateHosts?: readonly string[];
  signal?: AbortSignal;
  // Replaces the system resolver; for tests.
  lookupHost?: (hostname: string) => Promise<ResolvedAddress[]>;
};

export type FetchedPage = {
  // Where the body came from, after redirects.
  url: string;
  // Every address that answered with a redirect, in order; the first is the one asked for.
  redirects: string[];
  status: number;
  mediaType: ArticleMediaType;
  charset: string;
  body: string;
  byteLength: number;
};

export type FetchRefusalReason =
  | "invalid-url"
  | "scheme"
  | "credentials"
  | "private-address"
  | "dns"
  | "redirect"
  | "http-status"
  | "content-type"
  | "content-encoding"
  | "too-large"
  | "timeout"
  | "network";

// An AppError (so routes and actions map it as usual) that also says which rule
// refused, for logs and tests.
export class FetchArticleError extends AppError {
  readonly reason: FetchRefusalReason;

  constructor(reason: FetchRefusalReason, code: AppErrorCode, message: string) {
    super(code, message);
    this.name = "FetchArticleError";
    this.reason = reason;
  }
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

const requestHeaders = {
  "user-agent": "Framewise article import",
  accept: "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
  "accept-encoding": "gzip, deflate, br",
};

type Settings = Required<Omit<FetchArticleOptions, "signal" | "allowPrivateHosts">> & {
  allowedHosts: Set<string>;
};

export async function fetchArticle(
  url: string,
  options: FetchArticleOptions = {},
): Promise<FetchedPage> {
  const settings: Settings = {
    maxBytes: options.maxBytes ?? fetchDefaults.maxBytes,
    timeoutMs: options.timeoutMs ?? fetchDefaults.timeoutMs,
    maxRedirects: options.maxRedirects ?? fetchDefaults.maxRedirects,
    lookupHost: options.lookupHost ?? lookupWithSystemResolver,
    allowedHosts: new Set((options.allowPrivateHosts ?? []).map(normalizeHost)),
  };

  const controller = new AbortController();
  let hasTimedOut = false;
  const timer = setTimeout(() => {
    hasTimedOut = true;
    controller.abort();
  }, settings.timeoutMs);
  const onCallerAbort = () => controller.abort();
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });

  try {
    options.signal?.throwIfAborted();
    return await followRedirects(url, settings, controller.signal);
  } catch (error) {
    if (error instanceof FetchArticleError) {
      throw error;
    }

    if (hasTimedOut) {
      throw new FetchArticleError(
        "timeout",
        "UNAVAILABLE",
        `The site took longer than ${formatSeconds(settings.timeoutMs)} to send the page, so Framewise stopped waiting.`,
      );
    }

    if (options.signal?.aborted) {
      throw options.signal.reason;
    }

    throw toNetworkError(error, url);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCallerAbort);
    // Releases any socket still open after a refusal; harmless after a full read.
    controller.abort();
  }
}

async function followRedirects(
  url: string,
  settings: Settings,
  signal: AbortSignal,
): Promise<FetchedPage> {
  let current = parseTarget(url, undefined);
  const redirects: string[] = [];

  for (;;) {
    const addresses = await resolveTarget(current, redirects.length > 0, settings, signal);
    const response = await sendRequest(current, addresses, signal);
    const status = response.statusCode ?? 0;

    if (redirectStatuses.has(status)) {
      response.destroy();

      if (redirects.length >= settings.maxRedirects) {
        throw new FetchArticleError(
          "redirect",
          "INVALID_INPUT",
          `The page redirected more than ${settings.maxRedirects} times, so Framewise stopped following it.`,
        );
      }

      const location = response.headers.location;

      if (!location) {
        throw new FetchArticleError(
          "redirect",
          "INVALID_INPUT",
          `The site answered ${status} (a redirect) without saying where to go.`,
        );
      }

      redirects.push(current.href);
      current = parseTarget(location, current);
      continue;
    }

    if (status < 200 || status > 299) {
      response.destroy();
      throw statusError(status, response.statusMessage, current);
    }

    const contentType = parseContentType(response.headers["content-type"]);

    if (!isArticleMediaType(contentType.mediaType)) {
      response.destroy();
      throw contentTypeError(contentType.mediaType);
    }

    const declaredLength = Number(response.headers["content-length"]);

    if (Number.isFinite(declaredLength) && declaredLength > settings.maxBytes) {
      response.destroy();
      throw tooLargeError(settings.maxBytes);
    }

    const bytes = await readBody(response, settings.maxBytes);
    const charset = detectCharset(bytes, contentType);

    return {
      url: current.href,
      redirects,
      status,
      mediaType: contentType.mediaType,
      charset,
      body: decodeBytes(bytes, charset),
      byteLength: bytes.length,
    };
  }
}

function parseTarget(input: string, base: URL | undefined): URL {
  let url: URL;

  try {
    url = new URL(input.trim(), base);
  } catch {
    throw new FetchArticleError(
      base ? "redirect" : "invalid-url",
      "INVALID_INPUT",
      base
        ? "The page redirected to an address that is not a valid URL."
        : "That is not a web address. Paste a full address such as https://example.com/article.",
    );
  }

  if (url.protocol !== "http:" && url.protocol !== "https:") {
    const what = base ? `The page redirected to a ${url.protocol} address, but only` : "Only";
    throw new FetchArticleError(
      "scheme",
      "INVALID_INPUT",
      `${what} http:// and https:// addresses can be imported; “${url.protocol}” is not one.`,
    );
  }

  if (url.username || url.password) {
    throw new FetchArticleError(
      "credentials",
      "INVALID_INPUT",
      "Framewise does not fetch addresses that contain a user name or password; remove the part before “@”.",
    );
  }

  return url;
}

// Resolves the host and checks every address it resolves to; returns the addresses the
// connection may use.
async function resolveTarget(
  url: URL,
  isRedirect: boolean,
  settings: Settings,
  signal: AbortSignal,
): Promise<ResolvedAddress[]> {
  const host = normalizeHost(url.hostname);
  const literal = checkAddress(host);
  const isLiteral = literal.isPublic || literal.range !== "invalid";
  const addresses: ResolvedAddress[] = isLiteral
    ? [{ address: host, family: host.includes(":") ? 6 : 4 }]
    : await abortable(resolveHost(host, settings), signal);

  if (settings.allowedHosts.has(host)) {
    return addresses;
  }

  for (const { address } of addresses) {
    const check = checkAddress(address);

    if (!check.isPublic) {
      const subject = isRedirect
        ? `The page redirected to ${url.href}; that address`
        : isLiteral
          ? "This address"
          : `This address (${host})`;
      throw new FetchArticleError(
        "private-address",
        "INVALID_INPUT",
        `${subject} points to ${check.description} (${check.address}), which Framewise does not fetch.`,
      );
    }
  }

  return addresses;
}

async function resolveHost(host: string, settings: Settings): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];

  try {
    addresses = await settings.lookupHost(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;

    if (code === "ENOTFOUND" || code === "ENODATA") {
      throw new FetchArticleError(
        "dns",
        "INVALID_INPUT",
        `The site ${host} could not be found: check the address for typos.`,
      );
    }

    throw new FetchArticleError(
      "dns",
      "UNAVAILABLE",
      `The name ${host} could not be looked up right now; try again in a moment.`,
    );
  }

  if (addresses.length === 0) {
    throw new FetchArticleError(
      "dns",
      "INVALID_INPUT",
      `The site ${host} could not be found: check the address for typos.`,
    );
  }

  return addresses;
}

async function lookupWithSystemResolver(hostname: string): Promise<ResolvedAddress[]> {
  return dns.lookup(hostname, { all: true, verbatim: true });
}

function sendRequest(
  url: URL,
  addresses: ResolvedAddress[],
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request({
      protocol: url.protocol,
      hostname: normalizeHost(url.hostname),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: requestHeaders,
      // A fresh connection per hop: a pooled socket could belong to another lookup.
      agent: false,
      lookup: pinnedLookup(addresses),
      signal,
    });

    request.once("response", (response) => {
      // Errors surface through the body reader; this keeps a late one from crashing.
      response.on("error", () => {});
      resolve(response);
    });
    // `on`, not `once`: an abort after the response arrived must not go unhandled.
    request.on("error", reject);
    request.end();
  });
}

// Hands the socket only the addresses that were checked, whatever DNS says now.
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(null, addresses);
      return;
    }

    const first = addresses[0];

    if (!first) {
      callback(Object.assign(new Error("No checked address"), { code: "ENOTFOUND" }), "");
      return;
    }

    callback(null, first.address, first.family);
  };
}

async function readBody(response: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const stream = decompress(response);
  const chunks: Buffer[] = [];
  let total = 0;

  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    total += buffer.length;

    if (total > maxBytes) {
      response.destroy();
      stream.destroy();
      throw tooLargeError(maxBytes);
    }

    chunks.push(buffer);
  }

  return Buffer.concat(chunks);
}

// The size limit counts decompressed bytes, so a small compressed bomb is still stopped.
function decompress(response: http.IncomingMessage): Readable {
  const encoding = (response.headers["content-encoding"] ?? "identity").trim().toLowerCase();

  if (encoding === "identity" || encoding === "") {
    return response;
  }

  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : undefined;

  if (!decoder) {
    response.destroy();
    throw new FetchArticleError(
      "content-encoding",
      "INVALID_INPUT",
      `The site compressed the page as “${encoding}”, which Framewise cannot read.`,
    );
  }

  pipeline(response, decoder, () => {});
  return decoder;
}

type ContentType = { mediaType: string; charset: string | undefined };

function parseContentType(header: string | undefined): ContentType {
  if (!header) {
    return { mediaType: "", charset: undefined };
  }

  const [type = "", ...parameters] = header.split(";");
  const charset = parameters
    .map((parameter) => parameter.trim().match(/^charset\s*=\s*"?([^";\s]+)"?$/i)?.[1])
    .find(Boolean);

  return { mediaType: type.trim().toLowerCase(), charset };
}

function isArticleMediaType(mediaType: string): mediaType is ArticleMediaType {
  return (articleMediaTypes as readonly string[]).includes(mediaType);
}

// A byte-order mark wins, then the header, then a <meta> charset near the start of an
// HTML page (as browsers do), then UTF-8.
function detectCharset(bytes: Buffer, contentType: ContentType): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return "utf-8";
  }

  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return "utf-16le";
  }

  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return "utf-16be";
  }

  const declared =
    contentType.charset ??
    (contentType.mediaType === "text/plain" ? undefined : sniffMetaCharset(bytes));

  return declared && isKnownEncoding(declared) ? declared.toLowerCase() : "utf-8";
}

function sniffMetaCharset(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString("latin1");
  return head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
}

function statusError(status: number, statusText: string | undefined, url: URL): FetchArticleError {
  const label = statusText ? `${status} ${statusText}` : String(status);

  if (status === 401 || status === 403) {
    return new FetchArticleError(
      "http-status",
      "INVALID_INPUT",
      `The site refused to send ${url.href} (HTTP ${label}); it may need a sign-in or block automated reading. Copy the text and paste it instead.`,
    );
  }

  if (status >= 500 || status === 429) {
    return new FetchArticleError(
      "http-status",
      "UNAVAILABLE",
      `The site could not send ${url.href} right now (HTTP ${label}); try again later.`,
    );
  }

  return new FetchArticleError(
    "http-status",
    "INVALID_INPUT",
    `The site answered HTTP ${label} for ${url.href}, not a page Framewise can import.`,
  );
}

function contentTypeError(mediaType: string): FetchArticleError {
  const message = mediaType
    ? `This address returns ${mediaType}, not a web page or plain text; Framewise imports HTML and plain text only.`
    : "This address does not say what kind of content it returns, so Framewise does not import it; it imports HTML and plain text only.";
  return new FetchArticleError("content-type", "INVALID_INPUT", message);
}

function tooLargeError(maxBytes: number): FetchArticleError {
  return new FetchArticleError(
    "too-large",
    "PAYLOAD_TOO_LARGE",
    `The page is larger than ${formatBytes(maxBytes)}, the most Framewise fetches.`,
  );
}

function toNetworkError(error: unknown, url: string): FetchArticleError {
  const code = String((error as NodeJS.ErrnoException | null)?.code ?? "");
  let host = url;

  try {
    host = new URL(url).host;
  } catch {
    // Keep the input as written.
  }

  if (code === "ECONNREFUSED") {
    return new FetchArticleError(
      "network",
      "UNAVAILABLE",
      `${host} refused the connection; the site may be down.`,
    );
  }

  if (code.startsWith("CERT_") || code.includes("CERT") || code.startsWith("ERR_TLS")) {
    return new FetchArticleError(
      "network",
      "INVALID_INPUT",
      `The secure connection to ${host} failed: its certificate is not valid (${code}).`,
    );
  }

  if (code.startsWith("HPE_")) {
    return new FetchArticleError(
      "network",
      "UNAVAILABLE",
      `${host} sent a response that is not valid HTTP.`,
    );
  }

  return new FetchArticleError(
    "network",
    "UNAVAILABLE",
    `The connection to ${host} failed${code ? ` (${code})` : ""}; try again in a moment.`,
  );
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new Error("aborted"));

    if (signal.aborted) {
      onAbort();
      return;
    }

    signal.addEventListener("abort", onAbort, { once: true });
    void promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  }

  return bytes >= 1024 ? `${Number((bytes / 1024).toFixed(1))} KB` : `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number(seconds.toFixed(1))} second${seconds === 1 ? "" : "s"}`;
}
