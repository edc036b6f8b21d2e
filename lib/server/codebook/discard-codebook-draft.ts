import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { DiscardCodebookDraftInput } from "@/lib/validations/codebook";

import { recordAuditEvent } from "../audit/record-audit-event";

import { assertDraftUnused } from "./assert-draft-unused";
import { findCodebookForChange } from "./find-codebook-for-change";

type DiscardCodebookDraftOptions = { userId: string; input: DiscardCodebookDraftInput };

// Throws a draft away; the published version stays as it was. Returns the version to
// show next (null when the draft was the codebook's only version).
export async function discardCodebookDraft({ userId, input }: DiscardCodebookDraftOptions) {
  return getDb().$transaction(async (tx) => {
    const { codebook } = await findCodebookForChange({
      tx,
      userId,
      codebookId: input.codebookId,
      expectedUpdatedAt: input.expectedUpdatedAt,
    });

    if (codebook.status !== "DRAFT") {
      throw new AppError(
        "CONFLICT",
        `Version ${codebook.version} of “${codebook.name}” is ${codebook.status.toLowerCase()}, not a draft: it cannot be discarded.`,
      );
    }

    await assertDraftUnused(tx, codebook.id);
    await tx.codebook.delete({ where: { id: codebook.id } });
    await recordAuditEvent({
      tx,
      workspaceId: codebook.workspaceId,
      actorId: userId,
      action: "codebook.draft.discard",
      entityType: "codebook",
      entityId: codebook.id,
      before: { key: codebook.key, version: codebook.version, name: codebook.name },
    });

    const remaining = await tx.codebook.findFirst({
      where: { workspaceId: codebook.workspaceId, key: codebook.key },
      orderBy: { version: "desc" },
      select: { id: true },
    });
    return { workspaceId: codebook.workspaceId, nextId: remaining?.id ?? null };
  });
}
