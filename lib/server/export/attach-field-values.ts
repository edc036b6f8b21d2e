import "server-only";

import type { ExportDocumentAnswer, ExportFieldValue } from "@/lib/export/types";

import type { ExportReader } from "./export-reader";
import type { AnnotatorNames, ExportDocumentRows } from "./load-export-rows";
import type { ExportPlan } from "./resolve-export";

type AttachFieldValuesOptions = {
  reader: ExportReader;
  plan: ExportPlan;
  annotatorNames: AnnotatorNames;
  rows: AsyncGenerator<ExportDocumentRows, void, undefined>;
};

type ValueRow = {
  annotation_id: string;
  dimension: string;
  text: string | null;
  target: string | null;
  holder: string | null;
  linked_annotation_id: string | null;
};

type AnswerRow = {
  author_id: string;
  dimension: string;
  text: string | null;
  labels: string[] | null;
};

// Adds each document's typed field values (on its highlights) and whole-document answers
// to the rows loadExportRows streams, for the exported dimensions only. Two queries per
// document in the reader's transaction, so they see the same snapshot as the rows. Kept
// apart from the row cursor so that query stays as it is.
export async function* attachFieldValues({
  reader,
  plan,
  annotatorNames,
  rows,
}: AttachFieldValuesOptions): AsyncGenerator<ExportDocumentRows, void, undefined> {
  const dimensionKeys = plan.codebook.dimensions.map((dimension) => dimension.key);

  for await (const entry of rows) {
    const annotationIds = [...new Set(entry.annotations.map((annotation) => annotation.id))];
    // One after the other: the reader is one connection.
    const values = await reader.query<ValueRow>(
      `SELECT v."annotationId" AS annotation_id, v."dimensionKey" AS dimension, v.text,
            v.target, v.holder, v."linkedAnnotationId" AS linked_annotation_id
          FROM "AnnotationValue" v
          WHERE v."annotationId" = ANY($1::text[]) AND v."dimensionKey" = ANY($2::text[])
          ORDER BY v."annotationId", v."dimensionKey"`,
      [annotationIds, dimensionKeys],
    );
    const answers = await reader.query<AnswerRow>(
      `SELECT a."authorId" AS author_id, a."dimensionKey" AS dimension, a.text,
            array_agg(l.key ORDER BY l.position) FILTER (WHERE l.id IS NOT NULL) AS labels
          FROM "DocumentAnswer" a
          LEFT JOIN "DocumentAnswerLabel" al ON al."answerId" = a.id
          LEFT JOIN "Label" l ON l.id = al."labelId"
          WHERE a."documentId" = $1 AND a."dimensionKey" = ANY($2::text[])
          GROUP BY a.id
          ORDER BY a."dimensionKey", a."createdAt", a.id`,
      [entry.document.id, dimensionKeys],
    );

    const byAnnotation = new Map<string, ExportFieldValue[]>();
    for (const value of values) {
      const list = byAnnotation.get(value.annotation_id) ?? [];
      list.push({
        dimension: value.dimension,
        text: value.text,
        target: value.target,
        holder: value.holder,
        // A link to a highlight outside the export is kept: ids are stable across exports.
        linkedAnnotationId: value.linked_annotation_id,
      });
      byAnnotation.set(value.annotation_id, list);
    }

    const documentAnswers: ExportDocumentAnswer[] = answers.map((answer) => ({
      annotator: annotatorNames(answer.author_id),
      dimension: answer.dimension,
      labels: answer.labels ?? [],
      text: answer.text,
    }));

    yield {
      document:
        documentAnswers.length > 0
          ? { ...entry.document, answers: documentAnswers }
          : entry.document,
      annotations: entry.annotations.map((annotation) => {
        const found = byAnnotation.get(annotation.id);
        return found ? { ...annotation, values: found } : annotation;
      }),
    };
  }
}
