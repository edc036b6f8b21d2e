import "server-only";

import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";

import { getEnv } from "@/lib/env";
import { unauthorized } from "@/lib/errors/app-error";
import { findActiveSession } from "@/lib/server/user-session/find-active-session";

import { cachedJwtDecode } from "./cached-jwt-decode";

export type SessionUser = { id: string; name: string; email: string; sessionId: string };

// Reads the next-auth session cookie (either name: `__Secure-` when served over HTTPS) and
// checks its UserSession row, so an ended session or a deleted account is signed out on
// the next request. Headers are not passed, so a Bearer header (an API token) is never
// mistaken for a session. Memoised per server render: a layout and its page share one lookup.
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  // Everything behind a session renders per request, never at build time.
  await connection();
  const jar = await cookies();
  const secret = getEnv().NEXTAUTH_SECRET;
  const req = { cookies: jar, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  const token =
    (await getToken({ req, secret, secureCookie: true, decode: cachedJwtDecode })) ??
    (await getToken({ req, secret, secureCookie: false, decode: cachedJwtDecode }));

  if (!token?.sub || typeof token.sid !== "string") {
    return null;
  }

  const session = await findActiveSession({ sessionId: token.sid, userId: token.sub });
  return session ? { ...session.user, sessionId: session.sessionId } : null;
});

export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();

  if (!user) {
    throw unauthorized();
  }

  return user;
}
