import { writeFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseJsonl, serializeJsonl, serializeJsonlLine } from "./jsonl";
import { orderAnnotations } from "./prepare-export";
import { buildFixtureExport } from "./testing/export-fixtures";
import { createTempDir, runPython } from "./testing/run-python";

// Loads the JSONL with Python's json module and checks text[start:end] == quote for every
// span and note, as spaCy or Prodigy would slice it.
const pythonReader = String.raw`
import json, sys
checked = 0
labels = []
docs = []
with open(sys.argv[1], encoding="utf-8") as handle:
    for line in handle:
        record = json.loads(line)
        text = record["text"]
        docs.append(record["meta"]["id"])
        assert record["meta"]["offset_unit"] == "code_point"
        for item in record["spans"] + record["notes"]:
            got = text[item["start"]:item["end"]]
            assert got == item["text"], (item["annotation_id"], got, item["text"])
            assert text[max(0, item["start"] - len(item["prefix"])):item["start"]] == item["prefix"]
            assert text[item["end"]:item["end"] + len(item["suffix"])] == item["suffix"]
            checked += 1
        labels += [span["label"] for span in record["spans"]]
print(json.dumps({"checked": checked, "labels": labels, "docs": docs}))
`;

describe("[export] JSONL", () => {
  it("writes one line per document with label spans and notes apart", () => {
    const input = buildFixtureExport();
    const content = serializeJsonl(input);
    const lines = content.split("\n");

    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");

    const blog = JSON.parse(lines[1] ?? "") as {
      spans: { annotation_id: string; label: string; dimension: string }[];
      notes: { annotation_id: string }[];
      meta: Record<string, unknown>;
    };
    expect(blog.meta).toMatchObject({ id: "doc-blog", version: 1, offset_unit: "code_point" });
    expect(blog.notes.map((note) => note.annotation_id)).toEqual(["a7"]);
    // a2 has two labels in one dimension: two spans sharing the annotation id.
    expect(blog.spans.filter((span) => span.annotation_id === "a2").map((s) => s.label)).toEqual([
      'Slogans, "quoted"',
      "Doubt",
    ]);
  });

  it("round-trips documents and annotations exactly", () => {
    const input = buildFixtureExport();
    const parsed = parseJsonl(serializeJsonl(input));

    expect(parsed.documents).toEqual(input.documents);
    expect(parsed.annotations).toEqual(orderAnnotations(input));
  });

  it("streams: per-document lines concatenate to the whole export", () => {
    const input = buildFixtureExport();
    const streamed = input.documents
      .map((document) =>
        serializeJsonlLine(
          document,
          input.annotations.filter((annotation) => annotation.documentId === document.id),
          { codebook: input.codebook },
        ),
      )
      .join("");

    expect(streamed).toBe(serializeJsonl(input));
  });

  it("is read by Python with text[start:end] == quote for every span, emoji included", () => {
    const input = buildFixtureExport();
    const directory = createTempDir("framewise-jsonl-");
    const file = path.join(directory, "export.jsonl");
    writeFileSync(file, serializeJsonl(input), "utf8");

    const result = runPython(pythonReader, [file]) as {
      checked: number;
      labels: string[];
      docs: string[];
    };
    const expectedSpans = input.annotations.reduce(
      (sum, annotation) => sum + Math.max(1, annotation.labels.length),
      0,
    );

    expect(result.checked).toBe(expectedSpans);
    expect(result.docs).toEqual(["doc-wire", "doc-blog"]);
    expect(result.labels).toContain('Slogans, "quoted"');
  });

  it("escapes line separators so each document stays on one line", () => {
    const input = buildFixtureExport();
    const first = input.annotations[0]!;
    first.comment = "before\u2028after\u2029end\u0085";
    const content = serializeJsonl(input);

    expect(content.split("\n")).toHaveLength(3);
    expect(content).not.toMatch(/[\u2028\u2029\u0085]/);
    expect(parseJsonl(content).annotations.find((a) => a.id === "a1")?.comment).toBe(
      "before\u2028after\u2029end\u0085",
    );
  });

  it("writes an empty file for no documents and empty span lists for no annotations", () => {
    const input = buildFixtureExport();

    expect(serializeJsonl({ documents: [], annotations: [] })).toBe("");
    expect(parseJsonl("")).toEqual({ documents: [], annotations: [] });

    const bare = serializeJsonl({ documents: input.documents, annotations: [] });
    const parsed = parseJsonl(bare);
    expect(parsed.documents).toEqual(input.documents);
    expect(parsed.annotations).toEqual([]);
    expect(JSON.parse(bare.split("\n")[0] ?? "")).toMatchObject({ spans: [], notes: [] });
  });

  it("refuses to serialize a span whose quote does not match, and to parse one", () => {
    const input = buildFixtureExport();
    const row = input.annotations.find((annotation) => annotation.id === "w3")!;
    row.exact = "Russia occupies all of Ukraine";

    expect(() => serializeJsonl(input)).toThrow(/Annotation "w3": the quote/);

    const good = serializeJsonl(buildFixtureExport()).replace(
      '"text":"Currently, Russia occupies approximately 20% of Ukraine"',
      '"text":"Currently, Russia occupies approximately 90% of Ukraine"',
    );
    expect(() => parseJsonl(good)).toThrow(/Annotation "w3": the quote/);
  });

  it("reports malformed lines with their line number", () => {
    expect(() => parseJsonl('{"text": "x"}\n')).toThrow(/Line 1 at spans/);
    expect(() => parseJsonl("\nnot json\n")).toThrow(/Line 2: not valid JSON/);
  });
});
