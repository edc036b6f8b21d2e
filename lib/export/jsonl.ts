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
import { escapeLineBreaks, jsonStringOrNull } from "./json-line";
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
      (entry) => `${writeLine(entry.document, entry.annotations, { codebook: input.codebook })}\n`,
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

  return `${writeLine(document, entry?.annotations ?? [], options)}\n`;
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

// The line is written as JSON text directly rather than through JSON.stringify of nested
// objects: exports are millions of spans, and per-span objects and a generic walk cost
// most of the time (bench/export). Key order and values are exactly what JSON.stringify
// gave for the objects this replaced; lib/export/testing/__golden__ pins the bytes.
function writeLine(
  document: ExportDocument,
  annotations: ExportAnnotation[],
  options: JsonlOptions,
): string {
  let spans = "";
  let notes = "";

  for (const annotation of annotations) {
    const offsets = `{"start":${annotation.start},"end":${annotation.end},`;
    const fields = writeAnnotationFields(annotation);

    if (annotation.dimension === null) {
      notes += `${notes === "" ? "" : ","}${offsets}${fields}}`;
      continue;
    }

    const dimension = JSON.stringify(annotation.dimension);
    for (const label of annotation.labels) {
      spans += `${spans === "" ? "" : ","}${offsets}"label":${JSON.stringify(label)},"dimension":${dimension},${fields}}`;
    }
  }

  return escapeLineBreaks(
    `{"text":${JSON.stringify(document.text)},"spans":[${spans}],"notes":[${notes}],"meta":${writeMeta(document, options)}}`,
  );
}

// Everything a span and a note say about their annotation after the offsets (and, for a
// span, its label and dimension), as JSON members without braces. The one place where
// an annotation's fields enter a line: a new field goes here, and into noteSchema.
function writeAnnotationFields(annotation: ExportAnnotation): string {
  const confidence = annotation.confidence === null ? "null" : String(annotation.confidence);

  return `"text":${JSON.stringify(annotation.exact)},"annotation_id":${JSON.stringify(annotation.id)},"annotator":${JSON.stringify(annotation.annotator)},"origin":${JSON.stringify(annotation.origin)},"review_state":${JSON.stringify(annotation.reviewState)},"comment":${JSON.stringify(annotation.comment)},"confidence":${confidence},"prefix":${JSON.stringify(annotation.prefix)},"suffix":${JSON.stringify(annotation.suffix)},"created_at":"${annotation.createdAt.toISOString()}","updated_at":"${annotation.updatedAt.toISOString()}"${writeValues(annotation)}`;
}

// Typed field values (target, holder, text, link) of the highlight, when it has any.
function writeValues(annotation: ExportAnnotation): string {
  if (!annotation.values?.length) {
    return "";
  }
  const values = annotation.values.map(
    (value) =>
      `{"dimension":${JSON.stringify(value.dimension)},"text":${jsonStringOrNull(value.text)},"target":${jsonStringOrNull(value.target)},"holder":${jsonStringOrNull(value.holder)},"linked_annotation_id":${jsonStringOrNull(value.linkedAnnotationId)}}`,
  );
  return `,"values":[${values.join(",")}]`;
}

// Answers about the whole document (genre, overall verdict), when there are any.
function writeDocumentAnswers(document: ExportDocument): string {
  if (!document.answers?.length) {
    return "";
  }
  const answers = document.answers.map(
    (answer) =>
      `{"annotator":${JSON.stringify(answer.annotator)},"dimension":${JSON.stringify(answer.dimension)},"labels":${JSON.stringify(answer.labels)},"text":${jsonStringOrNull(answer.text)}}`,
  );
  return `,"document_answers":[${answers.join(",")}]`;
}

function writeMeta(document: ExportDocument, options: JsonlOptions): string {
  const publishedAt =
    document.publishedAt === null ? "null" : `"${document.publishedAt.toISOString()}"`;
  const codebook = options.codebook
    ? `,"codebook":{"key":${JSON.stringify(options.codebook.key)},"version":${options.codebook.version}}`
    : "";

  return `{"id":${JSON.stringify(document.id)},"title":${JSON.stringify(document.title)},"version":${document.version},"text_hash":${JSON.stringify(document.textHash)},"source_url":${jsonStringOrNull(document.sourceUrl)},"outlet":${jsonStringOrNull(document.outlet)},"author":${jsonStringOrNull(document.author)},"published_at":${publishedAt},"kind":${JSON.stringify(document.kind)},"offset_unit":"code_point"${writeDocumentAnswers(document)}${codebook}}`;
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
