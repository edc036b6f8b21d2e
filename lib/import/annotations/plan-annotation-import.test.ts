import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { describeQuote } from "@/lib/anchoring/quote-context";
import { codePointLength } from "@/lib/anchoring/text-position";
import { serializeJsonl } from "@/lib/export/jsonl";
import { buildFixtureExport, fixtureCodebook } from "@/lib/export/testing/export-fixtures";
import type { ExportAnnotation, ExportInput } from "@/lib/export/types";
import { serializeW3c } from "@/lib/export/w3c";
import { hashText } from "@/lib/text/hash-text";

import { parseAnnotationFile } from "./parse-annotation-file";
import {
  planAnnotationImport,
  type PlanCodebook,
  type PlanContext,
  type PlanExisting,
} from "./plan-annotation-import";

const baseUrl = "https://framewise.example.org";

// The fixture codebook with label ids "dimension:label"; every dimension multi-choice,
// as the fixtures put two framing labels on one highlight.
const codebook: PlanCodebook = {
  id: "cb2",
  key: fixtureCodebook.key,
  name: fixtureCodebook.name,
  version: fixtureCodebook.version,
  isPublished: true,
  dimensions: fixtureCodebook.dimensions.map((dimension) => ({
    key: dimension.key,
    name: dimension.name,
    multiple: true,
    labels: dimension.labels.map((label) => ({
      id: `${dimension.key}:${label.key}`,
      key: label.key,
    })),
  })),
};

// The database keeps confidence as 1–3; the fixtures also hold a model's 0.82.
function importableFixture(): ExportInput {
  const input = buildFixtureExport();
  return {
    ...input,
    codebook: fixtureCodebook,
    annotations: input.annotations.map((row) => ({
      ...row,
      confidence:
        row.confidence === null ? null : Math.min(3, Math.max(1, Math.round(row.confidence))),
    })),
  };
}

// The workspace the export came from: the same documents and highlights.
function sameWorkspace(input: ExportInput): PlanContext {
  const existing = new Map<string, PlanExisting>();
  for (const row of input.annotations) {
    const entry = existing.get(row.id) ?? {
      id: row.id,
      documentId: row.documentId,
      externalId: null,
      annotator: row.annotator,
      start: row.start,
      end: row.end,
      labelIds: [],
    };
    entry.labelIds.push(...row.labels.map((label) => `${row.dimension}:${label}`));
    existing.set(row.id, entry);
  }
  return {
    documents: input.documents.map(({ id, title, text, textHash, version }) => ({
      id,
      title,
      text,
      textHash,
      version,
    })),
    codebooks: [codebook],
    targetCodebookId: codebook.id,
    existing: [...existing.values()],
    importerAnnotator: "annotator-importer",
  };
}

// Another workspace holding the same articles under other ids, with no highlights.
function freshWorkspace(input: ExportInput): PlanContext {
  return {
    ...sameWorkspace(input),
    documents: input.documents.map(({ id, title, text, textHash }) => ({
      id: `fresh-${id}`,
      title,
      text,
      textHash,
      version: 1,
    })),
    existing: [],
  };
}

function exported(input: ExportInput, format: "jsonl" | "w3c") {
  return format === "jsonl"
    ? parseAnnotationFile(serializeJsonl(input), { fileName: "export.jsonl" })
    : parseAnnotationFile(serializeW3c(input, { baseUrl }), { fileName: "export.json" });
}

const highlightCount = (input: ExportInput) => new Set(input.annotations.map((row) => row.id)).size;

describe("planning an annotation import", () => {
  for (const format of ["jsonl", "w3c"] as const) {
    it(`[imports] ${format}: an export is all duplicates on its own workspace and all new on a fresh one`, () => {
      const input = importableFixture();
      const file = exported(input, format);
      expect(file.problems).toEqual([]);

      const same = planAnnotationImport(file, sameWorkspace(input));
      expect(same.rows).toHaveLength(highlightCount(input));
      expect(same.rows.filter((row) => row.status !== "duplicate")).toEqual([]);

      const fresh = planAnnotationImport(file, freshWorkspace(input));
      expect(fresh.rows.filter((row) => row.status !== "create")).toEqual([]);
      expect(fresh.counts.create).toBe(highlightCount(input));

      // What would be written is what was exported: span, labels, annotator, comment,
      // origin and review state, with the file's id kept as provenance.
      const written = fresh.rows
        .map((row) => row.create!)
        .sort((a, b) => a.externalId!.localeCompare(b.externalId!));
      const a2 = written.find((row) => row.externalId === "a2")!;
      const original = input.annotations.find((row) => row.id === "a2")!;
      expect(a2).toMatchObject({
        documentId: "fresh-doc-blog",
        start: original.start,
        end: original.end,
        exact: original.exact,
        externalAnnotator: "annotator-2",
        comment: original.comment.trim(),
      });
      expect(a2.labelIds.sort()).toEqual(["framing:Doubt", 'framing:Slogans, "quoted"']);
      expect(written.find((row) => row.externalId === "w2")).toMatchObject({
        isGold: true,
        reviewState: "ACCEPTED",
      });
      expect(written.find((row) => row.externalId === "a6")).toMatchObject({
        origin: "suggestion",
      });
      // a1 is labelled in two dimensions: two rows in the file, one highlight.
      expect(written.find((row) => row.externalId === "a1")!.labelIds.sort()).toEqual([
        "framing:Loaded_Language",
        "stance:critical",
      ]);
    });
  }

  it("[imports] property: export then plan gives duplicates on the same workspace, creations on a fresh one", () => {
    const fixture = importableFixture();
    const document = fixture.documents[0]!;
    const length = codePointLength(document.text);
    const labelChoices = codebook.dimensions.flatMap((dimension) =>
      dimension.labels.map((label) => [dimension.key, label.key] as const),
    );

    const annotationArbitrary = fc.record({
      start: fc.integer({ min: 0, max: length - 2 }),
      size: fc.integer({ min: 1, max: 80 }),
      label: fc.constantFrom(...labelChoices),
      comment: fc.string({ maxLength: 20 }),
      reviewState: fc.constantFrom("pending", "accepted", "rejected", "edited", "gold" as const),
      format: fc.constantFrom("jsonl" as const, "w3c" as const),
    });

    fc.assert(
      fc.property(fc.array(annotationArbitrary, { minLength: 1, maxLength: 15 }), (specs) => {
        const annotations: ExportAnnotation[] = [];
        specs.forEach((spec, index) => {
          const end = Math.min(length, spec.start + spec.size);
          const quote = describeQuote(document.text, spec.start, end);
          if (quote.exact.trim() === "") {
            return;
          }
          annotations.push({
            id: `p${index}`,
            documentId: document.id,
            documentVersion: document.version,
            // One annotator per highlight, so two equal spans are never the same work.
            annotator: `annotator-${index}`,
            start: spec.start,
            end,
            exact: quote.exact,
            prefix: quote.prefix,
            suffix: quote.suffix,
            dimension: spec.label[0],
            labels: [spec.label[1]],
            comment: spec.comment.trim(),
            confidence: null,
            origin: "person",
            reviewState: spec.reviewState,
            createdAt: new Date(Date.UTC(2025, 0, 1)),
            updatedAt: new Date(Date.UTC(2025, 0, 2)),
          });
        });
        const input: ExportInput = {
          documents: [document],
          annotations,
          codebook: fixtureCodebook,
        };
        const file = exported(input, specs[0]!.format);

        const same = planAnnotationImport(file, sameWorkspace(input));
        const fresh = planAnnotationImport(file, freshWorkspace(input));
        expect(same.counts.duplicate).toBe(annotations.length);
        expect(fresh.counts.create).toBe(annotations.length);
        expect(same.rows).toHaveLength(annotations.length);
        expect(fresh.rows).toHaveLength(annotations.length);
      }),
      { numRuns: 60 },
    );
  });

  it("[imports] names the line and field of unknown labels, dimensions and codebook versions", () => {
    const input = importableFixture();
    const text = input.documents[1]!.text;
    const span = { start: 0, end: 5, text: Array.from(text).slice(0, 5).join("") };
    const line = (spans: unknown[], meta: Record<string, unknown> = {}) =>
      JSON.stringify({ text, spans, meta: { id: input.documents[1]!.id, ...meta } });
    const source = [
      line([{ ...span, dimension: "framing", label: "Whataboutism" }]),
      line([{ ...span, dimension: "mood", label: "happy" }]),
      line([{ ...span, dimension: "framing", label: "Doubt" }], {
        codebook: { key: "newsroom-review", version: 9 },
      }),
    ].join("\n");

    const plan = planAnnotationImport(
      parseAnnotationFile(source, { fileName: "x.jsonl" }),
      sameWorkspace(input),
    );
    expect(plan.rows.map((row) => [row.status, row.message])).toEqual([
      [
        "unknown-label",
        expect.stringMatching(
          /^Line 1, spans\.0, label: "Whataboutism" is not a label of Framing technique/,
        ),
      ],
      [
        "unknown-label",
        expect.stringMatching(/^Line 2, spans\.0, dimension: "mood" is not a dimension/),
      ],
      [
        "unknown-codebook",
        expect.stringMatching(
          /^Line 3, spans\.0, meta\.codebook: this workspace has no codebook "newsroom-review" version 9/,
        ),
      ],
    ]);
  });

  it("[imports] reports malformed and truncated lines with their numbers and reads the rest", () => {
    const input = importableFixture();
    const jsonl = serializeJsonl({
      ...input,
      annotations: input.annotations.filter((row) => row.documentId === "doc-blog"),
    });
    const good = jsonl.trimEnd();
    const goodLines = good.split("\n").length;
    const source = `${good}\n{"text": "oops", "spans": [}\n\n${good.slice(0, 40)}`;

    const file = parseAnnotationFile(source, { fileName: "broken.jsonl" });
    expect(file.problems).toEqual([
      expect.objectContaining({
        line: goodLines + 1,
        message: expect.stringMatching(new RegExp(`^Line ${goodLines + 1}: not valid JSON`)),
      }),
      expect.objectContaining({
        line: goodLines + 3,
        message: expect.stringMatching(
          new RegExp(`^Line ${goodLines + 3}: not valid JSON.*may be truncated`),
        ),
      }),
    ]);
    const plan = planAnnotationImport(file, freshWorkspace(input));
    expect(plan.counts.invalid).toBe(2);
    expect(plan.counts.create).toBeGreaterThan(0);
  });

  it("[imports] refuses offsets that miss the quote on the same text, and re-anchors after an edit", () => {
    const input = importableFixture();
    const blog = input.documents.find((document) => document.id === "doc-blog")!;
    const row = input.annotations.find((annotation) => annotation.id === "a5")!;
    const shifted = { ...row, start: row.start + 1, end: row.end + 1 };
    const fileLine = (text: string, rows: ExportAnnotation[]) =>
      JSON.stringify({
        text,
        meta: { id: blog.id, title: blog.title },
        spans: rows.map((annotation) => ({
          start: annotation.start,
          end: annotation.end,
          text: annotation.exact,
          label: annotation.labels[0],
          dimension: annotation.dimension,
          annotation_id: annotation.id,
        })),
      });

    const mismatch = planAnnotationImport(
      parseAnnotationFile(fileLine(blog.text, [shifted]), { fileName: "a.jsonl" }),
      freshWorkspace(input),
    );
    expect(mismatch.rows[0]).toMatchObject({
      status: "offsets-mismatch",
      message: expect.stringMatching(
        /^Line 1, spans\.0: the offsets do not match the quote: text\[/,
      ),
    });

    // The workspace's copy gained a sentence at the top since the file was written.
    const edited = `Editor's note: updated.\n\n${blog.text}`;
    const context = freshWorkspace(input);
    context.documents = context.documents.map((document) =>
      document.title === blog.title
        ? { ...document, text: edited, textHash: hashText(edited), version: 2 }
        : document,
    );
    const moved = planAnnotationImport(
      parseAnnotationFile(fileLine(blog.text, [row]), { fileName: "a.jsonl" }),
      context,
    );
    const shift = codePointLength("Editor's note: updated.\n\n");
    expect(moved.rows[0]).toMatchObject({
      status: "create",
      reanchored: { start: row.start + shift, end: row.end + shift },
      message: expect.stringMatching(/^Re-anchored/),
    });
    expect(moved.rows[0]!.create).toMatchObject({
      start: row.start + shift,
      exact: row.exact,
      documentVersion: 2,
    });
  });

  it("[imports] reports documents it cannot match, and ambiguous ones", () => {
    const input = importableFixture();
    const file = parseAnnotationFile(
      JSON.stringify({
        text: "Not in this workspace.",
        spans: [{ start: 0, end: 3, label: "Doubt", dimension: "framing" }],
      }),
      { fileName: "a.jsonl" },
    );
    expect(planAnnotationImport(file, freshWorkspace(input)).rows[0]).toMatchObject({
      status: "document-not-found",
      message: expect.stringMatching(
        /^Line 1, spans\.0: no document of this workspace matches \(tried the text\)/,
      ),
    });

    const twice = freshWorkspace(input);
    const blog = twice.documents[1]!;
    twice.documents.push({ ...blog, id: "copy" });
    const blogFile = parseAnnotationFile(
      JSON.stringify({
        text: blog.text,
        spans: [{ start: 0, end: 3, label: "Doubt", dimension: "framing" }],
      }),
      { fileName: "a.jsonl" },
    );
    expect(planAnnotationImport(blogFile, twice).rows[0]).toMatchObject({
      status: "document-not-found",
      message: expect.stringMatching(/2 documents in this workspace have this text/),
    });
  });

  it("[imports] catches a file that repeats a highlight, and reads a plain array of W3C annotations", () => {
    const input = importableFixture();
    const collection = JSON.parse(serializeW3c(input, { baseUrl })) as {
      first: { items: unknown[] };
    };
    const items = collection.first.items;
    const file = parseAnnotationFile(JSON.stringify([...items, items[0]]), {
      fileName: "list.json",
    });
    const plan = planAnnotationImport(file, freshWorkspace(input));
    expect(plan.counts.create).toBe(highlightCount(input));
    expect(plan.counts.duplicate).toBe(1);
    expect(plan.rows.find((row) => row.status === "duplicate")?.message).toMatch(
      /repeats Annotation 1/,
    );
  });
});
