import "server-only";

import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { CreateApiTokenData } from "@/lib/validations/api-token";

import { recordAuditEvent } from "../audit/record-audit-event";
import { requireMembership } from "../workspace/require-membership";

import { generateApiTokenSecret, getApiTokenPrefix, hashApiTokenSecret } from "./api-token-secret";

type CreateApiTokenOptions = { userId: string; input: CreateApiTokenData; now?: Date };

const dayMs = 24 * 60 * 60 * 1000;

// The secret is returned here and nowhere else: only its SHA-256 is stored.
export async function createApiToken({ userId, input, now = new Date() }: CreateApiTokenOptions) {
  const membership = await requireMembership({
    userId,
    workspaceId: input.workspaceId,
    permission: "readWorkspace",
  });

  if (input.scope === "READ_WRITE" && !can(membership.role, "annotate")) {
    const message =
      "Viewers can only create read-only tokens: your role in this workspace cannot make changes.";
    throw new AppError("FORBIDDEN", message, { scope: [message] });
  }

  const secret = generateApiTokenSecret();
  const expiresAt = input.expiresInDays
    ? new Date(now.getTime() + input.expiresInDays * dayMs)
    : null;

  const token = await getDb().$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        userId,
        workspaceId: input.workspaceId,
        name: input.name,
        tokenHash: hashApiTokenSecret(secret),
        prefix: getApiTokenPrefix(secret),
        scope: input.scope,
        expiresAt,
      },
      select: {
        id: true,
        name: true,
        prefix: true,
        scope: true,
        workspaceId: true,
        createdAt: true,
        expiresAt: true,
      },
    });

    // entityType has no "token" kind: the event is filed under the user whose credential it is.
    await recordAuditEvent({
      tx,
      workspaceId: input.workspaceId,
      actorId: userId,
      action: "api-token.create",
      entityType: "user",
      entityId: userId,
      after: {
        tokenId: created.id,
        name: created.name,
        prefix: created.prefix,
        scope: created.scope,
        expiresAt: created.expiresAt?.toISOString() ?? null,
      },
    });

    return created;
  });

  return { token, secret };
}
