import "server-only";

import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// next-auth derives the cookie's encryption key with HKDF and decrypts the JWE on every
// request; a browser sends the same cookie many times, so a decoded token is kept for a
// short while (whether its session is still active is checked in the database regardless).
const maxEntries = 5_000;
const keepMs = 60_000;
const decoded = new Map<string, { token: JWT; secret: string; until: number }>();

export async function cachedJwtDecode(params: JWTDecodeParams): Promise<JWT | null> {
  const { token: raw, secret } = params;
  if (!raw || typeof secret !== "string") {
    return decode(params);
  }
  const now = Date.now();
  const hit = decoded.get(raw);
  if (hit && hit.secret === secret && hit.until > now && isUnexpired(hit.token, now)) {
    return hit.token;
  }
  const token = await decode(params);
  if (token) {
    if (decoded.size >= maxEntries) {
      // Oldest first: a Map iterates in insertion order.
      decoded.delete(decoded.keys().next().value!);
    }
    decoded.set(raw, { token, secret, until: now + keepMs });
  }
  return token;
}

function isUnexpired(token: JWT, now: number): boolean {
  return typeof token.exp !== "number" || token.exp * 1000 > now;
}
