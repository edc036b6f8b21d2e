import "server-only";

import { getDb } from "@/lib/db/client";
import type { InsightDimension, InsightDocument } from "@/lib/insight/types";

// Plumbing for the agreement and profile use cases, called after they have checked who is
// asking: the documents with their anchored, undeleted highlights, and the passage-level
// dimensions to measure (the workspace's current codebook, plus any older version whose
// labels these highlights still carry). Orphaned highlights have no place in the current
// text, so no measure can count them.
export async function loadInsightDocuments({
  workspaceId,
  documentIds,
}: {
  workspaceId: string;
  documentIds: readonly string[];
}): Promise<{ documents: InsightDocument[]; dimensions: InsightDimension[] }> {
  const db = getDb();
  const [rows, annotations] = await Promise.all([
    db.document.findMany({
      where: { id: { in: [...documentIds] }, workspaceId },
      select: { id: true, title: true, outlet: true, publishedAt: true, text: true },
    }),
    db.annotation.findMany({
      where: {
        documentId: { in: [...documentIds] },
        document: { workspaceId },
        deletedAt: null,
        anchorStatus: "ANCHORED",
      },
      orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        documentId: true,
        authorId: true,
        start: true,
        end: true,
        exact: true,
        comment: true,
        createdAt: true,
        author: { select: { name: true } },
        labels: { select: { labelId: true } },
      },
    }),
  ]);

  const usedLabelIds = [
    ...new Set(annotations.flatMap((row) => row.labels.map((label) => label.labelId))),
  ];
  const dimensions = await loadInsightDimensions({ workspaceId, usedLabelIds });

  const order = new Map(documentIds.map((id, index) => [id, index]));
  const byDocument = new Map<string, typeof annotations>();
  for (const annotation of annotations) {
    const list = byDocument.get(annotation.documentId);
    if (list) {
      list.push(annotation);
    } else {
      byDocument.set(annotation.documentId, [annotation]);
    }
  }
  const documents = rows
    .sort((left, right) => order.get(left.id)! - order.get(right.id)!)
    .map((row): InsightDocument => {
      const own = byDocument.get(row.id) ?? [];
      const annotators = new Map<string, string>();
      for (const annotation of own) {
        annotators.set(annotation.authorId, annotation.author.name);
      }
      return {
        id: row.id,
        title: row.title,
        outlet: row.outlet,
        publishedAt: row.publishedAt?.toISOString().slice(0, 10) ?? null,
        text: row.text,
        annotators: [...annotators.entries()]
          .map(([id, name]) => ({ id, name }))
          .sort(
            (left, right) =>
              left.name.localeCompare(right.name, "en") || (left.id < right.id ? -1 : 1),
          ),
        spans: own.map((annotation) => ({
          id: annotation.id,
          annotatorId: annotation.authorId,
          start: annotation.start,
          end: annotation.end,
          exact: annotation.exact,
          comment: annotation.comment,
          labelIds: annotation.labels.map((label) => label.labelId),
          createdAt: annotation.createdAt.toISOString(),
        })),
      };
    });

  return { documents, dimensions };
}

// Distinct people with an anchored highlight on the document, counted before loading them.
export async function countDocumentAnnotators(documentId: string): Promise<number> {
  const groups = await getDb().annotation.groupBy({
    by: ["authorId"],
    where: { documentId, deletedAt: null, anchorStatus: "ANCHORED" },
  });
  return groups.length;
}

// The passage-level dimensions to measure: the newest published version of the default
// codebook, plus any version whose labels `usedLabelIds` come from.
export async function loadInsightDimensions({
  workspaceId,
  usedLabelIds,
}: {
  workspaceId: string;
  usedLabelIds: readonly string[];
}): Promise<InsightDimension[]> {
  const dimensionRows = await getDb().dimension.findMany({
    where: {
      scope: "SPAN",
      codebook: { workspaceId },
      OR: [
        { codebook: { isDefault: true, status: "PUBLISHED" } },
        { labels: { some: { id: { in: [...usedLabelIds] } } } },
      ],
    },
    orderBy: [{ codebook: { version: "desc" } }, { position: "asc" }],
    select: {
      id: true,
      key: true,
      name: true,
      multiple: true,
      codebook: { select: { id: true, name: true, version: true, isDefault: true, status: true } },
      labels: { orderBy: { position: "asc" }, select: { id: true, key: true, name: true } },
    },
  });

  // Of the default codebook, only the newest published version counts unless older ones are in use.
  const current = dimensionRows
    .filter((row) => row.codebook.isDefault && row.codebook.status === "PUBLISHED")
    .reduce<{ id: string; version: number } | null>(
      (best, row) => (best && best.version >= row.codebook.version ? best : row.codebook),
      null,
    );
  const used = new Set(usedLabelIds);
  return dimensionRows
    .filter(
      (row) => row.codebook.id === current?.id || row.labels.some((label) => used.has(label.id)),
    )
    .map((row): InsightDimension => ({
      id: row.id,
      key: row.key,
      name: row.name,
      multiple: row.multiple,
      codebookId: row.codebook.id,
      codebookName: row.codebook.name,
      codebookVersion: row.codebook.version,
      labels: row.labels.map((label) => ({ ...label, dimensionId: row.id })),
    }));
}

// Labels on the documents' anchored, undeleted highlights.
export async function findUsedLabelIds(documentIds: readonly string[]): Promise<string[]> {
  const rows = await getDb().label.findMany({
    where: {
      annotations: {
        some: {
          annotation: {
            documentId: { in: [...documentIds] },
            deletedAt: null,
            anchorStatus: "ANCHORED",
          },
        },
      },
    },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
