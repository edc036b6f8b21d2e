import "server-only";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { PublishCodebookInput } from "@/lib/validations/codebook";

import { recordAuditEvent } from "../audit/record-audit-event";

import { labelPath } from "./codebook-content";
import { findCodebookForChange } from "./find-codebook-for-change";
import { describeMigration, migrateCodebookAnnotations } from "./migrate-codebook-annotations";

type PublishCodebookOptions = { userId: string; input: PublishCodebookInput };

// Publishing a draft makes it the version annotators tag with. In the same transaction
// the previously published version is archived and its highlights move to the draft's
// labels: to the label with the same dimension and label key, or where `moves` says for
// labels the draft no longer has. A highlight left without a place refuses the publish.
export async function publishCodebook({ userId, input }: PublishCodebookOptions) {
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
        `Version ${codebook.version} of “${codebook.name}” is already ${codebook.status.toLowerCase()}.`,
      );
    }

    const published = await tx.codebook.findFirst({
      where: { workspaceId: codebook.workspaceId, key: codebook.key, status: "PUBLISHED" },
      orderBy: { version: "desc" },
      select: { id: true, version: true },
    });

    let migration = null;
    if (published) {
      const draftLabels = new Map(
        codebook.dimensions.flatMap((dimension) =>
          dimension.labels.map((label) => [label.id, labelPath(dimension.key, label.key)]),
        ),
      );
      const labelMoves = new Map<string, string>();
      for (const [fromLabelId, toLabelId] of Object.entries(input.moves)) {
        const destination = draftLabels.get(toLabelId);
        if (destination === undefined) {
          throw new AppError(
            "INVALID_INPUT",
            `A mapping points to a label that is not in version ${codebook.version}; reload and choose again.`,
            { [`moves.${fromLabelId}`]: ["Choose a label of the new version."] },
          );
        }
        labelMoves.set(fromLabelId, destination);
      }

      migration = await migrateCodebookAnnotations({
        tx,
        fromCodebookId: published.id,
        toCodebookId: codebook.id,
        toVersion: codebook.version,
        labelMoves,
      });
      await tx.codebook.update({ where: { id: published.id }, data: { status: "ARCHIVED" } });
    }

    const updated = await tx.codebook.update({
      where: { id: codebook.id },
      data: { status: "PUBLISHED" },
      select: { id: true, workspaceId: true, version: true, updatedAt: true },
    });

    await recordAuditEvent({
      tx,
      workspaceId: codebook.workspaceId,
      actorId: userId,
      action: "codebook.publish",
      entityType: "codebook",
      entityId: codebook.id,
      before: published
        ? { codebookId: published.id, key: codebook.key, version: published.version }
        : { key: codebook.key, version: null },
      after: {
        codebookId: codebook.id,
        key: codebook.key,
        version: codebook.version,
        ...(migration ? { migration: describeMigration(migration) } : {}),
      },
    });

    return { ...updated, movedAnnotations: migration?.annotationCount ?? 0 };
  });
}
