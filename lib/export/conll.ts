// Multi-layer CoNLL with BIO (IOB2) tags: one token per line, tab-separated columns
//   TOKEN  START  END  <dimension 1>  <dimension 2> …
// with code-point offsets and one BIO column per dimension, so spans of different
// dimensions may overlap freely. Layout follows CoNLL-U Plus: a `# global.columns = …` first
// line, `# newdoc id = …` (plus `# version`, `# text_hash`) opening each document, and a blank
// line after each line of source text (a headline or paragraph; sentences are not split).
// Tokens come from lib/export/tokenize.ts.
//
// BIO cannot hold two spans on one token in one column, so within a dimension:
// - a span whose ends fall inside a token is widened to whole tokens ("expanded");
// - spans are placed longest first (in code points), then earliest start, then label key,
//   then annotation id; a span touching a token already taken is dropped ("overlap"),
//   unless it is the same tokens and label as a placed span ("duplicate": nothing lost);
// - a span covering no token at all is dropped ("no-tokens").
// Every case is reported; warnings exclude duplicates. Parsing rebuilds spans at token
// granularity; annotators, comments and review states are not in this format.
import { createOffsetIndex } from "@/lib/anchoring/text-position";

import { ExportError } from "./export-error";
import { compareText, prepareExport, type PreparedDocument } from "./prepare-export";
import { tokenize, type Token } from "./tokenize";
import type { ExportAnnotation, ExportDocument, ExportInput } from "./types";

export type ConllWarningKind = "overlap" | "duplicate" | "expanded" | "no-tokens";

export type ConllNotice = {
  kind: ConllWarningKind;
  documentId: string;
  annotationId: string;
  dimension: string;
  label: string;
  message: string;
};

export type ConllReport = {
  // Spans changed or lost (each counted once): overlaps + expanded + no-tokens.
  warningCount: number;
  overlapsDropped: number;
  duplicatesMerged: number;
  spansExpanded: number;
  spansWithoutTokens: number;
  notices: ConllNotice[];
};

export type ConllResult = { content: string; report: ConllReport };

export type ConllOptions = {
  // Columns, in order. Default: the codebook's dimensions when given, otherwise every
  // dimension used, sorted by key.
  dimensions?: string[];
};

export type ConllSpan = {
  dimension: string;
  label: string;
  start: number;
  end: number;
  // Token indexes within the document, end exclusive.
  tokenStart: number;
  tokenEnd: number;
};

export type ConllDocument = {
  id: string;
  version: number | null;
  textHash: string | null;
  tokens: Token[];
  spans: ConllSpan[];
};

export type ParsedConll = { dimensions: string[]; documents: ConllDocument[] };

const fixedColumns = ["TOKEN", "START", "END"] as const;

export function serializeConll(input: ExportInput, options: ConllOptions = {}): ConllResult {
  const prepared = prepareExport(input);
  const dimensions = options.dimensions ?? getConllDimensions(input);
  const report = emptyReport();
  let content = serializeConllHeader(dimensions);

  for (const entry of prepared) {
    const result = renderDocument(entry, dimensions);
    content += result.content;
    mergeReport(report, result.report);
  }

  return { content, report };
}

export function getConllDimensions(input: ExportInput): string[] {
  if (input.codebook) {
    return input.codebook.dimensions.map((dimension) => dimension.key);
  }

  const used = new Set<string>();
  for (const annotation of input.annotations) {
    if (annotation.dimension !== null) {
      used.add(annotation.dimension);
    }
  }

  return [...used].sort(compareText);
}

// For streaming: the header once, then serializeConllDocument per document with the same
// dimensions.
export function serializeConllHeader(dimensions: string[]): string {
  for (const dimension of dimensions) {
    if (dimension === "" || /\s/u.test(dimension)) {
      throw new ExportError(
        `Dimension "${dimension}" cannot be a CoNLL column name: keys must not be empty or contain spaces.`,
      );
    }
  }

  return `# global.columns = ${[...fixedColumns, ...dimensions].join(" ")}\n`;
}

export function serializeConllDocument(
  document: ExportDocument,
  annotations: ExportAnnotation[],
  dimensions: string[],
): ConllResult {
  const [entry] = prepareExport({ documents: [document], annotations });
  if (!entry) {
    return { content: "", report: emptyReport() };
  }

  return renderDocument(entry, dimensions);
}

export function parseConll(content: string): ParsedConll {
  const lines = content.split("\n").map((line) => line.replace(/\r$/, ""));
  const headerLine = lines.findIndex((line) => line.trim() !== "");
  const header = /^# global\.columns = (.+)$/.exec(lines[headerLine] ?? "");
  const columns = header?.[1]?.split(" ") ?? [];

  if (!header || fixedColumns.some((column, index) => columns[index] !== column)) {
    throw new ExportError(
      `The CoNLL file must start with "# global.columns = ${fixedColumns.join(" ")} …".`,
    );
  }

  const dimensions = columns.slice(fixedColumns.length);
  const documents: ConllDocument[] = [];
  // The span still open in each dimension column of the current document.
  let open: (ConllSpan | null)[] = [];

  for (let index = headerLine + 1; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const where = `Line ${index + 1}`;
    if (line === "") {
      continue;
    }

    const current = documents[documents.length - 1];
    if (line.startsWith("# ") && !line.includes("\t")) {
      const meta = /^# (newdoc id|version|text_hash) = (.*)$/.exec(line);
      if (meta?.[1] === "newdoc id") {
        documents.push({ id: meta[2] ?? "", version: null, textHash: null, tokens: [], spans: [] });
        open = dimensions.map(() => null);
      } else if (meta?.[1] === "version" && current) {
        current.version = Number(meta[2]);
      } else if (meta?.[1] === "text_hash" && current) {
        current.textHash = meta[2] ?? null;
      }
      continue;
    }

    if (!current) {
      throw new ExportError(`${where}: a token appears before any "# newdoc id = …" line.`);
    }

    const fields = line.split("\t");
    if (fields.length !== fixedColumns.length + dimensions.length) {
      throw new ExportError(
        `${where}: expected ${fixedColumns.length + dimensions.length} tab-separated fields, found ${fields.length}.`,
      );
    }

    const [text = "", startField = "", endField = ""] = fields;
    if (!/^\d+$/.test(startField) || !/^\d+$/.test(endField)) {
      throw new ExportError(`${where}: START and END must be whole numbers.`);
    }

    const tokenIndex = current.tokens.length;
    const token = { text, start: Number(startField), end: Number(endField) };
    current.tokens.push(token);

    dimensions.forEach((dimension, column) => {
      const tag = fields[fixedColumns.length + column] ?? "O";
      const match = /^([BI])-(.+)$/.exec(tag);
      if (tag !== "O" && !match) {
        throw new ExportError(`${where}: "${tag}" is not a BIO tag (O, B-<label>, I-<label>).`);
      }

      const continuing = open[column];
      const label = match?.[2];
      // I- continues the open span of the same label, across line breaks too; a stray I-
      // starts a new span, as conlleval reads it.
      if (match?.[1] === "I" && continuing && continuing.label === label) {
        continuing.end = token.end;
        continuing.tokenEnd = tokenIndex + 1;
        return;
      }

      open[column] = null;
      if (label !== undefined) {
        const span: ConllSpan = {
          dimension,
          label,
          start: token.start,
          end: token.end,
          tokenStart: tokenIndex,
          tokenEnd: tokenIndex + 1,
        };
        current.spans.push(span);
        open[column] = span;
      }
    });
  }

  return { dimensions, documents };
}

type Candidate = {
  annotation: ExportAnnotation;
  label: string;
  tokenStart: number;
  tokenEnd: number;
  // Set when the span's ends fell inside tokens; reported only if the span is placed.
  expandedTo: string | null;
};

function renderDocument(entry: PreparedDocument, dimensions: string[]): ConllResult {
  const { document, annotations } = entry;
  if (/[\r\n]/.test(document.id)) {
    throw new ExportError(`Document "${document.id}" id contains a line break.`);
  }

  const report = emptyReport();
  const tokens = tokenize(document.text);
  const columns = dimensions.map((dimension) =>
    resolveDimension(document, tokens, annotations, dimension, report),
  );

  const offsets = createOffsetIndex(document.text);
  let content = `\n# newdoc id = ${document.id}\n# version = ${document.version}\n# text_hash = ${document.textHash}\n`;

  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    if (previous) {
      const gap = document.text.slice(offsets.toUtf16(previous.end), offsets.toUtf16(token.start));
      if (gap.includes("\n")) {
        content += "\n";
      }
    }

    const tags = columns.map((column) => column[index] ?? "O");
    content += `${[token.text, token.start, token.end, ...tags].join("\t")}\n`;
  });

  return { content, report };
}

function resolveDimension(
  document: ExportDocument,
  tokens: Token[],
  annotations: ExportAnnotation[],
  dimension: string,
  report: ConllReport,
): string[] {
  const tags: string[] = tokens.map(() => "O");
  const owner: (Candidate | null)[] = tokens.map(() => null);
  const candidates: Candidate[] = [];

  for (const annotation of annotations) {
    if (annotation.dimension !== dimension) {
      continue;
    }

    for (const label of annotation.labels) {
      if (/[\t\r\n]/.test(label)) {
        throw new ExportError(
          `Annotation "${annotation.id}" label "${label}" contains a tab or line break, which CoNLL cannot hold.`,
          { annotationId: annotation.id },
        );
      }

      const covered = tokens.flatMap((token, index) =>
        token.end > annotation.start && token.start < annotation.end ? [index] : [],
      );
      const first = covered[0];
      const last = covered[covered.length - 1];

      if (first === undefined || last === undefined) {
        addNotice(report, {
          kind: "no-tokens",
          documentId: document.id,
          annotationId: annotation.id,
          dimension,
          label,
          message: `${annotation.start}–${annotation.end} covers no token; dropped.`,
        });
        continue;
      }

      const from = (tokens[first] as Token).start;
      const to = (tokens[last] as Token).end;
      candidates.push({
        annotation,
        label,
        tokenStart: first,
        tokenEnd: last + 1,
        expandedTo: from !== annotation.start || to !== annotation.end ? `${from}–${to}` : null,
      });
    }
  }

  candidates.sort(
    (a, b) =>
      b.annotation.end - b.annotation.start - (a.annotation.end - a.annotation.start) ||
      a.annotation.start - b.annotation.start ||
      compareText(a.label, b.label) ||
      compareText(a.annotation.id, b.annotation.id),
  );

  for (const candidate of candidates) {
    const taken = owner.slice(candidate.tokenStart, candidate.tokenEnd).find(Boolean) ?? null;
    if (taken) {
      const isDuplicate =
        taken.label === candidate.label &&
        taken.tokenStart === candidate.tokenStart &&
        taken.tokenEnd === candidate.tokenEnd;
      addNotice(report, {
        kind: isDuplicate ? "duplicate" : "overlap",
        documentId: document.id,
        annotationId: candidate.annotation.id,
        dimension,
        label: candidate.label,
        message: isDuplicate
          ? `same tokens and label as annotation "${taken.annotation.id}"; written once.`
          : `overlaps "${taken.label}" of annotation "${taken.annotation.id}", which was placed first; dropped.`,
      });
      continue;
    }

    for (let index = candidate.tokenStart; index < candidate.tokenEnd; index += 1) {
      owner[index] = candidate;
      tags[index] = `${index === candidate.tokenStart ? "B" : "I"}-${candidate.label}`;
    }

    if (candidate.expandedTo !== null) {
      addNotice(report, {
        kind: "expanded",
        documentId: document.id,
        annotationId: candidate.annotation.id,
        dimension,
        label: candidate.label,
        message: `${candidate.annotation.start}–${candidate.annotation.end} widened to whole tokens ${candidate.expandedTo}.`,
      });
    }
  }

  return tags;
}

function emptyReport(): ConllReport {
  return {
    warningCount: 0,
    overlapsDropped: 0,
    duplicatesMerged: 0,
    spansExpanded: 0,
    spansWithoutTokens: 0,
    notices: [],
  };
}

function addNotice(report: ConllReport, notice: ConllNotice): void {
  report.notices.push(notice);
  if (notice.kind === "overlap") {
    report.overlapsDropped += 1;
  } else if (notice.kind === "duplicate") {
    report.duplicatesMerged += 1;
    return;
  } else if (notice.kind === "expanded") {
    report.spansExpanded += 1;
  } else {
    report.spansWithoutTokens += 1;
  }
  report.warningCount += 1;
}

function mergeReport(into: ConllReport, from: ConllReport): void {
  into.warningCount += from.warningCount;
  into.overlapsDropped += from.overlapsDropped;
  into.duplicatesMerged += from.duplicatesMerged;
  into.spansExpanded += from.spansExpanded;
  into.spansWithoutTokens += from.spansWithoutTokens;
  into.notices.push(...from.notices);
}
