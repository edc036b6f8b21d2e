// Reads annotations from JSON Lines in the shape lib/export/jsonl.ts writes (spaCy /
// Prodigy style): one document per line, `text`, `meta`, `spans` (one per label, with
// `dimension`) and label-less `notes`. Only what an import needs is required: a span's
// start, end, label and dimension. Everything else our export writes (annotation_id,
// annotator, origin, review_state, comment, confidence, prefix, suffix, created_at) is
// read when present. Rows sharing an annotation_id on a line are one highlight; rows
// without one are grouped by (start, end, annotator).
//
// A line that is not valid JSON (a truncated file ends in one) or does not fit the schema
// is reported with its number and skipped; the other lines are still read.
import { z } from "zod";

import { ExportError } from "@/lib/export/export-error";
import {
  dateTimeSchema,
  offsetSchema,
  originSchema,
  parseWith,
  reviewStateSchema,
} from "@/lib/export/parse-with";
import { sliceByCodePoints } from "@/lib/anchoring/text-position";

import type { FileAnnotation, FileProblem, ParsedAnnotationFile } from "./types";

const noteSchema = z.object({
  start: offsetSchema,
  end: offsetSchema,
  text: z.string().optional(),
  annotation_id: z.string().min(1).optional(),
  annotator: z.string().min(1).nullable().optional(),
  origin: originSchema.optional(),
  review_state: reviewStateSchema.optional(),
  comment: z.string().optional(),
  confidence: z.number().nullable().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  created_at: dateTimeSchema.optional(),
});

const spanSchema = noteSchema.extend({
  label: z.string({ error: "label is required" }).min(1),
  dimension: z.string({ error: "dimension (the codebook dimension's key) is required" }).min(1),
});

const lineSchema = z.object({
  text: z.string({ error: "text (the document's text) is required" }),
  spans: z.array(spanSchema).default([]),
  notes: z.array(noteSchema).default([]),
  meta: z
    .object({
      id: z.string().min(1).optional(),
      title: z.string().optional(),
      text_hash: z.string().optional(),
      offset_unit: z
        .literal("code_point", {
          message: 'offset_unit must be "code_point"; other units are not supported',
        })
        .optional(),
      codebook: z.object({ key: z.string().min(1), version: z.number().int().min(1) }).optional(),
    })
    .default({}),
});

type LineJson = z.output<typeof lineSchema>;
type NoteJson = z.output<typeof noteSchema>;

export function parseAnnotationJsonl(source: string): ParsedAnnotationFile {
  const annotations: FileAnnotation[] = [];
  const problems: FileProblem[] = [];
  const lines = source.split("\n");

  lines.forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") {
      return;
    }

    const number = index + 1;
    const where = `Line ${number}`;
    try {
      annotations.push(...readLine(line, number, index === lines.length - 1));
    } catch (error) {
      if (!(error instanceof ExportError)) {
        throw error;
      }
      problems.push({ line: number, where, message: error.message });
    }
  });

  return { format: "jsonl", annotations, problems };
}

function readLine(line: string, number: number, isLast: boolean): FileAnnotation[] {
  const where = `Line ${number}`;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    const hint = isLast ? " The file may be truncated." : "";
    throw new ExportError(`${where}: not valid JSON${detail}.${hint}`);
  }

  const value = parseWith(lineSchema, json, where);
  const groups = new Map<string, FileAnnotation>();
  const entries = [
    ...value.spans.map((item, index) => ({
      item,
      where: `${where}, spans.${index}`,
      label: { dimension: item.dimension, label: item.label },
    })),
    ...value.notes.map((item, index) => ({ item, where: `${where}, notes.${index}`, label: null })),
  ];

  for (const entry of entries) {
    const row = toFileAnnotation(entry.item, value, number, entry.where);
    const key = row.externalId ?? JSON.stringify([row.start, row.end, row.annotator]);
    const existing = groups.get(key);

    if (!existing) {
      groups.set(key, { ...row, labels: entry.label ? [entry.label] : [] });
      continue;
    }

    if (existing.start !== row.start || existing.end !== row.end || existing.exact !== row.exact) {
      throw new ExportError(
        `${entry.where}: annotation "${key}" has rows with different offsets; each annotation_id must describe one highlight.`,
      );
    }
    if (entry.label) {
      existing.labels.push(entry.label);
    }
  }

  return [...groups.values()];
}

function toFileAnnotation(
  item: NoteJson,
  line: LineJson,
  number: number,
  where: string,
): FileAnnotation {
  if (item.end <= item.start) {
    throw new ExportError(`${where}: end must be after start.`);
  }

  return {
    line: number,
    where,
    externalId: item.annotation_id ?? null,
    document: {
      id: line.meta.id ?? null,
      title: line.meta.title ?? null,
      text: line.text,
      textHash: line.meta.text_hash ?? null,
    },
    codebook: line.meta.codebook ?? null,
    annotator: item.annotator ?? null,
    start: item.start,
    end: item.end,
    exact: item.text ?? sliceByCodePoints(line.text, item.start, item.end),
    prefix: item.prefix ?? "",
    suffix: item.suffix ?? "",
    labels: [],
    comment: item.comment ?? "",
    confidence: item.confidence ?? null,
    origin: item.origin ?? "person",
    reviewState: item.review_state ?? "pending",
    createdAt: item.created_at ?? null,
  };
}
