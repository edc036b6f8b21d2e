// The Propaganda Techniques Corpus layout of SemEval-2020 Task 11 (technique
// classification): one line per labelled span, `article_id<TAB>technique<TAB>start<TAB>end`,
// no header, offsets in characters of the article file (Python code points, end exclusive).
// The article files themselves are `article<id>.txt` holding exactly the document text.
// Only labelled spans are written; annotator, comment and review state have no column, so
// callers choose which rows to send (for instance gold or accepted ones, one dimension).
import { ExportError } from "./export-error";
import { prepareExport } from "./prepare-export";
import type { ExportAnnotation, ExportDocument, ExportInput } from "./types";

export type PtcSpan = { articleId: string; technique: string; start: number; end: number };

export type PtcOptions = {
  // Only this dimension's labels become techniques (e.g. "framing"); default all.
  dimension?: string;
};

export function serializePtcTsv(input: ExportInput, options: PtcOptions = {}): string {
  return toPtcSpans(input, options)
    .map((span) => `${span.articleId}\t${span.technique}\t${span.start}\t${span.end}\n`)
    .join("");
}

// For streaming: one document's lines.
export function serializePtcTsvDocument(
  document: ExportDocument,
  annotations: ExportAnnotation[],
  options: PtcOptions = {},
): string {
  return serializePtcTsv({ documents: [document], annotations }, options);
}

// The spans a PTC file holds for this input: one per label, identical lines from several
// annotators written once (the task's scorer counts duplicates as separate predictions).
export function toPtcSpans(input: ExportInput, options: PtcOptions = {}): PtcSpan[] {
  const spans: PtcSpan[] = [];
  const seen = new Set<string>();

  for (const entry of prepareExport(input)) {
    const articleId = entry.document.id;
    checkField(articleId, `Document "${articleId}" id`);

    for (const annotation of entry.annotations) {
      if (annotation.dimension === null) {
        continue;
      }
      if (options.dimension !== undefined && annotation.dimension !== options.dimension) {
        continue;
      }

      for (const technique of annotation.labels) {
        checkField(technique, `Annotation "${annotation.id}" label "${technique}"`, annotation.id);
        const span = { articleId, technique, start: annotation.start, end: annotation.end };
        const key = JSON.stringify(span);
        if (!seen.has(key)) {
          seen.add(key);
          spans.push(span);
        }
      }
    }
  }

  return spans;
}

// The article files that go with the TSV; offsets index their content.
export function toPtcArticleFiles(
  documents: ExportDocument[],
): { name: string; content: string }[] {
  return documents.map((document) => {
    checkField(document.id, `Document "${document.id}" id`);
    if (/[/\\]/.test(document.id)) {
      throw new ExportError(`Document "${document.id}" id cannot be used in a file name.`);
    }

    return { name: `article${document.id}.txt`, content: document.text };
  });
}

export function parsePtcTsv(content: string): PtcSpan[] {
  const spans: PtcSpan[] = [];

  content.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    if (line.trim() === "") {
      return;
    }

    const where = `Line ${index + 1}`;
    const fields = line.split("\t");
    const [articleId, technique, start, end] = fields;
    if (fields.length !== 4 || !articleId || !technique || start === undefined || !end) {
      throw new ExportError(
        `${where}: expected article_id, technique, start and end separated by tabs.`,
      );
    }

    if (!/^\d+$/.test(start) || !/^\d+$/.test(end) || Number(start) >= Number(end)) {
      throw new ExportError(`${where}: start and end must be whole numbers with start < end.`);
    }

    spans.push({ articleId, technique, start: Number(start), end: Number(end) });
  });

  return spans;
}

function checkField(value: string, what: string, annotationId?: string): void {
  if (/[\t\r\n]/.test(value)) {
    throw new ExportError(`${what} contains a tab or line break, which PTC TSV cannot hold.`, {
      annotationId,
    });
  }
}
