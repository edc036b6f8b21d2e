// A Hugging Face datasets repository: `data/train-00000-of-00001.parquet` plus a
// `README.md` dataset card whose `dataset_info.features` block describes the columns, so
// `load_dataset("<repo>")` and the Hub viewer read it without a loading script.
//
// One row per document: its text and metadata, and `spans`, a list of structs with one
// entry per ExportAnnotation row (labels as a list of strings; notes have dimension null
// and no labels). This is the "span struct" layout; tokens and BIO tags are in the CoNLL
// export. Dates are ISO 8601 strings (UTC) rather than Parquet timestamps, so the card's
// dtypes hold in every datasets version. Offsets are code points: text[start:end] == text
// of the span in Python.
import { parquetReadObjects } from "hyparquet";
import { parquetWriteBuffer, type SchemaElement } from "hyparquet-writer";

import { ExportError } from "./export-error";
import { prepareExport } from "./prepare-export";
import {
  annotationOrigins,
  reviewStates,
  type AnnotationOrigin,
  type ExportAnnotation,
  type ExportCodebook,
  type ExportDocument,
  type ExportInput,
  type ParsedExport,
  type ReviewState,
} from "./types";

export const parquetDataPath = "data/train-00000-of-00001.parquet";
export const parquetMimeType = "application/vnd.apache.parquet";

type ScalarFeature = {
  name: string;
  dtype: "string" | "int32" | "float64";
  nullable: boolean;
  description: string;
};
type StringListFeature = { name: string; dtype: "sequence:string"; description: string };
type StructListFeature = { name: string; dtype: "list"; fields: Feature[]; description: string };
type Feature = ScalarFeature | StringListFeature | StructListFeature;

// The one description of the columns: the Parquet schema, the card's YAML and its column
// table are all generated from it.
export const parquetFeatures: Feature[] = [
  { name: "id", dtype: "string", nullable: false, description: "Document id." },
  { name: "title", dtype: "string", nullable: false, description: "Document title." },
  {
    name: "text",
    dtype: "string",
    nullable: false,
    description: "Normalised document text; every offset indexes into it.",
  },
  { name: "version", dtype: "int32", nullable: false, description: "Document version." },
  { name: "text_hash", dtype: "string", nullable: false, description: "SHA-256 of text, hex." },
  { name: "source_url", dtype: "string", nullable: true, description: "Where the text came from." },
  { name: "outlet", dtype: "string", nullable: true, description: "Publishing outlet." },
  { name: "author", dtype: "string", nullable: true, description: "Byline." },
  {
    name: "published_at",
    dtype: "string",
    nullable: true,
    description: "Publication date-time, ISO 8601.",
  },
  {
    name: "kind",
    dtype: "string",
    nullable: false,
    description: "ARTICLE, AI_ANALYSIS or SUBMISSION.",
  },
  {
    name: "spans",
    dtype: "list",
    description: "One entry per (annotation, dimension).",
    fields: [
      { name: "annotation_id", dtype: "string", nullable: false, description: "Annotation id." },
      { name: "annotator", dtype: "string", nullable: false, description: "Annotator pseudonym." },
      { name: "start", dtype: "int32", nullable: false, description: "First code point." },
      {
        name: "end",
        dtype: "int32",
        nullable: false,
        description: "One past the last code point.",
      },
      {
        name: "text",
        dtype: "string",
        nullable: false,
        description: "The quote, text[start:end].",
      },
      { name: "prefix", dtype: "string", nullable: false, description: "Text just before." },
      { name: "suffix", dtype: "string", nullable: false, description: "Text just after." },
      {
        name: "dimension",
        dtype: "string",
        nullable: true,
        description: "Dimension key; null for a note.",
      },
      { name: "labels", dtype: "sequence:string", description: "Label keys in the dimension." },
      { name: "comment", dtype: "string", nullable: false, description: "Annotator's comment." },
      {
        name: "confidence",
        dtype: "float64",
        nullable: true,
        description: "Annotator's confidence (1 unsure to 3 sure), or null.",
      },
      { name: "origin", dtype: "string", nullable: false, description: "person or suggestion." },
      {
        name: "review_state",
        dtype: "string",
        nullable: false,
        description: reviewStates.join(", ") + ".",
      },
      { name: "created_at", dtype: "string", nullable: false, description: "ISO 8601, UTC." },
      { name: "updated_at", dtype: "string", nullable: false, description: "ISO 8601, UTC." },
    ],
  },
];

export type ParquetRow = {
  id: string;
  title: string;
  text: string;
  version: number;
  text_hash: string;
  source_url: string | null;
  outlet: string | null;
  author: string | null;
  published_at: string | null;
  kind: string;
  spans: ParquetSpan[];
};

export type ParquetSpan = {
  annotation_id: string;
  annotator: string;
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
  dimension: string | null;
  labels: string[];
  comment: string;
  confidence: number | null;
  origin: string;
  review_state: string;
  created_at: string;
  updated_at: string;
};

export type DatasetCardOptions = {
  // Dataset title in the card.
  name?: string;
  // A Hub licence identifier, e.g. "cc-by-4.0". Omitted from the card when not given.
  license?: string;
  // Markdown paragraph describing the dataset.
  description?: string;
};

export type DatasetFile = { path: string; contents: Uint8Array | string; mimeType: string };

// The repository's files: the dataset card and the Parquet table.
export function serializeParquetDataset(
  input: ExportInput,
  options: DatasetCardOptions = {},
): DatasetFile[] {
  const rows = toParquetRows(input);

  return [
    {
      path: "README.md",
      contents: renderDatasetCard(input, rows, options),
      mimeType: "text/markdown; charset=utf-8",
    },
    {
      path: parquetDataPath,
      contents: writeParquet(rows, input.codebook ?? null),
      mimeType: parquetMimeType,
    },
  ];
}

export function serializeParquet(input: ExportInput): Uint8Array {
  return writeParquet(toParquetRows(input), input.codebook ?? null);
}

export function toParquetRows(input: ExportInput): ParquetRow[] {
  return prepareExport(input).map(({ document, annotations }) => ({
    id: document.id,
    title: document.title,
    text: document.text,
    version: document.version,
    text_hash: document.textHash,
    source_url: document.sourceUrl,
    outlet: document.outlet,
    author: document.author,
    published_at: document.publishedAt?.toISOString() ?? null,
    kind: document.kind,
    spans: annotations.map((annotation) => ({
      annotation_id: annotation.id,
      annotator: annotation.annotator,
      start: annotation.start,
      end: annotation.end,
      text: annotation.exact,
      prefix: annotation.prefix,
      suffix: annotation.suffix,
      dimension: annotation.dimension,
      labels: annotation.labels,
      comment: annotation.comment,
      confidence: annotation.confidence,
      origin: annotation.origin,
      review_state: annotation.reviewState,
      created_at: annotation.createdAt.toISOString(),
      updated_at: annotation.updatedAt.toISOString(),
    })),
  }));
}

export async function parseParquet(file: ArrayBuffer | Uint8Array): Promise<ParsedExport> {
  const buffer =
    file instanceof Uint8Array
      ? file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength)
      : file;
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file: buffer as ArrayBuffer });
  } catch (error) {
    throw new ExportError(`The Parquet file could not be read: ${(error as Error).message}`);
  }

  const documents: ExportDocument[] = [];
  const annotations: ExportAnnotation[] = [];

  rows.forEach((raw, index) => {
    const row = raw as ParquetRow;
    const where = `Row ${index + 1}`;
    if (typeof row.id !== "string" || typeof row.text !== "string" || !Array.isArray(row.spans)) {
      throw new ExportError(`${where}: not a Framewise dataset row (id, text, spans).`);
    }

    const document: ExportDocument = {
      id: row.id,
      title: row.title,
      text: row.text,
      version: Number(row.version),
      textHash: row.text_hash,
      sourceUrl: row.source_url,
      outlet: row.outlet,
      author: row.author,
      publishedAt: row.published_at === null ? null : new Date(row.published_at),
      kind: row.kind,
    };
    documents.push(document);

    for (const span of row.spans) {
      annotations.push({
        id: span.annotation_id,
        documentId: document.id,
        documentVersion: document.version,
        annotator: span.annotator,
        start: Number(span.start),
        end: Number(span.end),
        exact: span.text,
        prefix: span.prefix,
        suffix: span.suffix,
        dimension: span.dimension,
        labels: [...span.labels],
        comment: span.comment,
        confidence: span.confidence,
        origin: readChoice<AnnotationOrigin>(span.origin, annotationOrigins, where),
        reviewState: readChoice<ReviewState>(span.review_state, reviewStates, where),
        createdAt: new Date(span.created_at),
        updatedAt: new Date(span.updated_at),
      });
    }
  });

  // Checked like input, so a file whose offsets miss their quotes is refused.
  const prepared = prepareExport({ documents, annotations });

  return { documents, annotations: prepared.flatMap((entry) => entry.annotations) };
}

// README.md for the Hub: YAML front matter (configs + dataset_info) and a short card.
export function buildDatasetCard(input: ExportInput, options: DatasetCardOptions = {}): string {
  return renderDatasetCard(input, toParquetRows(input), options);
}

function renderDatasetCard(
  input: ExportInput,
  rows: ParquetRow[],
  options: DatasetCardOptions,
): string {
  const name = options.name ?? "Framewise annotations";
  const spanCount = rows.reduce((sum, row) => sum + row.spans.length, 0);
  const yaml = [
    "---",
    `pretty_name: ${yamlString(name)}`,
    ...(options.license ? [`license: ${yamlString(options.license)}`] : []),
    "tags:",
    "- framewise",
    "- media-bias",
    "- span-annotation",
    "configs:",
    "- config_name: default",
    "  data_files:",
    "  - split: train",
    "    path: data/train-*",
    "dataset_info:",
    "  features:",
    ...parquetFeatures.flatMap((feature) => featureYaml(feature, "  ")),
    "  splits:",
    "  - name: train",
    `    num_examples: ${rows.length}`,
    "---",
  ];

  const body = [
    `# ${markdownText(name)}`,
    "",
    options.description ?? "Span annotations of news texts exported from Framewise.",
    "",
    `${rows.length} documents, ${spanCount} annotation rows (one per annotation and dimension).`,
    "",
    "## Offsets",
    "",
    "`start` and `end` count Unicode code points, end exclusive, so in Python",
    '`row["text"][span["start"]:span["end"]] == span["text"]` for every span, emoji included.',
    "A highlight labelled in two dimensions appears as two spans with the same `annotation_id`;",
    "a note without labels has `dimension` null and no `labels`.",
    "",
    "## Columns",
    "",
    "| column | type | description |",
    "| --- | --- | --- |",
    ...parquetFeatures.flatMap((feature) => featureRows(feature, "")),
    ...codebookSection(input.codebook ?? null),
    "",
    "## Provenance",
    "",
    "- `review_state`: pending (not reviewed), accepted, rejected, edited (changed in review) or",
    "  gold (adjudicated reference). Filter on it before training.",
    "- `origin`: person (made by an annotator) or suggestion (proposed by software).",
    "- `text_hash` identifies the exact text the offsets refer to.",
    "",
  ];

  return `${yaml.join("\n")}\n${body.join("\n")}`;
}

function writeParquet(rows: ParquetRow[], codebook: ExportCodebook | null): Uint8Array {
  const buffer = parquetWriteBuffer({
    schema: [
      { name: "root", num_children: parquetFeatures.length },
      ...parquetFeatures.flatMap(schemaElements),
    ],
    columnData: parquetFeatures.map((feature) => ({
      name: feature.name,
      data: rows.map((row) => row[feature.name as keyof ParquetRow]),
    })),
    kvMetadata: [
      {
        key: "framewise",
        value: JSON.stringify({
          offset_unit: "code_point",
          codebook: codebook ? { key: codebook.key, version: codebook.version } : null,
        }),
      },
    ],
    createdBy: "Framewise",
  });

  return new Uint8Array(buffer);
}

function schemaElements(feature: Feature): SchemaElement[] {
  if (feature.dtype === "sequence:string") {
    return [
      { name: feature.name, repetition_type: "REQUIRED", converted_type: "LIST", num_children: 1 },
      { name: "list", repetition_type: "REPEATED", num_children: 1 },
      { name: "element", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "REQUIRED" },
    ];
  }

  if (feature.dtype === "list") {
    return [
      { name: feature.name, repetition_type: "REQUIRED", converted_type: "LIST", num_children: 1 },
      { name: "list", repetition_type: "REPEATED", num_children: 1 },
      { name: "element", repetition_type: "REQUIRED", num_children: feature.fields.length },
      ...feature.fields.flatMap(schemaElements),
    ];
  }

  const repetition_type = feature.nullable ? "OPTIONAL" : "REQUIRED";
  if (feature.dtype === "string") {
    return [{ name: feature.name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type }];
  }

  return [
    { name: feature.name, type: feature.dtype === "int32" ? "INT32" : "DOUBLE", repetition_type },
  ];
}

function featureYaml(feature: Feature, indent: string): string[] {
  const head = `${indent}- name: ${feature.name}`;
  if (feature.dtype === "sequence:string") {
    return [head, `${indent}  sequence: string`];
  }

  if (feature.dtype === "list") {
    return [
      head,
      `${indent}  list:`,
      ...feature.fields.flatMap((field) => featureYaml(field, `${indent}  `)),
    ];
  }

  return [head, `${indent}  dtype: ${feature.dtype}`];
}

function featureRows(feature: Feature, parent: string): string[] {
  const name = `${parent}${feature.name}`;
  if (feature.dtype === "list") {
    return [
      `| \`${name}\` | list of structs | ${feature.description} |`,
      ...feature.fields.flatMap((field) => featureRows(field, `${name}[].`)),
    ];
  }

  const type =
    feature.dtype === "sequence:string"
      ? "list of strings"
      : `${feature.dtype}${feature.nullable ? " or null" : ""}`;

  return [`| \`${name}\` | ${type} | ${feature.description} |`];
}

function codebookSection(codebook: ExportCodebook | null): string[] {
  if (!codebook) {
    return [];
  }

  return [
    "",
    "## Codebook",
    "",
    `${markdownText(codebook.name)} (key ${markdownText(codebook.key)}, version ${codebook.version}).`,
    "",
    "| dimension | label key | label |",
    "| --- | --- | --- |",
    ...codebook.dimensions.flatMap((dimension) =>
      dimension.labels.map(
        (label) =>
          `| ${markdownText(dimension.name)} (${markdownText(dimension.key)}) | ${markdownText(label.key)} | ${markdownText(label.name)} |`,
      ),
    ),
  ];
}

// YAML 1.2 is a superset of JSON, so a JSON string is a safe double-quoted YAML scalar.
function yamlString(value: string): string {
  return JSON.stringify(value);
}

// Keeps user text inside one Markdown table cell or heading.
function markdownText(value: string): string {
  return value.replace(/[\r\n]+/g, " ").replace(/([\\|`*<>[\]])/g, "\\$1");
}

function readChoice<T extends string>(value: unknown, choices: readonly T[], where: string): T {
  if (!(choices as readonly unknown[]).includes(value)) {
    throw new ExportError(`${where}: ${String(value)} is not one of ${choices.join(", ")}.`);
  }

  return value as T;
}
