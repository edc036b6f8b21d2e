import { describe, expect, it } from "vitest";

import { codePointLength, sliceByCodePoints } from "@/lib/anchoring/text-position";

import { orderAnnotations } from "./prepare-export";
import { buildFixtureExport } from "./testing/export-fixtures";
import {
  annotationContext,
  buildW3cAnnotation,
  buildW3cCollection,
  framewiseTerms,
  parseW3c,
  serializeW3c,
} from "./w3c";

const baseUrl = "https://framewise.example.org/";

type Json = Record<string, unknown>;

function isIri(value: unknown): boolean {
  return typeof value === "string" && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);
}

describe("[export] W3C Web Annotation", () => {
  it("writes a collection whose annotations have the required fields and types", () => {
    const input = buildFixtureExport();
    const json = JSON.parse(serializeW3c(input, { baseUrl })) as Json;
    const texts = new Map(
      input.documents.map((d) => [`https://framewise.example.org/documents/${d.id}`, d.text]),
    );

    expect(json["@context"]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(json.type).toBe("AnnotationCollection");
    expect(isIri(json.id)).toBe(true);
    expect(json.total).toBe(input.annotations.length);

    const page = json.first as Json;
    expect(page.type).toBe("AnnotationPage");
    expect(isIri(page.id)).toBe(true);
    expect(page.startIndex).toBe(0);

    const items = page.items as Json[];
    expect(items).toHaveLength(input.annotations.length);
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);

    for (const item of items) {
      expect(item.type).toBe("Annotation");
      expect(isIri(item.id)).toBe(true);
      expect(["classifying", "assessing", "commenting", "highlighting"]).toContain(item.motivation);
      expect(Number.isNaN(Date.parse(item.created as string))).toBe(false);
      expect(Number.isNaN(Date.parse(item.modified as string))).toBe(false);
      expect(["Person", "Software"]).toContain((item.creator as Json).type);
      expect(isIri((item.creator as Json).id)).toBe(true);

      const target = item.target as Json;
      expect(isIri(target.source)).toBe(true);
      const state = target.state as Json;
      expect(state.type).toBe("TimeState");
      expect(isIri(state.cached)).toBe(true);
      expect(Number.isNaN(Date.parse(state.sourceDate as string))).toBe(false);

      const selectors = target.selector as Json[];
      const quote = selectors.find((selector) => selector.type === "TextQuoteSelector")!;
      const position = selectors.find((selector) => selector.type === "TextPositionSelector")!;
      expect(typeof quote.exact).toBe("string");
      expect(Number.isInteger(position.start)).toBe(true);
      expect(Number.isInteger(position.end)).toBe(true);

      // Positions are code points: they slice the quote out of the document text.
      const text = texts.get(target.source as string)!;
      expect(position.end as number).toBeLessThanOrEqual(codePointLength(text));
      expect(sliceByCodePoints(text, position.start as number, position.end as number)).toBe(
        quote.exact,
      );

      for (const body of (item.body as Json[] | undefined) ?? []) {
        expect(["SpecificResource", "TextualBody"]).toContain(body.type);
        if (body.type === "SpecificResource") {
          expect(isIri(body.source)).toBe(true);
          expect(body.purpose).toBe(item.motivation);
        } else {
          expect(body).toMatchObject({ purpose: "commenting", format: "text/plain" });
        }
      }
    }
  });

  it("chooses motivations and creators by row", () => {
    const items = buildW3cCollection(buildFixtureExport(), { baseUrl }).first?.items ?? [];
    const byId = (id: string) =>
      items.find((item) => item.id === `https://framewise.example.org/annotations/${id}`);

    expect(byId("a6/accuracy")?.motivation).toBe("assessing");
    expect(byId("a6/accuracy")?.creator).toMatchObject({
      type: "Software",
      name: "suggester-model",
    });
    expect(byId("a3/framing")?.motivation).toBe("classifying");
    expect(byId("a3/framing")?.creator).toMatchObject({ type: "Person", nickname: "annotator-1" });
    expect(byId("a7")?.motivation).toBe("commenting");
    expect(byId("a7")?.body).toEqual([
      {
        type: "TextualBody",
        purpose: "commenting",
        value: "Heading pun,\tworth a look.",
        format: "text/plain",
      },
    ]);
    // Label keys with commas and quotes are percent-encoded in the label IRI.
    expect(byId("a2/framing")?.body?.[0]).toMatchObject({
      source:
        "https://framewise.example.org/codebooks/newsroom-review/versions/2/dimensions/framing/labels/Slogans%2C%20%22quoted%22",
    });
    expect(byId("a3/framing")?.target.state.cached).toBe(
      "https://framewise.example.org/documents/doc-blog/versions/1",
    );
    expect(byId("a3/framing")?.[framewiseTerms.reviewState]).toBe("pending");
    expect(byId("a4/framing")?.[framewiseTerms.confidence]).toBeUndefined();
  });

  it("round-trips every row", () => {
    const input = buildFixtureExport();
    const parsed = parseW3c(serializeW3c(input, { baseUrl }), { baseUrl });

    expect(parsed).toEqual(orderAnnotations(input));
  });

  it("writes and reads a single annotation with its own @context", () => {
    const input = buildFixtureExport();
    const row = input.annotations.find((annotation) => annotation.id === "w3")!;
    const document = input.documents.find((d) => d.id === row.documentId)!;
    const annotation = buildW3cAnnotation(row, document, { baseUrl, codebook: input.codebook });

    expect(annotation["@context"]).toBe(annotationContext);
    expect(parseW3c(annotation, { baseUrl })).toEqual([row]);
  });

  it("writes an empty collection with total 0 and no first page", () => {
    const json = JSON.parse(serializeW3c({ documents: [], annotations: [] }, { baseUrl })) as Json;

    expect(json).toMatchObject({
      "@context": annotationContext,
      type: "AnnotationCollection",
      total: 0,
    });
    expect(json.first).toBeUndefined();
    expect(parseW3c(json, { baseUrl })).toEqual([]);
  });

  it("refuses a mismatched quote on serialize and foreign or incomplete annotations on parse", () => {
    const input = buildFixtureExport();
    input.annotations.find((annotation) => annotation.id === "a9")!.exact = "Here’s";
    expect(() => serializeW3c(input, { baseUrl })).toThrow(/Annotation "a9": the quote/);

    const good = buildW3cCollection(buildFixtureExport(), { baseUrl });
    expect(() => parseW3c(good, { baseUrl: "https://elsewhere.example" })).toThrow(
      /is not under https:\/\/elsewhere.example\/annotations\//,
    );

    const item = structuredClone(good.first!.items[0]!);
    item.target.selector = [item.target.selector[0], item.target.selector[0]] as never;
    expect(() => parseW3c(item, { baseUrl })).toThrow(
      /needs both a TextQuoteSelector and a TextPositionSelector/,
    );
  });
});
