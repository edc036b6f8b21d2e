import "server-only";

import { getCodebookPreset } from "@/lib/codebooks/presets";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import type { CreateCodebookInput } from "@/lib/validations/codebook";

import { recordAuditEvent } from "../audit/record-audit-event";
import { requireMembership } from "../workspace/require-membership";

import { createCodebookFromPreset } from "./create-codebook-from-preset";

type CreateCodebookOptions = { userId: string; input: CreateCodebookInput };

// The preset's key, or "key-2", "key-3"… when the workspace already has it.
export async function findFreeCodebookKey(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  key: string,
) {
  const taken = new Set(
    (
      await tx.codebook.findMany({
        where: { workspaceId, key: { startsWith: key } },
        select: { key: true },
        distinct: ["key"],
      })
    ).map((row) => row.key),
  );

  let number = 1;
  let candidate = key;
  while (taken.has(candidate)) {
    number += 1;
    candidate = `${key}-${number}`;
  }
  return { key: candidate, number };
}

// A new codebook from a shipped preset, published as version 1. It becomes the default
// only if the workspace has none.
export async function createCodebook({ userId, input }: CreateCodebookOptions) {
  await requireMembership({ userId, workspaceId: input.workspaceId, permission: "editCodebook" });
  const preset = getCodebookPreset(input.presetKey);
  if (!preset) {
    throw new AppError("INVALID_INPUT", "Choose one of the presets listed.", {
      presetKey: ["Choose one of the presets listed."],
    });
  }

  return getDb().$transaction(async (tx) => {
    const { key, number } = await findFreeCodebookKey(tx, input.workspaceId, preset.key);
    const name = number === 1 ? preset.name : `${preset.name} (${number})`;
    const hasDefault =
      (await tx.codebook.count({ where: { workspaceId: input.workspaceId, isDefault: true } })) > 0;

    const codebook = await createCodebookFromPreset({
      tx,
      workspaceId: input.workspaceId,
      preset: { ...preset, key, name },
      isDefault: !hasDefault,
    });

    await recordAuditEvent({
      tx,
      workspaceId: input.workspaceId,
      actorId: userId,
      action: "codebook.create",
      entityType: "codebook",
      entityId: codebook.id,
      after: { key, name, version: 1, preset: input.presetKey },
    });

    return { id: codebook.id, workspaceId: input.workspaceId, key, name };
  });
}
