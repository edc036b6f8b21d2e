// The JSONL line is written as JSON text by hand (for speed, see jsonl.ts); this compares
// it with JSON.stringify of the nested objects it replaced, on random documents and spans.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { toJsonLine } from "./json-line";
import { serializeJsonlLine } from "./jsonl";
import { prepareExport } from "./prepare-export";
import type { ExportAnnotation, ExportDocument } from "./types";

// The line exactly as jsonl.ts built it before: objects, then toJsonLine.
function referenceLine(
  document: ExportDocument,
  annotations: ExportAnnotation[],
  codebook: { key: string; version: number } | null,
): string {
  const [entry] = prepareExport({ documents: [document], annotations, codebook: null });
  const spans: object[] = [];
  const notes: object[] = [];
  for (const annotation of entry?.annotations ?? []) {
    const note = {
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
    };
    if (annotation.dimension === null) {
      notes.push(note);
      continue;
    }
    const { start: _start, end: _end, ...rest } = note;
    for (const label of annotation.labels) {
      spans.push({
        start: note.start,
        end: note.end,
        label,
        dimension: annotation.dimension,
        ...rest,
      });
    }
  }
  const line = {
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
      ...(codebook ? { codebook: { key: codebook.key, version: codebook.version } } : {}),
    },
  };
  return `${toJsonLine(line)}\n`;
}

const character = fc.constantFrom(
  "a",
  " ",
  '"',
  "\\",
  "\n",
  "\r",
  "\t",
  "\u0000",
  "\u001f",
  "\u007f",
  "\u0085",
  "\u2028",
  "\u2029",
  "é",
  "😀",
  "🇺🇦",
  "\ud800",
  "</script>",
);
const text = fc.string({ unit: character, maxLength: 16 });
const someText = fc.oneof(text, fc.string({ unit: "binary", maxLength: 16 }));
const date = fc.date({
  min: new Date("0001-01-01T00:00:00.000Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});
const confidence = fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), {
  nil: null,
});

const documentAndRows = fc
  .record({
    text: fc.string({ unit: character, minLength: 1, maxLength: 40 }),
    id: fc.string({ minLength: 1, maxLength: 8 }),
    title: someText,
    version: fc.integer({ min: 1, max: 1_000 }),
    sourceUrl: fc.option(someText, { nil: null }),
    outlet: fc.option(someText, { nil: null }),
    author: fc.option(someText, { nil: null }),
    publishedAt: fc.option(date, { nil: null }),
    kind: fc.constantFrom("ARTICLE", "SUBMISSION", "AI_ANALYSIS"),
    rows: fc.array(
      fc.record({
        start: fc.nat(),
        length: fc.integer({ min: 1, max: 10 }),
        dimension: fc.option(fc.constantFrom("stance", "frame\u2028", 'qu"ote'), { nil: null }),
        labels: fc.uniqueArray(
          someText.filter((value) => value !== ""),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        annotator: someText.filter((value) => value !== ""),
        comment: someText,
        confidence,
        origin: fc.constantFrom("person" as const, "suggestion" as const),
        reviewState: fc.constantFrom(
          "pending" as const,
          "accepted" as const,
          "rejected" as const,
          "edited" as const,
          "gold" as const,
        ),
        prefix: someText,
        suffix: someText,
        createdAt: date,
        updatedAt: date,
      }),
      { maxLength: 6 },
    ),
    codebook: fc.option(fc.record({ key: someText, version: fc.integer({ min: 1 }) }), {
      nil: null,
    }),
  })
  .map(({ rows, codebook, ...fields }) => {
    const document: ExportDocument = { ...fields, textHash: "f".repeat(64) };
    const points = Array.from(document.text);
    // Offsets as prepareExport counts them (surrogate pairs are one code point, a lone
    // surrogate is one too).
    const annotations: ExportAnnotation[] = rows.map((row, index) => {
      const start = row.start % points.length;
      const end = Math.min(points.length, start + row.length);
      return {
        id: `a${index}`,
        documentId: document.id,
        documentVersion: document.version,
        annotator: row.annotator,
        start,
        end,
        exact: points.slice(start, end).join(""),
        prefix: row.prefix,
        suffix: row.suffix,
        dimension: row.dimension,
        labels: row.dimension === null ? [] : row.labels,
        comment: row.comment,
        confidence: row.confidence,
        origin: row.origin,
        reviewState: row.reviewState,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      };
    });
    return { document, annotations, codebook };
  });

describe("[export] JSONL line writer", () => {
  it("writes exactly what JSON.stringify of the line's objects gave", () => {
    fc.assert(
      fc.property(documentAndRows, ({ document, annotations, codebook }) => {
        expect(serializeJsonlLine(document, annotations, { codebook })).toBe(
          referenceLine(document, annotations, codebook),
        );
      }),
      { numRuns: 1_000 },
    );
  });
});
