import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import {
  problemsToFieldErrors,
  validateCodebookFile,
  type UpdateCodebookInput,
} from "@/lib/validations/codebook";

import { recordAuditEvent } from "../audit/record-audit-event";

import { createCodebookFromPreset, toDimensionsData } from "./create-codebook-from-preset";
import { assertDraftUnused } from "./assert-draft-unused";
import { findCodebookForChange } from "./find-codebook-for-change";

type UpdateCodebookOptions = { userId: string; input: UpdateCodebookInput };

export type UpdateCodebookResult = {
  id: string;
  workspaceId: string;
  version: number;
  updatedAt: string;
  isNewVersion: boolean;
};

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

// Saves the editor's codebook. A draft is changed in place; a published version is never
// changed: the edit becomes a new draft version (version + 1), which annotators see once
// it is published. Both check the copy the editor started from (expectedUpdatedAt).
export async function updateCodebook({
  userId,
  input,
}: UpdateCodebookOptions): Promise<UpdateCodebookResult> {
  return getDb().$transaction(async (tx) => {
    // Who may change it comes first: a viewer hears "forbidden", not what is wrong with
    // the file (a refusal here rolls back the claim on the row).
    const { codebook } = await findCodebookForChange({
      tx,
      userId,
      codebookId: input.codebookId,
      expectedUpdatedAt: input.expectedUpdatedAt,
    });

    const result = validateCodebookFile(input.codebook);
    if (!result.ok) {
      throw new AppError(
        "INVALID_INPUT",
        `The codebook has ${plural(result.problems.length, "problem")}; nothing was saved.`,
        problemsToFieldErrors(result.problems),
      );
    }
    const file = result.codebook;

    if (file.key !== codebook.key) {
      const message = `A codebook keeps its key across versions (“${codebook.key}”). To start a separate codebook, export this one and import it with another key.`;
      throw new AppError("INVALID_INPUT", message, { key: [message] });
    }

    const fields = {
      name: file.name,
      description: file.description,
      source: file.source ?? "",
      licence: file.licence ?? "",
      guidelines: file.guidelines,
    };

    if (codebook.status === "DRAFT") {
      // Drafts carry no highlights (those are only ever on published labels), so their
      // dimensions and labels can be written afresh.
      await assertDraftUnused(tx, codebook.id);
      await tx.dimension.deleteMany({ where: { codebookId: codebook.id } });
      const saved = await tx.codebook.update({
        where: { id: codebook.id },
        data: { ...fields, dimensions: { create: toDimensionsData(file.dimensions) } },
        select: { id: true, version: true, updatedAt: true },
      });
      await recordAuditEvent({
        tx,
        workspaceId: codebook.workspaceId,
        actorId: userId,
        action: "codebook.update",
        entityType: "codebook",
        entityId: codebook.id,
        before: { key: codebook.key, version: codebook.version, name: codebook.name },
        after: { key: codebook.key, version: saved.version, name: file.name },
      });
      return {
        id: saved.id,
        workspaceId: codebook.workspaceId,
        version: saved.version,
        updatedAt: saved.updatedAt.toISOString(),
        isNewVersion: false,
      };
    }

    const version = codebook.version + 1;
    const created = await createCodebookFromPreset({
      tx,
      workspaceId: codebook.workspaceId,
      preset: file,
      guidelines: file.guidelines,
      isDefault: codebook.isDefault,
      version,
      status: "DRAFT",
    });
    const draft = await tx.codebook.findUniqueOrThrow({
      where: { id: created.id },
      select: { updatedAt: true },
    });
    await recordAuditEvent({
      tx,
      workspaceId: codebook.workspaceId,
      actorId: userId,
      action: "codebook.version.create",
      entityType: "codebook",
      entityId: created.id,
      before: { codebookId: codebook.id, key: codebook.key, version: codebook.version },
      after: { codebookId: created.id, key: codebook.key, version, status: "DRAFT" },
    });
    return {
      id: created.id,
      workspaceId: codebook.workspaceId,
      version,
      updatedAt: draft.updatedAt.toISOString(),
      isNewVersion: true,
    };
  });
}
