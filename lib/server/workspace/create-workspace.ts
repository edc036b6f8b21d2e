import "server-only";

import { newsroomReviewPreset } from "@/lib/codebooks/presets/newsroom-review";
import { getDb } from "@/lib/db/client";
import type { CreateWorkspaceInput } from "@/lib/validations/workspace";

import { recordAuditEvent } from "../audit/record-audit-event";
import { createCodebookFromPreset } from "../codebook/create-codebook-from-preset";

type CreateWorkspaceOptions = { userId: string; input: CreateWorkspaceInput };

export async function createWorkspace({ userId, input }: CreateWorkspaceOptions) {
  return getDb().$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { name: input.name, kind: input.kind, members: { create: { userId, role: "OWNER" } } },
      select: { id: true, name: true, kind: true },
    });

    await createCodebookFromPreset({
      tx,
      workspaceId: workspace.id,
      preset: newsroomReviewPreset,
      isDefault: true,
    });

    await recordAuditEvent({
      tx,
      workspaceId: workspace.id,
      actorId: userId,
      action: "workspace.create",
      entityType: "workspace",
      entityId: workspace.id,
      after: workspace,
    });

    return workspace;
  });
}
