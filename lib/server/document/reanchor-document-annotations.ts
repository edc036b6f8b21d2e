import "server-only";

import { createReanchorer, type ReanchorResult } from "@/lib/anchoring/reanchor";
import type { Prisma } from "@/lib/db/generated/client";

type ReanchorDocumentAnnotationsOptions = {
  tx: Prisma.TransactionClient;
  workspaceId: string;
  actorId: string;
  documentId: string;
  oldText: string;
  newText: string;
  newVersion: number;
};

export type ReanchorSummary = { unchanged: number; moved: number; fuzzy: number; orphaned: number };

// Moves every live highlight of a document onto its new text, inside the edit's
// transaction: anchored ones via the diff from the old text, orphans by searching
// their quote again (an edit can bring their passage back). Each outcome is audited.
export async function reanchorDocumentAnnotations({
  tx,
  workspaceId,
  actorId,
  documentId,
  oldText,
  newText,
  newVersion,
}: ReanchorDocumentAnnotationsOptions): Promise<ReanchorSummary> {
  const rows = await tx.annotation.findMany({
    where: { documentId, deletedAt: null },
    select: {
      id: true,
      start: true,
      end: true,
      exact: true,
      prefix: true,
      suffix: true,
      anchorStatus: true,
    },
  });

  const fromOldText = createReanchorer({ oldText, newText });
  const byQuoteOnly = createReanchorer({ newText });
  const summary: ReanchorSummary = { unchanged: 0, moved: 0, fuzzy: 0, orphaned: 0 };
  const updates: { id: string; result: ReanchorResult }[] = [];

  for (const row of rows) {
    const result = row.anchorStatus === "ORPHANED" ? byQuoteOnly(row) : fromOldText(row);
    summary[result.status] += 1;
    updates.push({ id: row.id, result });
  }

  if (updates.length === 0) {
    return summary;
  }

  // One statement for all rows: a long article can carry thousands of highlights.
  const anchored = updates.filter(
    (update): update is { id: string; result: Exclude<ReanchorResult, { status: "orphaned" }> } =>
      update.result.status !== "orphaned",
  );
  if (anchored.length > 0) {
    await tx.$executeRaw`
      UPDATE "Annotation" AS a
      SET "start" = v.start, "end" = v."end", "exact" = v.exact, "prefix" = v.prefix,
          "suffix" = v.suffix, "documentVersion" = ${newVersion},
          "anchorStatus" = 'ANCHORED', "updatedAt" = now(),
          -- A highlight that moved counts as edited: an edit made on its old place conflicts.
          "revision" = a."revision" + CASE
            WHEN a."start" <> v.start OR a."end" <> v."end" OR a."exact" <> v.exact
              OR a."anchorStatus" <> 'ANCHORED' THEN 1 ELSE 0 END
      FROM (
        SELECT unnest(${anchored.map((update) => update.id)}::text[]) AS id,
               unnest(${anchored.map((update) => update.result.start)}::int[]) AS start,
               unnest(${anchored.map((update) => update.result.end)}::int[]) AS "end",
               unnest(${anchored.map((update) => update.result.exact)}::text[]) AS exact,
               unnest(${anchored.map((update) => update.result.prefix)}::text[]) AS prefix,
               unnest(${anchored.map((update) => update.result.suffix)}::text[]) AS suffix
      ) AS v
      WHERE a.id = v.id`;
  }

  const orphanIds = updates
    .filter((update) => update.result.status === "orphaned")
    .map((update) => update.id);
  if (orphanIds.length > 0) {
    // Orphans keep their old offsets and quote: that is what a person re-attaches.
    await tx.annotation.updateMany({
      where: { id: { in: orphanIds } },
      data: { anchorStatus: "ORPHANED", revision: { increment: 1 } },
    });
  }

  const before = new Map(rows.map((row) => [row.id, row]));
  await tx.auditEvent.createMany({
    data: updates.map(({ id, result }) => {
      const old = before.get(id);
      return {
        workspaceId,
        actorId,
        action: `annotation.reanchor.${result.status}`,
        entityType: "annotation",
        entityId: id,
        before: {
          start: old?.start ?? null,
          end: old?.end ?? null,
          exact: old?.exact ?? null,
          anchorStatus: old?.anchorStatus ?? null,
        },
        after:
          result.status === "orphaned"
            ? { anchorStatus: "ORPHANED", documentVersion: newVersion }
            : {
                start: result.start,
                end: result.end,
                exact: result.exact,
                method: result.method,
                score: result.score,
                anchorStatus: "ANCHORED",
                documentVersion: newVersion,
              },
      };
    }),
  });

  return summary;
}
