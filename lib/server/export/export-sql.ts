import "server-only";

import type { ExportPlan } from "./resolve-export";

// The SQL every export query shares, over "Annotation" a JOIN "Document" d. Values always
// go through `params`, never into the text. Each query builds its own SqlParams and uses
// every condition it asks for (Postgres refuses parameters it cannot type).

export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// Prisma stores DateTime as `timestamp(3)` without time zone, in UTC. Reading epoch
// milliseconds avoids pg's local-time parsing of such columns.
export function epochMs(column: string): string {
  return `(extract(epoch from ${column}) * 1000)::float8`;
}

// Rows of the export must be anchored to the document's current text: orphans (and, as a
// safeguard, anything on another version) are left out and counted.
export const anchoredCondition = `a."anchorStatus" = 'ANCHORED' AND a."documentVersion" = d.version`;

// The review state an annotation is exported with: "gold" when it is in its document's
// agreed (gold) set, else its review decision in lower case (pending, accepted, rejected,
// edited); the values of ExportAnnotation.reviewState.
export const reviewStateExpression = `(CASE WHEN a."isGold" THEN 'gold' ELSE lower(a."reviewState"::text) END)`;

export type ExportConditions = {
  // Documents: workspace, chosen documents or collection.
  documents: string;
  // Annotations: not deleted, annotators, origin, review state, dates. Neither labels nor
  // anchoring.
  annotations: string;
  // On the dimension alias `dm`: the dimension is one the export writes.
  exportedDimension: string;
  // A label-less note (no label in any codebook); exported only when the plan says so.
  isNote: string;
  // The annotation has a label in an exported dimension, or is an exported note.
  hasExportedContent: string;
  // LEFT JOIN of the annotation's exported labels, as `dm` (dimension) and `l` (label).
  exportedLabelsJoin: string;
  // LEFT JOIN of all the annotation's labels, as `dm` and `l`: a plain join Postgres runs
  // as one hash join (a NOT EXISTS per row for notes costs more than the rows it saves).
  allLabelsJoin: string;
};

export function buildExportConditions(plan: ExportPlan, params: SqlParams): ExportConditions {
  const { filters } = plan;
  const documents = [`d."workspaceId" = ${params.add(plan.workspace.id)}`];

  if (filters.documentIds.length > 0) {
    documents.push(`d.id = ANY(${params.add(filters.documentIds)}::text[])`);
  }
  if (plan.collection) {
    documents.push(
      `d.id IN (SELECT cd."documentId" FROM "CollectionDocument" cd WHERE cd."collectionId" = ${params.add(plan.collection.id)})`,
    );
  }

  const annotations = [`a."deletedAt" IS NULL`];
  if (filters.annotatorIds.length > 0) {
    annotations.push(`a."authorId" = ANY(${params.add(filters.annotatorIds)}::text[])`);
  }
  if (filters.origins.length > 0) {
    const origins = filters.origins.map((origin) => origin.toUpperCase());
    annotations.push(`a.origin::text = ANY(${params.add(origins)}::text[])`);
  }
  if (filters.reviewStates.length > 0) {
    annotations.push(`${reviewStateExpression} = ANY(${params.add(filters.reviewStates)}::text[])`);
  }
  if (filters.createdFrom) {
    annotations.push(`a."createdAt" >= ${params.add(filters.createdFrom)}::date`);
  }
  if (filters.createdTo) {
    // Inclusive of the whole end day.
    annotations.push(`a."createdAt" < ${params.add(filters.createdTo)}::date + 1`);
  }

  const exportedDimension = `dm."codebookId" = ${params.add(plan.codebook.id)} AND dm.key = ANY(${params.add(plan.dimensionKeys)}::text[])`;
  const isNote = `NOT EXISTS (SELECT 1 FROM "AnnotationLabel" note WHERE note."annotationId" = a.id)`;
  const hasExportedLabel = `EXISTS (SELECT 1 FROM "AnnotationLabel" al JOIN "Label" l ON l.id = al."labelId" JOIN "Dimension" dm ON dm.id = l."dimensionId" WHERE al."annotationId" = a.id AND ${exportedDimension})`;

  return {
    documents: documents.join(" AND "),
    annotations: annotations.join(" AND "),
    exportedDimension,
    isNote,
    hasExportedContent: plan.includeNotes ? `(${hasExportedLabel} OR ${isNote})` : hasExportedLabel,
    exportedLabelsJoin: `LEFT JOIN ("AnnotationLabel" al
      JOIN "Label" l ON l.id = al."labelId"
      JOIN "Dimension" dm ON dm.id = l."dimensionId" AND ${exportedDimension})
      ON al."annotationId" = a.id`,
    allLabelsJoin: `LEFT JOIN ("AnnotationLabel" al
      JOIN "Label" l ON l.id = al."labelId"
      JOIN "Dimension" dm ON dm.id = l."dimensionId")
      ON al."annotationId" = a.id`,
  };
}
