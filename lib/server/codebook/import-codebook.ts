import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import {
  problemsToFieldErrors,
  validateCodebookFile,
  type ImportCodebookInput,
} from "@/lib/validations/codebook";

import { recordAuditEvent } from "../audit/record-audit-event";
import { requireMembership } from "../workspace/require-membership";

import { createCodebookFromPreset } from "./create-codebook-from-preset";
import { parseCodebookJson } from "./parse-codebook-json";

type ImportCodebookOptions = { userId: string; input: ImportCodebookInput };

export type ImportCodebookResult = {
  id: string;
  workspaceId: string;
  version: number;
  status: "PUBLISHED" | "DRAFT";
};

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// Imports a codebook file. Every problem is reported at once (JSON syntax, fields given
// twice, shape, keys, shortcuts, parents, scales) and nothing is written unless there are
// none. A new key becomes a published version 1; a key the workspace already has becomes
// its next version as a draft, to check and publish (publishing moves the highlights).
export async function importCodebook({
  userId,
  input,
}: ImportCodebookOptions): Promise<ImportCodebookResult> {
  await requireMembership({ userId, workspaceId: input.workspaceId, permission: "editCodebook" });

  const parsed = parseCodebookJson(input.json);
  const checked = parsed.ok ? validateCodebookFile(parsed.json) : null;
  const problems = [...parsed.problems, ...(checked && !checked.ok ? checked.problems : [])];
  if (!checked?.ok || problems.length > 0) {
    throw new AppError(
      "INVALID_INPUT",
      `The codebook has ${plural(problems.length, "problem")}; nothing was imported.`,
      problemsToFieldErrors(problems),
    );
  }
  const file = checked.codebook;

  return getDb().$transaction(async (tx) => {
    const latest = await tx.codebook.findFirst({
      where: { workspaceId: input.workspaceId, key: file.key },
      orderBy: { version: "desc" },
      select: { id: true, name: true, version: true, status: true, isDefault: true },
    });

    if (latest?.status === "DRAFT") {
      const message = `Version ${latest.version} of “${latest.name}” (key “${file.key}”) is already a draft: publish or discard it before importing another version. Nothing was imported.`;
      throw new AppError("CONFLICT", message, { key: [message] });
    }

    const version = latest ? latest.version + 1 : 1;
    const status = latest ? "DRAFT" : "PUBLISHED";
    const hasDefault =
      latest !== null ||
      (await tx.codebook.count({ where: { workspaceId: input.workspaceId, isDefault: true } })) > 0;

    const codebook = await createCodebookFromPreset({
      tx,
      workspaceId: input.workspaceId,
      preset: file,
      guidelines: file.guidelines,
      isDefault: latest ? latest.isDefault : !hasDefault,
      version,
      status,
    });

    await recordAuditEvent({
      tx,
      workspaceId: input.workspaceId,
      actorId: userId,
      action: "codebook.import",
      entityType: "codebook",
      entityId: codebook.id,
      after: { key: file.key, name: file.name, version, status },
    });

    return { id: codebook.id, workspaceId: input.workspaceId, version, status };
  });
}
