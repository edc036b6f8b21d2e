import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

import { recordAuditEvent } from "../audit/record-audit-event";

import { findCodebookForChange } from "./find-codebook-for-change";

type SetDefaultCodebookOptions = { userId: string; codebookId: string };

// The default codebook is the one annotators tag with (its published version). The flag
// is kept on every version of a codebook, so a new version inherits it.
export async function setDefaultCodebook({ userId, codebookId }: SetDefaultCodebookOptions) {
  return getDb().$transaction(async (tx) => {
    const { codebook } = await findCodebookForChange({ tx, userId, codebookId });

    const published = await tx.codebook.findFirst({
      where: { workspaceId: codebook.workspaceId, key: codebook.key, status: "PUBLISHED" },
      select: { id: true, version: true },
    });
    if (!published) {
      throw new AppError(
        "INVALID_INPUT",
        `Publish “${codebook.name}” before making it the default: annotators only tag with published versions.`,
      );
    }

    const previous = await tx.codebook.findFirst({
      where: { workspaceId: codebook.workspaceId, isDefault: true },
      select: { key: true },
    });

    // Raw SQL leaves updatedAt alone: choosing the default is not an edit, so it must not
    // turn open editors' copies stale.
    await tx.$executeRaw`UPDATE "Codebook" SET "isDefault" = ("key" = ${codebook.key}) WHERE "workspaceId" = ${codebook.workspaceId}`;

    await recordAuditEvent({
      tx,
      workspaceId: codebook.workspaceId,
      actorId: userId,
      action: "codebook.set_default",
      entityType: "codebook",
      entityId: published.id,
      before: { key: previous?.key ?? null },
      after: { key: codebook.key, version: published.version },
    });

    return { workspaceId: codebook.workspaceId, id: published.id };
  });
}
