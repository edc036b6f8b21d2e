import "server-only";

import { getDb } from "@/lib/db/client";

type ListApiTokensOptions = { userId: string; now?: Date };

// A person's own tokens, newest first, each marked active or not. The hash stays in the
// database.
export async function listApiTokens({ userId, now = new Date() }: ListApiTokensOptions) {
  const tokens = await getDb().apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scope: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      workspace: { select: { id: true, name: true } },
    },
  });

  return tokens.map((token) => {
    const isExpired = token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime();
    return { ...token, isExpired, isActive: token.revokedAt === null && !isExpired };
  });
}

export type ApiTokenListItem = Awaited<ReturnType<typeof listApiTokens>>[number];
