import "server-only";

import { getServerSession } from "next-auth";
import { connection } from "next/server";

import { getDb } from "@/lib/db/client";
import { unauthorized } from "@/lib/errors/app-error";

import { getAuthOptions } from "./auth-options";

export type SessionUser = { id: string; name: string; email: string };

// The JWT alone is not trusted to mean the account still exists.
export async function getSessionUser(): Promise<SessionUser | null> {
  // Everything behind a session renders per request, never at build time.
  await connection();
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user?.id;

  if (!userId) {
    return null;
  }

  return getDb().user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true },
  });
}

export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();

  if (!user) {
    throw unauthorized();
  }

  return user;
}
