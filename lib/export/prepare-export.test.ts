import { describe, expect, it } from "vitest";

import { ExportError } from "./export-error";
import { orderAnnotations, prepareExport } from "./prepare-export";
import { buildFixtureExport } from "./testing/export-fixtures";
import type { ExportInput } from "./types";

function withFirstAnnotation(
  change: (annotation: ExportInput["annotations"][number]) => void,
): ExportInput {
  const input = buildFixtureExport();
  const first = input.annotations[0];
  if (first) {
    change(first);
  }
  return input;
}

describe("[export] prepareExport", () => {
  it("keeps the document order and sorts each document's rows by position, id, dimension", () => {
    const input = buildFixtureExport();
    const prepared = prepareExport(input);

    expect(prepared.map((entry) => entry.document.id)).toEqual(["doc-wire", "doc-blog"]);
    for (const entry of prepared) {
      const keys = entry.annotations.map((a) => [a.start, a.end, a.id, a.dimension ?? ""]);
      const sorted = [...keys].sort(
        (x, y) =>
          (x[0] as number) - (y[0] as number) ||
          (x[1] as number) - (y[1] as number) ||
          String(x[2]).localeCompare(String(y[2]), "en") ||
          String(x[3]).localeCompare(String(y[3]), "en"),
      );
      expect(keys).toEqual(sorted);
    }
    expect(orderAnnotations(input)).toHaveLength(input.annotations.length);
  });

  it("refuses a quote that does not match the text, naming the annotation", () => {
    const input = withFirstAnnotation((annotation) => {
      annotation.exact = "something else";
    });

    expect(() => prepareExport(input)).toThrow(ExportError);
    expect(() => prepareExport(input)).toThrow(
      /Annotation "a1": the quote "something else" does not match/,
    );
    try {
      prepareExport(input);
    } catch (error) {
      expect((error as ExportError).annotationId).toBe("a1");
    }
  });

  it("refuses offsets counted in UTF-16 units instead of code points", () => {
    // "A Declaration" sits after the emoji: its UTF-16 offset is one more than its code point.
    const input = withFirstAnnotation((annotation) => {
      annotation.start += 1;
      annotation.end += 1;
    });

    expect(() => prepareExport(input)).toThrow(/Annotation "a1": the quote/);
  });

  it("refuses rows for another document version, unknown documents and bad offsets", () => {
    expect(() =>
      prepareExport(withFirstAnnotation((annotation) => (annotation.documentVersion = 9))),
    ).toThrow(/"a1": it was made on version 9 of document "doc-blog"/);
    expect(() =>
      prepareExport(withFirstAnnotation((annotation) => (annotation.documentId = "gone"))),
    ).toThrow(/refers to document "gone", which is not in the export/);
    expect(() =>
      prepareExport(withFirstAnnotation((annotation) => (annotation.end = annotation.start))),
    ).toThrow(/not a non-empty span/);
    expect(() =>
      prepareExport(withFirstAnnotation((annotation) => (annotation.end = 10_000_000))),
    ).toThrow(/not a non-empty span inside the text/);
  });

  it("refuses labels outside the codebook, duplicate rows and label/dimension mismatches", () => {
    expect(() =>
      prepareExport(withFirstAnnotation((annotation) => (annotation.labels = ["Invented"]))),
    ).toThrow(/label "Invented" is not in dimension "framing"/);
    expect(() =>
      prepareExport(withFirstAnnotation((annotation) => (annotation.labels = []))),
    ).toThrow(/has dimension "framing" but no labels/);
    expect(() =>
      prepareExport(withFirstAnnotation((annotation) => (annotation.dimension = null))),
    ).toThrow(/has labels but no dimension/);

    const input = buildFixtureExport();
    const first = input.annotations[0];
    expect(first).toBeDefined();
    input.annotations.push({ ...first!, labels: ["Doubt"] });
    expect(() => prepareExport(input)).toThrow(/"a1" has two rows for dimension "framing"/);
  });

  it("refuses a document listed twice", () => {
    const input = buildFixtureExport();
    input.documents.push({ ...input.documents[0]! });

    expect(() => prepareExport(input)).toThrow(/Document "doc-wire" appears twice/);
  });
});
