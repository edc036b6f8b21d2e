import "server-only";

import type { ExportAnnotation, ExportDocument, ReviewState } from "@/lib/export/types";

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

// One row per (annotation, label), exported or not; a note is one row without a label.
type LabelRow = {
  id: string;
  document_id: string;
  author_id: string;
  external_annotator: string | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  comment: string;
  confidence: number | null;
  origin: string;
  review_state: ReviewState;
  created_ms: number;
  updated_ms: number;
  dimension: string | null;
  label: string | null;
  // Null for a note, false for a label outside the export.
  exported: boolean | null;
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
// page only. Sorting a page's few thousand rows happens in memory, where one query over
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

  const fetchPage = <Row extends object>(cursor: string, size: number) => {
    const page = reader.query<Row>(`FETCH FORWARD ${size} FROM ${cursor}`, []);
    // Awaited below; this only keeps an abandoned export from an unhandled rejection.
    page.catch(() => undefined);
    return page;
  };

  const { includeComments } = plan.filters;
  const { includeNotes } = plan;
  let nextDocuments: Promise<DocumentRow[]> | null = fetchPage<DocumentRow>(
    "export_documents",
    documentPageSize,
  );

  while (nextDocuments) {
    const documents: DocumentRow[] = await nextDocuments;
    nextDocuments =
      documents.length === documentPageSize
        ? fetchPage<DocumentRow>("export_documents", documentPageSize)
        : null;
    if (documents.length === 0) {
      break;
    }

    const byId = new Map(documents.map((document) => [document.id, document]));
    await openRowCursor(reader, plan, [...byId.keys()]);
    let current = null as ExportDocumentRows | null;
    let last = null as ExportAnnotation | null;
    let pending: Promise<LabelRow[]> | null = fetchPage<LabelRow>("export_rows", rowPageSize);

    while (pending) {
      const rows: LabelRow[] = await pending;
      pending =
        rows.length === rowPageSize ? fetchPage<LabelRow>("export_rows", rowPageSize) : null;

      for (const row of rows) {
        if (row.exported === false || (row.exported === null && !includeNotes)) {
          continue;
        }

        if (current?.document.id !== row.document_id) {
          if (current) {
            yield current;
          }
          const document = byId.get(row.document_id);
          if (!document) {
            throw new Error(
              `Export rows refer to document ${row.document_id}, which is not in this page of documents.`,
            );
          }
          current = { document: toExportDocument(document), annotations: [] };
          last = null;
        }

        if (last !== null && last.id === row.id && last.dimension === row.dimension) {
          last.labels.push(row.label as string);
          continue;
        }

        last = toExportAnnotation(row, current.document.version, annotatorNames, includeComments);
        current.annotations.push(last);
      }
    }

    await reader.query("CLOSE export_rows", []);
    if (current) {
      yield current;
    }
  }
}

// The label rows of some documents: every label of each matching annotation comes back,
// flagged, so an annotation whose labels are all outside the export is skipped by the
// caller and one with no label at all is a note.
async function openRowCursor(reader: ExportReader, plan: ExportPlan, documentIds: string[]) {
  const params = new SqlParams();
  const where = buildExportConditions(plan, params);
  const ids = params.add(documentIds);
  const sql = `SELECT a.id, a."documentId" AS document_id, a."authorId" AS author_id,
      a."externalAnnotator" AS external_annotator,
      a.start, a."end", a.exact, a.prefix, a.suffix, a.comment, a.confidence,
      a.origin::text AS origin, ${reviewStateExpression} AS review_state,
      ${epochMs('a."createdAt"')} AS created_ms,
      ${epochMs('a."updatedAt"')} AS updated_ms, dm.key AS dimension, l.key AS label,
      (${where.exportedDimension}) AS exported
    FROM "Annotation" a
    JOIN "Document" d ON d.id = a."documentId"
    ${where.allLabelsJoin}
    WHERE d.id = ANY(${ids}::text[]) AND a."documentId" = ANY(${ids}::text[])
      AND ${where.documents} AND ${where.annotations} AND ${anchoredCondition}
    ORDER BY a."documentId", a.id, dm.position, l.position`;

  await reader.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params.values);
}

function toExportDocument(row: DocumentRow): ExportDocument {
  return {
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
}

function toExportAnnotation(
  row: LabelRow,
  documentVersion: number,
  annotatorNames: AnnotatorNames,
  includeComments: boolean,
): ExportAnnotation {
  return {
    id: row.id,
    documentId: row.document_id,
    documentVersion,
    // An imported highlight keeps the annotator its file named (the importing person is
    // only its author here), so export -> import -> export repeats the same annotators.
    annotator: row.external_annotator ?? annotatorNames(row.author_id),
    start: row.start,
    end: row.end,
    exact: row.exact,
    prefix: row.prefix,
    suffix: row.suffix,
    dimension: row.dimension,
    labels: row.label === null ? [] : [row.label],
    comment: includeComments ? row.comment : "",
    confidence: row.confidence,
    origin: row.origin === "SUGGESTION" ? "suggestion" : "person",
    reviewState: row.review_state,
    createdAt: new Date(row.created_ms),
    updatedAt: new Date(row.updated_ms),
  };
}
