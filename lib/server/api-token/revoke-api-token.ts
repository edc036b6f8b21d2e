import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";

import { recordAuditEvent } from "../audit/record-audit-event";

type RevokeApiTokenOptions = { userId: string; tokenId: string; now?: Date };

// Only the token's owner can revoke it; anyone else's token id is "not found".
export async function revokeApiToken({ userId, tokenId, now = new Date() }: RevokeApiTokenOptions) {
  return getDb().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id: tokenId, userId },
      select: { id: true, name: true, prefix: true, workspaceId: true, revokedAt: true },
    });

    if (!token) {
      throw notFound("This token");
    }

    // The condition is in the UPDATE, so two clicks cannot both record a revocation.
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, userId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) {
      throw new AppError("CONFLICT", `The token “${token.name}” was already revoked.`);
    }

    await recordAuditEvent({
      tx,
      workspaceId: token.workspaceId,
      actorId: userId,
      action: "api-token.revoke",
      entityType: "user",
      entityId: userId,
      before: { tokenId: token.id, name: token.name, prefix: token.prefix },
      after: { tokenId: token.id, revokedAt: now.toISOString() },
    });

    return { id: token.id, name: token.name, revokedAt: now };
  });
}
