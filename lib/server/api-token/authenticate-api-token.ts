import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { hashApiTokenSecret, isApiTokenShaped } from "./api-token-secret";

type AuthenticateApiTokenOptions = { secret: string; now?: Date };

export type AuthenticatedApiToken = {
  id: string;
  userId: string;
  workspaceId: string;
  scope: "READ" | "READ_WRITE";
};

// lastUsedAt is written at most once a minute, so a busy script does not turn every
// read into a write.
const touchIntervalMs = 60_000;

function formatMoment(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function invalidToken(message: string): AppError {
  return new AppError("UNAUTHORIZED", message);
}

// Looks a bearer secret up by its hash. Revoked and expired tokens say so and when,
// so the person knows to create a new one rather than hunt for a typo.
export async function authenticateApiToken({
  secret,
  now = new Date(),
}: AuthenticateApiTokenOptions): Promise<AuthenticatedApiToken> {
  if (!isApiTokenShaped(secret)) {
    throw invalidToken(
      "This is not a Framewise API token: tokens start with fw_ and have 46 characters. Copy it again from Settings → API tokens.",
    );
  }

  const db = getDb();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiTokenSecret(secret) },
    select: {
      id: true,
      userId: true,
      workspaceId: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });

  if (!token) {
    throw invalidToken(
      "This API token is not valid. It may be mistyped, or it was deleted with its account or workspace. Create a new one in Settings → API tokens.",
    );
  }
  if (token.revokedAt) {
    throw invalidToken(
      `This API token was revoked on ${formatMoment(token.revokedAt)}. Create a new one in Settings → API tokens.`,
    );
  }
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) {
    throw invalidToken(
      `This API token expired on ${formatMoment(token.expiresAt)}. Create a new one in Settings → API tokens.`,
    );
  }

  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= touchIntervalMs) {
    await db.apiToken.updateMany({
      where: {
        id: token.id,
        OR: [
          { lastUsedAt: null },
          { lastUsedAt: { lt: new Date(now.getTime() - touchIntervalMs) } },
        ],
      },
      data: { lastUsedAt: now },
    });
  }

  return { id: token.id, userId: token.userId, workspaceId: token.workspaceId, scope: token.scope };
}
