import { describe, expect, it } from "vitest";

import { parseJsonl, serializeJsonl } from "./jsonl";
import { buildFixtureExport } from "./testing/export-fixtures";
import type { ExportInput } from "./types";
import { buildW3cCollection, framewiseTerms } from "./w3c";

// Typed field values and whole-document answers (docs/codebooks.md) in the exports that
// carry them: JSONL (`values` on spans and notes, `meta.document_answers`) and W3C (an
// extension term on the annotation).
function withValues(): ExportInput {
  const input = buildFixtureExport();
  const [first, second] = input.annotations;
  if (!first || !second) {
    throw new Error("The fixtures need two annotations.");
  }
  const values = [
    {
      dimension: "stance",
      text: null,
      target: "the alliance",
      holder: "the minister",
      linkedAnnotationId: null,
    },
    {
      dimension: "sourcing",
      text: null,
      target: null,
      holder: null,
      linkedAnnotationId: second.id,
    },
  ];
  // As the server loads them: every row of the highlight carries all its values.
  for (const row of input.annotations.filter((annotation) => annotation.id === first.id)) {
    row.values = values;
  }
  const document = input.documents.find((candidate) => candidate.id === first.documentId);
  if (document) {
    document.answers = [
      { annotator: "annotator-1", dimension: "genre", labels: ["reporting"], text: null },
      { annotator: "annotator-2", dimension: "verdict", labels: [], text: "Mostly accurate" },
    ];
  }
  return input;
}

describe("[export] typed field values and document answers", () => {
  it("JSONL writes values on every span of the highlight and answers in meta, and reads values back", () => {
    const input = withValues();
    const first = input.annotations[0];
    const lines = serializeJsonl(input)
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const line = lines.find(
      (candidate) => (candidate.meta as { id: string }).id === first?.documentId,
    );
    const items = [
      ...((line?.spans as Record<string, unknown>[]) ?? []),
      ...((line?.notes as Record<string, unknown>[]) ?? []),
    ].filter((item) => item.annotation_id === first?.id);

    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.values).toEqual([
        {
          dimension: "stance",
          text: null,
          target: "the alliance",
          holder: "the minister",
          linked_annotation_id: null,
        },
        {
          dimension: "sourcing",
          text: null,
          target: null,
          holder: null,
          linked_annotation_id: input.annotations[1]?.id,
        },
      ]);
    }
    expect((line?.meta as Record<string, unknown>).document_answers).toEqual([
      { annotator: "annotator-1", dimension: "genre", labels: ["reporting"], text: null },
      { annotator: "annotator-2", dimension: "verdict", labels: [], text: "Mostly accurate" },
    ]);

    const parsed = parseJsonl(serializeJsonl(input));
    const back = parsed.annotations.find(
      (annotation) => annotation.id === first?.id && annotation.dimension === first.dimension,
    );
    expect(back?.values).toEqual(first?.values);
  });

  it("W3C writes values under the Framewise term, with links as annotation IRIs", () => {
    const input = withValues();
    const first = input.annotations[0];
    const collection = buildW3cCollection(input, { baseUrl: "https://fw.example" });
    const item = collection.first?.items.find((candidate) =>
      candidate.id.startsWith(`https://fw.example/annotations/${first?.id ?? ""}`),
    );

    expect(item?.[framewiseTerms.fieldValues]).toEqual([
      { dimension: "stance", target: "the alliance", holder: "the minister" },
      {
        dimension: "sourcing",
        link: `https://fw.example/annotations/${input.annotations[1]?.id ?? ""}`,
      },
    ]);
  });
});
