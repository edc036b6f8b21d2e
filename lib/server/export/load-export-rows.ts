import "server-only";

import type {
  ExportAnnotation,
  ExportDocument,
  ExportDocumentAnswer,
  ExportFieldValue,
  ReviewState,
} from "@/lib/export/types";

import type { ExportReader } from "./export-reader";
import {
  anchoredCondition,
  buildExportConditions,
  epochMs,
  reviewStateExpression,
  SqlParams,
} from "./export-sql";
import { pseudonymizeAnnotator } from "./pseudonymize-annotator";
import type { ExportPlan } from "./resolve-export";

export type ExportDocumentRows = { document: ExportDocument; annotations: ExportAnnotation[] };

// How an author appears in the export.
export type AnnotatorNames = (authorId: string) => string;

// Rows and documents come through server-side cursors in pages of these sizes, so memory
// stays flat whatever the export's size: one page of label rows (and the next, requested
// early), one page of documents (with their text) and the rows of the document being
// assembled. Each document's text is read once and dropped with its page.
const rowPageSize = 5_000;
const documentPageSize = 50;

type DocumentRow = {
  id: string;
  title: string;
  text: string;
  version: number;
  text_hash: string;
  source_url: string | null;
  outlet: string | null;
  author: string | null;
  published_ms: number | null;
  kind: string;
};

// The label rows come as arrays (ExportReader.queryArrays), one per (annotation, label),
// exported or not; a note is one row without a label. Column positions, in SELECT order:
const col = {
  id: 0,
  documentId: 1,
  authorId: 2,
  externalAnnotator: 3,
  start: 4,
  end: 5,
  exact: 6,
  prefix: 7,
  suffix: 8,
  comment: 9,
  confidence: 10,
  origin: 11,
  reviewState: 12,
  createdMs: 13,
  updatedMs: 14,
  dimension: 15,
  label: 16,
  // Null for a note, false for a label outside the export.
  exported: 17,
} as const;

type ValueRow = {
  annotation_id: string;
  dimension: string;
  text: string | null;
  target: string | null;
  holder: string | null;
  linked_annotation_id: string | null;
};

type AnswerRow = {
  document_id: string;
  author_id: string;
  dimension: string;
  text: string | null;
  labels: string[] | null;
};

// Pseudonyms by default (computed once per author); real names when the owner asked, in
// which case two people with the same name keep their pseudonym beside it.
export async function loadAnnotatorNames(
  reader: ExportReader,
  plan: ExportPlan,
): Promise<AnnotatorNames> {
  const pseudonyms = new Map<string, string>();
  const pseudonymOf = (authorId: string) => {
    let pseudonym = pseudonyms.get(authorId);
    if (pseudonym === undefined) {
      pseudonym = pseudonymizeAnnotator(plan.workspace.pseudonymSalt, authorId);
      pseudonyms.set(authorId, pseudonym);
    }
    return pseudonym;
  };

  if (!plan.realNames) {
    return pseudonymOf;
  }

  const users = await reader.query<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM "User" u
     WHERE u.id IN (SELECT m."userId" FROM "Membership" m WHERE m."workspaceId" = $1)
        OR u.id IN (SELECT a."authorId" FROM "Annotation" a JOIN "Document" d ON d.id = a."documentId" WHERE d."workspaceId" = $1)`,
    [plan.workspace.id],
  );
  const nameCounts = new Map<string, number>();
  for (const user of users) {
    nameCounts.set(user.name, (nameCounts.get(user.name) ?? 0) + 1);
  }
  const names = new Map(
    users.map((user) => [
      user.id,
      (nameCounts.get(user.name) ?? 0) > 1 ? `${user.name} (${pseudonymOf(user.id)})` : user.name,
    ]),
  );

  return (authorId) => names.get(authorId) ?? pseudonymOf(authorId);
}

// Streams the export one document at a time, with all its rows, in document id order.
// In the reader's REPEATABLE READ transaction, a server-side cursor walks the matching
// documents in pages; the label rows of each page of documents (ordered by document,
// annotation, dimension, label position) come through a second cursor, opened for that
// page only, and the page's typed field values and whole-document answers through one
// query each. Sorting a page's few thousand rows happens in memory, where one query over
// the whole export sorted every row at once and spilled hundreds of MB to disk (see
// bench/export). The next page of rows is requested before the current one is converted,
// so Postgres and Node work at the same time. Yields nothing when nothing matches.
export async function* loadExportRows({
  reader,
  plan,
  annotatorNames,
}: {
  reader: ExportReader;
  plan: ExportPlan;
  annotatorNames: AnnotatorNames;
}): AsyncGenerator<ExportDocumentRows, void, undefined> {
  const documentParams = new SqlParams();
  const documentWhere = buildExportConditions(plan, documentParams);
  const documentSql = `SELECT d.id, d.title, d.text, d.version, d."textHash" AS text_hash,
      d."sourceUrl" AS source_url, d.outlet, d.author,
      ${epochMs('d."publishedAt"')} AS published_ms, d.kind::text AS kind
    FROM "Document" d
    WHERE ${documentWhere.documents}
      AND EXISTS (SELECT 1 FROM "Annotation" a WHERE a."documentId" = d.id
        AND ${documentWhere.annotations} AND ${anchoredCondition} AND ${documentWhere.hasExportedContent})
    ORDER BY d.id`;

  // The whole result is read, so plan for total time rather than the first rows.
  await reader.query("SET LOCAL cursor_tuple_fraction = 1.0", []);
  await reader.query(
    `DECLARE export_documents NO SCROLL CURSOR FOR ${documentSql}`,
    documentParams.values,
  );

  const fetchDocuments = () =>
    ignoreUnawaited(
      reader.query<DocumentRow>(`FETCH FORWARD ${documentPageSize} FROM export_documents`, []),
    );
  const fetchRows = () =>
    ignoreUnawaited(reader.queryArrays(`FETCH FORWARD ${rowPageSize} FROM export_rows`, []));

  const { includeComments } = plan.filters;
  const { includeNotes } = plan;
  // Values and answers of every dimension of the codebook, as the adapters expect them.
  const dimensionKeys = plan.codebook.dimensions.map((dimension) => dimension.key);
  let nextDocuments: Promise<DocumentRow[]> | null = fetchDocuments();

  while (nextDocuments) {
    const documents: DocumentRow[] = await nextDocuments;
    nextDocuments = documents.length === documentPageSize ? fetchDocuments() : null;
    if (documents.length === 0) {
      break;
    }

    const byId = new Map(documents.map((document) => [document.id, document]));
    const documentIds = [...byId.keys()];
    // Sent now, read after the rows: the connection runs them one after another.
    const extras = ignoreUnawaited(loadPageExtras(reader, documentIds, dimensionKeys));
    await openRowCursor(reader, plan, documentIds);
    let pending: Promise<unknown[][]> | null = fetchRows();
    const { valuesByAnnotation, answersByDocument } = await extras;

    let current = null as ExportDocumentRows | null;
    let last = null as ExportAnnotation | null;

    while (pending) {
      const rows: unknown[][] = await pending;
      pending = rows.length === rowPageSize ? fetchRows() : null;

      for (const row of rows) {
        const exported = row[col.exported] as boolean | null;
        if (exported === false || (exported === null && !includeNotes)) {
          continue;
        }

        const id = row[col.id] as string;
        const documentId = row[col.documentId] as string;
        const dimension = row[col.dimension] as string | null;
        if (current?.document.id !== documentId) {
          if (current) {
            yield current;
          }
          const document = byId.get(documentId);
          if (!document) {
            throw new Error(
              `Export rows refer to document ${documentId}, which is not in this page of documents.`,
            );
          }
          current = {
            document: toExportDocument(document, answersByDocument.get(documentId), annotatorNames),
            annotations: [],
          };
          last = null;
        }

        if (last !== null && last.id === id && last.dimension === dimension) {
          last.labels.push(row[col.label] as string);
          continue;
        }

        last = toExportAnnotation(row, current.document.version, annotatorNames, includeComments);
        const values = valuesByAnnotation.get(id);
        if (values) {
          last.values = values;
        }
        current.annotations.push(last);
      }
    }

    await reader.query("CLOSE export_rows", []);
    if (current) {
      yield current;
    }
  }
}

// A page request may be made before the previous one is read; the caller awaits it, so
// this only keeps an abandoned export from an unhandled rejection.
function ignoreUnawaited<Result>(promise: Promise<Result>): Promise<Result> {
  promise.catch(() => undefined);
  return promise;
}

// The typed field values (on highlights) and whole-document answers of one page of
// documents, for the codebook's dimensions: two queries per page, where one query per
// document each made the export a few thousand round trips longer (bench/export).
// Values of highlights outside the export are read too and never looked up.
async function loadPageExtras(
  reader: ExportReader,
  documentIds: string[],
  dimensionKeys: string[],
): Promise<{
  valuesByAnnotation: Map<string, ExportFieldValue[]>;
  answersByDocument: Map<string, AnswerRow[]>;
}> {
  const values = await reader.query<ValueRow>(
    `SELECT v."annotationId" AS annotation_id, v."dimensionKey" AS dimension, v.text,
        v.target, v.holder, v."linkedAnnotationId" AS linked_annotation_id
      FROM "AnnotationValue" v
      JOIN "Annotation" a ON a.id = v."annotationId"
      WHERE a."documentId" = ANY($1::text[]) AND v."dimensionKey" = ANY($2::text[])
      ORDER BY v."annotationId", v."dimensionKey"`,
    [documentIds, dimensionKeys],
  );
  const answers = await reader.query<AnswerRow>(
    `SELECT a."documentId" AS document_id, a."authorId" AS author_id,
        a."dimensionKey" AS dimension, a.text,
        array_agg(l.key ORDER BY l.position) FILTER (WHERE l.id IS NOT NULL) AS labels
      FROM "DocumentAnswer" a
      LEFT JOIN "DocumentAnswerLabel" al ON al."answerId" = a.id
      LEFT JOIN "Label" l ON l.id = al."labelId"
      WHERE a."documentId" = ANY($1::text[]) AND a."dimensionKey" = ANY($2::text[])
      GROUP BY a.id
      ORDER BY a."documentId", a."dimensionKey", a."createdAt", a.id`,
    [documentIds, dimensionKeys],
  );

  const valuesByAnnotation = new Map<string, ExportFieldValue[]>();
  for (const value of values) {
    let list = valuesByAnnotation.get(value.annotation_id);
    if (!list) {
      list = [];
      valuesByAnnotation.set(value.annotation_id, list);
    }
    list.push({
      dimension: value.dimension,
      text: value.text,
      target: value.target,
      holder: value.holder,
      // A link to a highlight outside the export is kept: ids are stable across exports.
      linkedAnnotationId: value.linked_annotation_id,
    });
  }

  const answersByDocument = new Map<string, AnswerRow[]>();
  for (const answer of answers) {
    let list = answersByDocument.get(answer.document_id);
    if (!list) {
      list = [];
      answersByDocument.set(answer.document_id, list);
    }
    list.push(answer);
  }

  return { valuesByAnnotation, answersByDocument };
}

// The label rows of some documents: every label of each matching annotation comes back,
// flagged, so an annotation whose labels are all outside the export is skipped by the
// caller and one with no label at all is a note. The columns are those of `col`.
async function openRowCursor(reader: ExportReader, plan: ExportPlan, documentIds: string[]) {
  const params = new SqlParams();
  const where = buildExportConditions(plan, params);
  const ids = params.add(documentIds);
  const sql = `SELECT a.id, a."documentId", a."authorId", a."externalAnnotator",
      a.start, a."end", a.exact, a.prefix, a.suffix, a.comment, a.confidence,
      a.origin::text, ${reviewStateExpression},
      ${epochMs('a."createdAt"')}, ${epochMs('a."updatedAt"')}, dm.key, l.key,
      (${where.exportedDimension})
    FROM "Annotation" a
    JOIN "Document" d ON d.id = a."documentId"
    ${where.allLabelsJoin}
    WHERE d.id = ANY(${ids}::text[]) AND a."documentId" = ANY(${ids}::text[])
      AND ${where.documents} AND ${where.annotations} AND ${anchoredCondition}
    ORDER BY a."documentId", a.id, dm.position, l.position`;

  await reader.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params.values);
}

function toExportDocument(
  row: DocumentRow,
  answers: AnswerRow[] | undefined,
  annotatorNames: AnnotatorNames,
): ExportDocument {
  const document: ExportDocument = {
    id: row.id,
    title: row.title,
    text: row.text,
    version: row.version,
    textHash: row.text_hash,
    sourceUrl: row.source_url,
    outlet: row.outlet,
    author: row.author,
    publishedAt: row.published_ms === null ? null : new Date(row.published_ms),
    kind: row.kind,
  };
  if (answers) {
    document.answers = answers.map((answer): ExportDocumentAnswer => ({
      annotator: annotatorNames(answer.author_id),
      dimension: answer.dimension,
      labels: answer.labels ?? [],
      text: answer.text,
    }));
  }

  return document;
}

function toExportAnnotation(
  row: unknown[],
  documentVersion: number,
  annotatorNames: AnnotatorNames,
  includeComments: boolean,
): ExportAnnotation {
  const label = row[col.label] as string | null;

  return {
    id: row[col.id] as string,
    documentId: row[col.documentId] as string,
    documentVersion,
    // An imported highlight keeps the annotator its file named (the importing person is
    // only its author here), so export -> import -> export repeats the same annotators.
    annotator:
      (row[col.externalAnnotator] as string | null) ?? annotatorNames(row[col.authorId] as string),
    start: row[col.start] as number,
    end: row[col.end] as number,
    exact: row[col.exact] as string,
    prefix: row[col.prefix] as string,
    suffix: row[col.suffix] as string,
    dimension: row[col.dimension] as string | null,
    labels: label === null ? [] : [label],
    comment: includeComments ? (row[col.comment] as string) : "",
    confidence: row[col.confidence] as number | null,
    origin: row[col.origin] === "SUGGESTION" ? "suggestion" : "person",
    reviewState: row[col.reviewState] as ReviewState,
    createdAt: new Date(row[col.createdMs] as number),
    updatedAt: new Date(row[col.updatedMs] as number),
  };
}
