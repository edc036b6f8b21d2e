// The export formats the UI offers and the API accepts (`?format=<key>`).
export const exportFormatKeys = [
  "jsonl",
  "csv",
  "ptc-tsv",
  "w3c",
  "conll",
  "parquet",
  "claim-review",
] as const;

export type ExportFormatKey = (typeof exportFormatKeys)[number];

export type ExportFormat = {
  key: ExportFormatKey;
  label: string;
  description: string;
  // File name extension, without the dot.
  extension: string;
  mimeType: string;
  // Can be written one document at a time (see the module's per-document function).
  isStreaming: boolean;
  // The module can read its own output back (CoNLL and PTC: spans only, as the formats
  // hold nothing else).
  canParse: boolean;
  // Output is several files (a dataset repository: the caller packages them); the
  // extension is that of the main file.
  isMultiFile: boolean;
};

export const exportFormats: readonly ExportFormat[] = [
  {
    key: "jsonl",
    label: "JSONL (spaCy / Prodigy)",
    description: "One document per line with text, spans and metadata; code-point offsets.",
    extension: "jsonl",
    mimeType: "application/jsonl; charset=utf-8",
    isStreaming: true,
    canParse: true,
    isMultiFile: false,
  },
  {
    key: "csv",
    label: "CSV",
    description: "One row per annotation label, for spreadsheets, pandas and R.",
    extension: "csv",
    mimeType: "text/csv; charset=utf-8; header=present",
    isStreaming: true,
    canParse: true,
    isMultiFile: false,
  },
  {
    key: "ptc-tsv",
    label: "PTC TSV (SemEval-2020 Task 11)",
    description: "article_id, technique, start, end: the Propaganda Techniques Corpus layout.",
    extension: "tsv",
    mimeType: "text/tab-separated-values; charset=utf-8",
    isStreaming: true,
    canParse: true,
    isMultiFile: false,
  },
  {
    key: "w3c",
    label: "W3C Web Annotation (JSON-LD)",
    description: "An AnnotationCollection with quote and position selectors.",
    extension: "jsonld",
    mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    isStreaming: false,
    canParse: true,
    isMultiFile: false,
  },
  {
    key: "conll",
    label: "CoNLL (BIO per dimension)",
    description: "One token per line with one BIO column per dimension; overlaps reported.",
    extension: "conll",
    mimeType: "text/plain; charset=utf-8",
    isStreaming: true,
    canParse: true,
    isMultiFile: false,
  },
  {
    key: "parquet",
    label: "Hugging Face dataset (Parquet)",
    description: "data/train-00000-of-00001.parquet and a dataset card README.md.",
    extension: "parquet",
    mimeType: "application/vnd.apache.parquet",
    isStreaming: false,
    canParse: true,
    isMultiFile: true,
  },
  {
    key: "claim-review",
    label: "ClaimReview (schema.org)",
    description: "Accuracy verdicts as fact-check markup.",
    extension: "json",
    mimeType: "application/ld+json; charset=utf-8",
    isStreaming: false,
    canParse: false,
    isMultiFile: false,
  },
];

export function isExportFormatKey(value: string): value is ExportFormatKey {
  return (exportFormatKeys as readonly string[]).includes(value);
}

export function getExportFormat(key: ExportFormatKey): ExportFormat {
  const format = exportFormats.find((entry) => entry.key === key);
  if (!format) {
    throw new Error(`Export format "${key}" is not registered.`);
  }

  return format;
}

// A download name such as "framewise-2025-01-02.jsonl"; `stem` is made safe for
// Content-Disposition and file systems (no separators, no leading dots).
export function getExportFileName(key: ExportFormatKey, stem: string): string {
  const safeStem =
    stem.replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[-.]+|[-.]+$/g, "") || "export";
  const format = getExportFormat(key);

  return `${safeStem}.${format.extension}`;
}
