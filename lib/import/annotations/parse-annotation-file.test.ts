import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors/app-error";
import { framewiseTerms } from "@/lib/export/w3c";

import { detectAnnotationFormat, parseAnnotationFile } from "./parse-annotation-file";

describe("reading annotation files", () => {
  it("[imports] detects the format from the extension, else from the content", () => {
    expect(detectAnnotationFormat("{}", "a.jsonl")).toBe("jsonl");
    expect(detectAnnotationFormat("{}", "a.ndjson")).toBe("jsonl");
    expect(detectAnnotationFormat("{}", "a.jsonld")).toBe("w3c");
    expect(detectAnnotationFormat('{"text": "x", "spans": []}\n{"text": "y"}', "upload")).toBe(
      "jsonl",
    );
    expect(detectAnnotationFormat('[{"type": "Annotation"}]', "upload")).toBe("w3c");
    expect(
      detectAnnotationFormat('{\n  "@context": "http://www.w3.org/ns/anno.jsonld"\n}', "upload"),
    ).toBe("w3c");
    // A broken first line of JSONL is still JSONL, so the reader reports it by number.
    expect(detectAnnotationFormat('{"text": "x", "spans": [\n{"text": "y"}', "upload")).toBe(
      "jsonl",
    );
  });

  it("[imports] reads W3C annotations written by another tool, without our base URL", () => {
    const file = parseAnnotationFile(
      JSON.stringify([
        {
          "@context": "http://www.w3.org/ns/anno.jsonld",
          id: "urn:uuid:5f0c",
          type: "Annotation",
          creator: "https://coders.example/people/ana",
          body: [
            {
              type: "SpecificResource",
              source:
                "https://other.example/codebooks/newsroom-review/versions/1/dimensions/framing/labels/Doubt",
            },
            { type: "TextualBody", value: "Hedged." },
          ],
          target: {
            source: "https://other.example/documents/abc123",
            [framewiseTerms.textHash]: "ffff",
            selector: [
              { type: "TextQuoteSelector", exact: "may" },
              { type: "TextPositionSelector", start: 4, end: 7 },
            ],
          },
        },
      ]),
      { fileName: "hypothesis.json" },
    );
    expect(file.problems).toEqual([]);
    expect(file.annotations[0]).toMatchObject({
      externalId: "urn:uuid:5f0c",
      annotator: "https://coders.example/people/ana",
      document: { id: "abc123", textHash: "ffff", text: null },
      codebook: { key: "newsroom-review", version: 1 },
      labels: [{ dimension: "framing", label: "Doubt" }],
      comment: "Hedged.",
      start: 4,
      end: 7,
      exact: "may",
      origin: "person",
      reviewState: "pending",
    });
  });

  it("[imports] reports W3C items it cannot read by position, and refuses a truncated W3C file", () => {
    const file = parseAnnotationFile(
      JSON.stringify([
        {
          type: "Annotation",
          id: "x1",
          target: { selector: [{ type: "TextQuoteSelector", exact: "a" }] },
        },
        {
          type: "Annotation",
          id: "x2",
          body: { type: "SpecificResource", source: "https://x/tags/red" },
          target: {
            selector: [
              { type: "TextQuoteSelector", exact: "a" },
              { type: "TextPositionSelector", start: 0, end: 1 },
            ],
          },
        },
      ]),
      { fileName: "bad.json" },
    );
    expect(file.problems.map((problem) => problem.message)).toEqual([
      "Annotation 1 (x1): target.selector needs both a TextQuoteSelector and a TextPositionSelector.",
      'Annotation 2 (x2): body.source "https://x/tags/red" is not a label IRI (…/dimensions/<key>/labels/<key>).',
    ]);

    let error: unknown;
    try {
      parseAnnotationFile('{"type": "AnnotationCollection", "first": {"items": [', {
        fileName: "cut.json",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(
      /^The file is not valid JSON .*it may be truncated\.$/,
    );
  });

  it("[imports] refuses an empty file and offsets in other units", () => {
    expect(() => parseAnnotationFile("  \n", { fileName: "empty.jsonl" })).toThrow(
      /“empty\.jsonl” is empty/,
    );
    const file = parseAnnotationFile(
      JSON.stringify({ text: "abc", meta: { offset_unit: "utf16" }, spans: [] }),
      { fileName: "a.jsonl" },
    );
    expect(file.problems[0]?.message).toMatch(
      /^Line 1 at meta\.offset_unit: offset_unit must be "code_point"/,
    );
  });
});
