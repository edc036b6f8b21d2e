import "server-only";

import { defaultCodebookPresetKey, getCodebookPreset } from "@/lib/codebooks/presets";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { CreateWorkspaceInput } from "@/lib/validations/workspace";

import { recordAuditEvent } from "../audit/record-audit-event";
import { createCodebookFromPreset } from "../codebook/create-codebook-from-preset";

type CreateWorkspaceOptions = { userId: string; input: CreateWorkspaceInput };

export async function createWorkspace({ userId, input }: CreateWorkspaceOptions) {
  const presetKey = input.codebookPreset || defaultCodebookPresetKey;
  const preset = getCodebookPreset(presetKey);
  if (!preset) {
    const message = "Choose one of the codebooks listed.";
    throw new AppError("INVALID_INPUT", message, { codebookPreset: [message] });
  }

  return getDb().$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name: input.name, kind: input.kind, members: { create: { userId, role: "OWNER" } } },
      select: { id: true, name: true, kind: true },
    });

    await createCodebookFromPreset({
      tx,
      workspaceId: workspace.id,
      preset,
      isDefault: true,
    });

    await recordAuditEvent({
      tx,
      workspaceId: workspace.id,
      actorId: userId,
      action: "workspace.create",
      entityType: "workspace",
      entityId: workspace.id,
      after: { ...workspace, codebookPreset: presetKey },
    });

    return workspace;
  });
}
