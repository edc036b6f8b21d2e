// spaCy / Prodigy style JSONL: one document per line,
//   {"text": …, "spans": [{"start", "end", "label", "text", …}], "notes": […], "meta": {…}}
// Offsets are code points, end exclusive, so in Python `line["text"][s["start"]:s["end"]]
// == s["text"]` for every span, emoji included, and `doc.char_span(s["start"], s["end"],
// s["label"])` works. Prodigy spans carry one label: a row with several labels becomes
// several spans sharing `annotation_id`. Label-less notes go in `notes`, not `spans`, so
// span consumers never see a span without a label. Extra keys are ignored by Prodigy.
// Typed field values (target, holder, text, link) ride on each span and note of their
// highlight as `values`; answers about the whole document are `meta.document_answers`.
import { z } from "zod";

import { ExportError } from "./export-error";
import { toJsonLine } from "./json-line";
import {
  dateTimeSchema,
  offsetSchema,
  originSchema,
  parseWith,
  reviewStateSchema,
} from "./parse-with";
import { compareAnnotations, prepareExport } from "./prepare-export";
import type {
  ExportAnnotation,
  ExportCodebook,
  ExportDocument,
  ExportInput,
  ParsedExport,
} from "./types";

export type JsonlOptions = {
  // Recorded in each line's meta for provenance.
  codebook?: Pick<ExportCodebook, "key" | "version"> | null;
};

// The whole export; "" when there are no documents (a valid, empty JSONL file).
export function serializeJsonl(input: ExportInput): string {
  return prepareExport(input)
    .map(
      (entry) =>
        `${toJsonLine(buildLine(entry.document, entry.annotations, { codebook: input.codebook }))}\n`,
    )
    .join("");
}

// One document and its annotations as one line ending in "\n", for streaming responses.
export function serializeJsonlLine(
  document: ExportDocument,
  annotations: ExportAnnotation[],
  options: JsonlOptions = {},
): string {
  const [entry] = prepareExport({
    documents: [document],
    annotations,
    codebook: null,
  });

  return `${toJsonLine(buildLine(document, entry?.annotations ?? [], options))}\n`;
}

export function parseJsonl(content: string): ParsedExport {
  const documents: ExportDocument[] = [];
  const annotations: ExportAnnotation[] = [];

  content.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") {
      return;
    }

    const parsed = parseJsonlLine(line, `Line ${index + 1}`);
    documents.push(parsed.document);
    annotations.push(...parsed.annotations);
  });

  // Parsed rows are checked like input: a file whose offsets miss their quotes is refused.
  const prepared = prepareExport({ documents, annotations });

  return { documents, annotations: prepared.flatMap((entry) => entry.annotations) };
}

export function parseJsonlLine(
  line: string,
  where = "Line",
): { document: ExportDocument; annotations: ExportAnnotation[] } {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new ExportError(`${where}: not valid JSON.`);
  }

  const value = parseWith(lineSchema, json, where);
  const { meta } = value;
  const document: ExportDocument = {
    id: meta.id,
    title: meta.title,
    text: value.text,
    version: meta.version,
    textHash: meta.text_hash,
    sourceUrl: meta.source_url,
    outlet: meta.outlet,
    author: meta.author,
    publishedAt: meta.published_at,
    kind: meta.kind,
  };

  const rows = new Map<string, ExportAnnotation>();
  const entries: { dimension: string | null; label: string | null; item: NoteJson }[] = [
    ...value.notes.map((item) => ({ dimension: null, label: null, item })),
    ...value.spans.map((item) => ({ dimension: item.dimension, label: item.label, item })),
  ];

  for (const { dimension, label, item } of entries) {
    const row = toAnnotation(item, document, dimension);
    const key = JSON.stringify([row.id, dimension]);
    const existing = rows.get(key);

    if (!existing) {
      rows.set(key, { ...row, labels: label === null ? [] : [label] });
      continue;
    }

    if (label === null || !sameRow(existing, row)) {
      throw new ExportError(
        `${where}: the entries for annotation "${row.id}" disagree; each (annotation, dimension) must describe one highlight.`,
        { annotationId: row.id },
      );
    }
    existing.labels.push(label);
  }

  return { document, annotations: [...rows.values()].sort(compareAnnotations) };
}

function buildLine(
  document: ExportDocument,
  annotations: ExportAnnotation[],
  options: JsonlOptions,
): LineJson {
  const spans: SpanJson[] = [];
  const notes: NoteJson[] = [];

  for (const annotation of annotations) {
    const note = toNote(annotation);
    if (annotation.dimension === null) {
      notes.push(note);
      continue;
    }

    for (const label of annotation.labels) {
      spans.push({
        start: note.start,
        end: note.end,
        label,
        dimension: annotation.dimension,
        ...omitOffsets(note),
      });
    }
  }

  return {
    text: document.text,
    spans,
    notes,
    meta: {
      id: document.id,
      title: document.title,
      version: document.version,
      text_hash: document.textHash,
      source_url: document.sourceUrl,
      outlet: document.outlet,
      author: document.author,
      published_at: document.publishedAt,
      kind: document.kind,
      offset_unit: "code_point",
      ...(document.answers?.length
        ? {
            document_answers: document.answers.map((answer) => ({
              annotator: answer.annotator,
              dimension: answer.dimension,
              labels: answer.labels,
              text: answer.text,
            })),
          }
        : {}),
      ...(options.codebook
        ? { codebook: { key: options.codebook.key, version: options.codebook.version } }
        : {}),
    },
  };
}

function toNote(annotation: ExportAnnotation): NoteJson {
  return {
    start: annotation.start,
    end: annotation.end,
    text: annotation.exact,
    annotation_id: annotation.id,
    annotator: annotation.annotator,
    origin: annotation.origin,
    review_state: annotation.reviewState,
    comment: annotation.comment,
    confidence: annotation.confidence,
    prefix: annotation.prefix,
    suffix: annotation.suffix,
    created_at: annotation.createdAt,
    updated_at: annotation.updatedAt,
    ...(annotation.values?.length
      ? {
          values: annotation.values.map((value) => ({
            dimension: value.dimension,
            text: value.text,
            target: value.target,
            holder: value.holder,
            linked_annotation_id: value.linkedAnnotationId,
          })),
        }
      : {}),
  };
}

function omitOffsets(note: NoteJson): Omit<NoteJson, "start" | "end"> {
  const { start: _start, end: _end, ...rest } = note;
  return rest;
}

function toAnnotation(
  item: NoteJson,
  document: ExportDocument,
  dimension: string | null,
): ExportAnnotation {
  return {
    id: item.annotation_id,
    documentId: document.id,
    documentVersion: document.version,
    annotator: item.annotator,
    start: item.start,
    end: item.end,
    exact: item.text,
    prefix: item.prefix,
    suffix: item.suffix,
    dimension,
    labels: [],
    comment: item.comment,
    confidence: item.confidence,
    origin: item.origin,
    reviewState: item.review_state,
    createdAt: item.created_at,
    updatedAt: item.updated_at,
    ...(item.values?.length
      ? {
          values: item.values.map((value) => ({
            dimension: value.dimension,
            text: value.text,
            target: value.target,
            holder: value.holder,
            linkedAnnotationId: value.linked_annotation_id,
          })),
        }
      : {}),
  };
}

function sameRow(a: ExportAnnotation, b: ExportAnnotation): boolean {
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.exact === b.exact &&
    a.prefix === b.prefix &&
    a.suffix === b.suffix &&
    a.annotator === b.annotator &&
    a.comment === b.comment &&
    a.confidence === b.confidence &&
    a.origin === b.origin &&
    a.reviewState === b.reviewState &&
    a.createdAt.getTime() === b.createdAt.getTime() &&
    a.updatedAt.getTime() === b.updatedAt.getTime()
  );
}

// Dates are Date objects when building (JSON.stringify writes ISO strings) and parsed back
// from those strings, so one schema shape serves both directions.
const noteSchema = z.object({
  start: offsetSchema,
  end: offsetSchema,
  text: z.string(),
  annotation_id: z.string().min(1),
  annotator: z.string().min(1),
  origin: originSchema,
  review_state: reviewStateSchema,
  comment: z.string(),
  confidence: z.number().nullable(),
  prefix: z.string(),
  suffix: z.string(),
  created_at: dateTimeSchema,
  updated_at: dateTimeSchema,
  values: z
    .array(
      z.object({
        dimension: z.string().min(1),
        text: z.string().nullable(),
        target: z.string().nullable(),
        holder: z.string().nullable(),
        linked_annotation_id: z.string().nullable(),
      }),
    )
    .optional(),
});

const spanSchema = noteSchema.extend({
  label: z.string().min(1),
  dimension: z.string().min(1),
});

const lineSchema = z.object({
  text: z.string(),
  spans: z.array(spanSchema),
  notes: z.array(noteSchema).default([]),
  meta: z.object({
    id: z.string().min(1),
    title: z.string(),
    version: z.number().int().min(1),
    text_hash: z.string(),
    source_url: z.string().nullable().default(null),
    outlet: z.string().nullable().default(null),
    author: z.string().nullable().default(null),
    published_at: dateTimeSchema.nullable().default(null),
    kind: z.string(),
    offset_unit: z.literal("code_point", {
      message: 'offset_unit must be "code_point"; other units are not supported',
    }),
  }),
});

type NoteJson = z.output<typeof noteSchema>;
type SpanJson = z.output<typeof spanSchema>;

type LineJson = {
  text: string;
  spans: SpanJson[];
  notes: NoteJson[];
  meta: Record<string, unknown>;
};
