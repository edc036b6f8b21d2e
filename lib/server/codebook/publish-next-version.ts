import "server-only";

import type { Prisma } from "@/lib/db/generated/client";
import type { CodebookFile } from "@/lib/validations/codebook";

import { recordAuditEvent } from "../audit/record-audit-event";

import { createCodebookFromPreset } from "./create-codebook-from-preset";
import type { CodebookForChange } from "./find-codebook-for-change";
import {
  describeMigration,
  migrateCodebookAnnotations,
  type MigrationSummary,
} from "./migrate-codebook-annotations";

type PublishNextVersionOptions = {
  tx: Prisma.TransactionClient;
  userId: string;
  current: CodebookForChange;
  file: CodebookFile;
  labelMoves?: ReadonlyMap<string, string>;
  annotationMoves?: ReadonlyMap<string, ReadonlyMap<string, string>>;
  action: string;
  details: Prisma.InputJsonObject;
};

export type LabelChangeResult = {
  id: string;
  workspaceId: string;
  version: number;
  migration: MigrationSummary;
};

// A label operation in one step, inside the caller's transaction: the changed codebook
// becomes the next published version, every highlight moves to its labels (by key, or
// where the operation says), the old version is archived, and the audit log records the
// mapping.
export async function publishNextVersion({
  tx,
  userId,
  current,
  file,
  labelMoves,
  annotationMoves,
  action,
  details,
}: PublishNextVersionOptions): Promise<LabelChangeResult> {
  const version = current.version + 1;
  const next = await createCodebookFromPreset({
    tx,
    workspaceId: current.workspaceId,
    preset: file,
    guidelines: file.guidelines,
    isDefault: current.isDefault,
    version,
    status: "PUBLISHED",
  });

  const migration = await migrateCodebookAnnotations({
    tx,
    fromCodebookId: current.id,
    toCodebookId: next.id,
    toVersion: version,
    labelMoves,
    annotationMoves,
  });

  await tx.codebook.update({ where: { id: current.id }, data: { status: "ARCHIVED" } });

  await recordAuditEvent({
    tx,
    workspaceId: current.workspaceId,
    actorId: userId,
    action,
    entityType: "codebook",
    entityId: next.id,
    before: { codebookId: current.id, key: current.key, version: current.version },
    after: {
      codebookId: next.id,
      key: current.key,
      version,
      ...details,
      migration: describeMigration(migration),
    },
  });

  return { id: next.id, workspaceId: current.workspaceId, version, migration };
}
