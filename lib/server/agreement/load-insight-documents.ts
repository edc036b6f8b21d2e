import "server-only";

import { getDb } from "@/lib/db/client";
import { isAdjudicationHighlight, isInGoldSet } from "@/lib/insight/gold";
import type { InsightDimension, InsightDocument, InsightSpan } from "@/lib/insight/types";

// Plumbing for the agreement and profile use cases, called after they have checked who is
// asking: the documents with their anchored, undeleted highlights, and the passage-level
// dimensions to measure (the workspace's current codebook, plus any older version whose
// labels these highlights still carry). Orphaned highlights have no place in the current
// text, so no measure can count them. Highlights a lead made while adjudicating go to the
// gold set only (see lib/insight/gold.ts), so leads are not counted as annotators.
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
        isGold: true,
        reviewState: true,
        reviewedById: true,
        reviewedAt: true,
        author: { select: { name: true } },
        labels: { select: { labelId: true } },
        values: {
          where: { target: { not: null } },
          select: { dimensionKey: true, target: true },
        },
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
      const proposals = own.filter((annotation) => !isAdjudicationHighlight(annotation));
      const annotators = new Map<string, string>();
      for (const annotation of proposals) {
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
        spans: proposals.map(toInsightSpan),
        gold: own.filter(isInGoldSet).map(toInsightSpan),
      };
    });

  return { documents, dimensions };
}

type AnnotationRow = {
  id: string;
  authorId: string;
  start: number;
  end: number;
  exact: string;
  comment: string;
  createdAt: Date;
  labels: { labelId: string }[];
  values: { dimensionKey: string; target: string | null }[];
};

function toInsightSpan(annotation: AnnotationRow): InsightSpan {
  const targets = Object.fromEntries(
    annotation.values.flatMap((value) =>
      value.target?.trim() ? [[value.dimensionKey, value.target]] : [],
    ),
  );
  return {
    id: annotation.id,
    annotatorId: annotation.authorId,
    start: annotation.start,
    end: annotation.end,
    exact: annotation.exact,
    comment: annotation.comment,
    labelIds: annotation.labels.map((label) => label.labelId),
    createdAt: annotation.createdAt.toISOString(),
    ...(Object.keys(targets).length > 0 ? { targets } : {}),
  };
}

// Distinct people with an anchored highlight of their own on the document (highlights a
// lead made while adjudicating do not count, as in loadInsightDocuments), counted before
// loading them.
export async function countDocumentAnnotators(documentId: string): Promise<number> {
  const [row] = await getDb().$queryRaw<[{ count: number }]>`
    SELECT COUNT(DISTINCT "authorId")::int AS count
    FROM "Annotation"
    WHERE "documentId" = ${documentId}
      AND "deletedAt" IS NULL
      AND "anchorStatus" = 'ANCHORED'
      AND NOT ("isGold" AND "reviewedById" IS NOT DISTINCT FROM "authorId"
               AND "reviewedAt" IS NOT DISTINCT FROM "createdAt")`;
  return row?.count ?? 0;
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
      fieldType: true,
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
      hasTarget: row.fieldType === "TARGET",
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
