// Helpers for this folder's integration tests (*.int.test.ts); not used by the app.
import { getDb } from "@/lib/db/client";
import { createAnnotationSchema } from "@/lib/validations/annotation";
import { makeDocument } from "@/tests/factories";

import { createAnnotation } from "../annotation/create-annotation";

export const articleText = [
  "The council’s reckless scheme was pushed through by out-of-touch bureaucrats.",
  "Critics say the plan will hurt small businesses.",
  "Can we really trust a minister who changes her mind every week?",
].join("\n\n");

export async function getDefaultCodebookRow(workspaceId: string) {
  return getDb().codebook.findFirstOrThrow({
    where: { workspaceId, isDefault: true, status: "PUBLISHED" },
    orderBy: { version: "desc" },
    select: { id: true, key: true, version: true, status: true, updatedAt: true },
  });
}

// "dimension:label" → label id, for one codebook version.
export async function labelsOf(codebookId: string) {
  const labels = await getDb().label.findMany({
    where: { dimension: { codebookId } },
    select: { id: true, key: true, name: true, dimension: { select: { key: true } } },
  });
  return new Map(labels.map((label) => [`${label.dimension.key}:${label.key}`, label]));
}

export function idOf(labels: Map<string, { id: string }>, path: string): string {
  const label = labels.get(path);
  if (!label) {
    throw new Error(`No label ${path}`);
  }
  return label.id;
}

export async function highlight(
  userId: string,
  documentId: string,
  phrase: string,
  labelIds: string[],
) {
  const at = articleText.indexOf(phrase);
  if (at < 0) {
    throw new Error(`"${phrase}" is not in the article`);
  }
  const start = Array.from(articleText.slice(0, at)).length;
  return createAnnotation({
    userId,
    documentId,
    input: createAnnotationSchema.parse({
      start,
      end: start + Array.from(phrase).length,
      exact: phrase,
      labelIds,
    }),
  });
}

export async function makeArticle(userId: string, workspaceId: string) {
  return makeDocument(userId, workspaceId, articleText, "Council scheme");
}

// Label keys ("dimension:label") on each highlight, sorted, for comparing before/after.
export async function labelKeysOf(annotationIds: string[]) {
  const rows = await getDb().annotationLabel.findMany({
    where: { annotationId: { in: annotationIds } },
    select: {
      annotationId: true,
      label: {
        select: {
          key: true,
          dimension: { select: { key: true, codebook: { select: { version: true } } } },
        },
      },
    },
  });
  const byAnnotation = new Map<string, string[]>(annotationIds.map((id) => [id, []]));
  for (const row of rows) {
    byAnnotation
      .get(row.annotationId)
      ?.push(
        `${row.label.dimension.key}:${row.label.key}@v${row.label.dimension.codebook.version}`,
      );
  }
  return annotationIds.map((id) => (byAnnotation.get(id) ?? []).sort());
}

export async function countRows(workspaceId: string) {
  const db = getDb();
  const [codebooks, labels, annotationLabels, auditEvents] = await Promise.all([
    db.codebook.count({ where: { workspaceId } }),
    db.label.count({ where: { dimension: { codebook: { workspaceId } } } }),
    db.annotationLabel.count({ where: { label: { dimension: { codebook: { workspaceId } } } } }),
    db.auditEvent.count({ where: { workspaceId, entityType: "codebook" } }),
  ]);
  return { codebooks, labels, annotationLabels, auditEvents };
}

export async function auditEvents(workspaceId: string, action: string) {
  return getDb().auditEvent.findMany({
    where: { workspaceId, action },
    orderBy: { createdAt: "asc" },
    select: { actorId: true, entityId: true, before: true, after: true },
  });
}
