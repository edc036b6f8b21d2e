// The README.md of a dataset snapshot: a datasheet in the sense of Gebru et al.,
// "Datasheets for Datasets" (CACM 2021), cut to what Framewise knows: what was annotated,
// by how many (pseudonymised) annotators, with which codebook, how far they agree, how it
// was selected, how offsets count, and the licence and consent the owner states.
import type { DatasetStatistics, FigureSummary } from "./dataset-statistics";
import type { ExportFormat } from "./formats";

export type DatasheetInput = {
  name: string;
  number: number;
  workspaceName: string;
  createdAt: Date;
  format: Pick<ExportFormat, "key" | "label" | "description">;
  // Files in the archive, relative to its folder, with what each holds.
  files: { path: string; description: string }[];
  codebook: { key: string; name: string; version: number; dimensions: string[] };
  // The filters in words (describeExportFilters).
  filters: string[];
  pseudonymised: boolean;
  licence: string;
  consent: string;
  orphanedExcluded: number;
  statistics: DatasetStatistics;
  // What the format changed or could not hold (CoNLL overlaps, PTC columns …).
  formatNotes: string[];
};

export function buildDatasheet(input: DatasheetInput): string {
  const { statistics: stats } = input;
  const lines: string[] = [
    `# ${oneLine(input.name)}`,
    "",
    `Snapshot ${input.number} of the Framewise workspace “${oneLine(input.workspaceName)}”, made ${input.createdAt.toISOString()}. Its bytes never change: the archive's SHA-256 is shown beside it in Framewise.`,
    "",
    "## Files",
    "",
    ...input.files.map((file) => `- \`${file.path}\`: ${file.description}`),
    "",
    "## Format",
    "",
    `${input.format.label} (\`${input.format.key}\`): ${input.format.description}`,
    ...input.formatNotes.flatMap((note) => ["", note]),
    "",
    "## Offsets",
    "",
    "`start` and `end` count Unicode code points, end exclusive, in the document text as stored",
    "(normalised; its SHA-256 is the `text_hash`). In Python, `text[start:end]` is the quote, emoji",
    'included; in JavaScript, convert to UTF-16 first (`Array.from(text).slice(start, end).join("")`).',
    "",
    "## What was annotated",
    "",
    `- ${count(stats.documents, "document")}; ${count(stats.annotations, "highlight")} in ${count(stats.rows, "row")} (one row per highlight and dimension; ${count(stats.notes, "note")} without labels).`,
    `- Made by a person: ${stats.origins.person}; proposed by a suggestion rule and kept: ${stats.origins.suggestion}.`,
    ...(stats.firstCreatedAt && stats.lastCreatedAt
      ? [
          `- Highlights created from ${stats.firstCreatedAt.toISOString()} to ${stats.lastCreatedAt.toISOString()}.`,
        ]
      : []),
    `- Left out: ${count(input.orphanedExcluded, "highlight")} that match the filters but are orphaned (no longer anchored to the current text), and deleted highlights.`,
    "",
    "| outlet | documents |",
    "| --- | ---: |",
    ...stats.outlets.map((entry) => `| ${cell(entry.outlet)} | ${entry.documents} |`),
    "",
    "| kind | documents |",
    "| --- | ---: |",
    ...stats.kinds.map((entry) => `| ${cell(entry.kind)} | ${entry.documents} |`),
    "",
    "## Annotators",
    "",
    input.pseudonymised
      ? `${count(stats.annotators.length, "annotator")}, pseudonymised: each appears as \`annotator-\` and 10 hex digits of an HMAC-SHA256 of their account, keyed by a secret of this workspace. The same person has the same pseudonym in every export of this workspace and a different one in other workspaces.`
      : `${count(stats.annotators.length, "annotator")}, under their real names: the workspace owner chose to export names instead of pseudonyms.`,
    "",
    "| annotator | rows | documents |",
    "| --- | ---: | ---: |",
    ...stats.annotators.map(
      (entry) => `| ${cell(entry.annotator)} | ${entry.rows} | ${entry.documents} |`,
    ),
    "",
    "## Codebook",
    "",
    `“${oneLine(input.codebook.name)}”, key \`${input.codebook.key}\`, version ${input.codebook.version}; the whole codebook is in \`codebook.json\` (Framewise codebook JSON, schemaVersion 1). Exported dimensions: ${input.codebook.dimensions.map((key) => `\`${key}\``).join(", ")}.`,
    "",
    "| dimension | label | rows |",
    "| --- | --- | ---: |",
    ...stats.dimensions.flatMap((dimension) =>
      dimension.labels.map(
        (label) => `| ${cell(dimension.name)} | \`${cell(label.key)}\` | ${label.rows} |`,
      ),
    ),
    "",
    "## Agreement",
    "",
    "Computed per document with Framewise's `computeDimensionAgreement` (lib/agreement) over every",
    "annotator who has a row anywhere in the document (one who marked nothing in a dimension counts",
    "as marking nothing there), in documents with two or more annotators, then averaged over documents.",
    "uα is Krippendorff's unitized alpha over all labels of the dimension (1 is perfect agreement,",
    "0 is chance); F1 is the mean pairwise span F1, labelled, where overlapping spans of the same",
    "label match. n is the number of documents where the figure is defined.",
    "",
    "| dimension | documents compared | spans | most annotators on a document | uα mean (n; min–max) | span F1 mean (n; min–max) |",
    "| --- | ---: | ---: | ---: | --- | --- |",
    ...stats.agreement.map(
      (entry) =>
        `| ${cell(entry.name)} | ${entry.documentsCompared} | ${entry.spansCompared} | ${entry.maxAnnotators} | ${figure(entry.unitizedAlpha)} | ${figure(entry.spanF1Overlap)} |`,
    ),
    ...undefinedNotes(stats),
    "",
    "## Selection",
    "",
    ...input.filters.map((filter) => `- ${oneLine(filter)}`),
    "",
    "## Review state",
    "",
    "`gold`: in the document's agreed (gold) set, built by a lead in adjudication; `accepted`,",
    "`rejected`, `edited`: a lead's review decision outside that set; `pending`: not reviewed.",
    "Filter on `review_state` before training.",
    "",
    "| review state | highlights |",
    "| --- | ---: |",
    ...Object.entries(stats.reviewStates).map(([state, value]) => `| \`${state}\` | ${value} |`),
    "",
    "## Licence",
    "",
    input.licence.trim() || "Not stated by the workspace owner. Ask them before reusing the data.",
    "",
    "## Consent",
    "",
    input.consent.trim() || "Not stated by the workspace owner.",
    "",
  ];

  return lines.join("\n");
}

function figure(summary: FigureSummary): string {
  if (summary.mean === null || summary.minimum === null || summary.maximum === null) {
    return "undefined";
  }
  return `${summary.mean.toFixed(3)} (n = ${summary.defined}; ${summary.minimum.toFixed(3)}–${summary.maximum.toFixed(3)})`;
}

const reasonNames: Record<string, string> = {
  "empty-input": "no data",
  "too-few-annotators": "fewer than two annotators",
  "no-pairable-units": "no unit coded by two annotators",
  "no-variation": "no variation (everyone used one value)",
  "unequal-ratings": "unequal ratings",
  "no-spans": "no spans",
  "non-finite": "degenerate input",
  error: "could not be computed",
};

function undefinedNotes(stats: DatasetStatistics): string[] {
  const notes = stats.agreement.flatMap((entry) =>
    (
      [
        ["uα", entry.unitizedAlpha],
        ["span F1", entry.spanF1Overlap],
      ] as const
    ).flatMap(([measure, summary]) => {
      const reasons = Object.entries(summary.undefinedReasons);
      if (reasons.length === 0) {
        return [];
      }
      const text = reasons
        .map(([code, times]) => `${reasonNames[code] ?? code} in ${count(times, "document")}`)
        .join(", ");
      return [`- ${oneLine(entry.name)}, ${measure} undefined: ${text}.`];
    }),
  );

  return notes.length > 0 ? ["", ...notes] : [];
}

function count(value: number, noun: string): string {
  return `${value.toLocaleString("en")} ${noun}${value === 1 ? "" : "s"}`;
}

// Table cells and headings hold user text: no line breaks, no unescaped pipes.
function cell(value: string): string {
  return oneLine(value).replace(/\|/g, "\\|");
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
