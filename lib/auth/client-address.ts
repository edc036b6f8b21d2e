import { getEnv } from "@/lib/env";

type HeaderBag = Record<string, string | string[] | undefined> | Headers;

function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

// `next start` appends the socket's address to X-Forwarded-For, so the last entry is
// the direct peer. Only behind a trusted proxy is the first (client-supplied) entry used.
export function getClientAddress(headers: HeaderBag): string | null {
  const forwarded = readHeader(headers, "x-forwarded-for");

  if (!forwarded) {
    return readHeader(headers, "x-real-ip") ?? null;
  }

  const entries = forwarded
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chosen = getEnv().FRAMEWISE_TRUST_PROXY ? entries[0] : entries.at(-1);
  return chosen ?? null;
}
