import { writeFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  getConllDimensions,
  parseConll,
  serializeConll,
  serializeConllDocument,
  serializeConllHeader,
} from "./conll";
import { awkwardLabel, buildFixtureExport } from "./testing/export-fixtures";
import { createTempDir, runPython } from "./testing/run-python";
import type { ExportAnnotation, ExportDocument } from "./types";

function row(
  document: ExportDocument,
  id: string,
  dimension: string,
  labels: string[],
  phrase: string,
): ExportAnnotation {
  const index = document.text.indexOf(phrase);
  const start = [...document.text.slice(0, index)].length;
  const end = start + [...phrase].length;

  return {
    id,
    documentId: document.id,
    documentVersion: document.version,
    annotator: "annotator-1",
    start,
    end,
    exact: phrase,
    prefix: "",
    suffix: "",
    dimension,
    labels,
    comment: "",
    confidence: null,
    origin: "person",
    reviewState: "gold",
    createdAt: new Date("2025-01-01T00:00:00.000Z"),
    updatedAt: new Date("2025-01-01T00:00:00.000Z"),
  };
}

const small: ExportDocument = {
  id: "d1",
  title: "Small",
  text: "Fake 👍 news, reckless plan.\n\nCritics say no.",
  version: 2,
  textHash: "abc",
  sourceUrl: null,
  outlet: null,
  author: null,
  publishedAt: null,
  kind: "ARTICLE",
};

// Reads the CoNLL columns in Python and checks each token against text[START:END].
const pythonReader = String.raw`
import json, sys
texts = json.load(open(sys.argv[2], encoding="utf-8"))
doc = None
tokens = 0
with open(sys.argv[1], encoding="utf-8") as handle:
    header = handle.readline().rstrip("\n")
    assert header.startswith("# global.columns = TOKEN START END"), header
    columns = header[len("# global.columns = "):].split(" ")
    for line in handle:
        line = line.rstrip("\n")
        if line.startswith("# newdoc id = "):
            doc = line[len("# newdoc id = "):]
            continue
        if not line or (line.startswith("# ") and "\t" not in line):
            continue
        fields = line.split("\t")
        assert len(fields) == len(columns), line
        token, start, end = fields[0], int(fields[1]), int(fields[2])
        assert texts[doc][start:end] == token, (doc, start, end, token)
        for tag in fields[3:]:
            assert tag == "O" or tag[:2] in ("B-", "I-"), tag
        tokens += 1
print(json.dumps({"tokens": tokens, "columns": columns}))
`;

describe("[export] CoNLL / BIO", () => {
  it("writes tokens with code-point offsets and one BIO column per dimension", () => {
    const annotations = [
      row(small, "x1", "framing", ["Loaded_Language"], "reckless plan"),
      row(small, "x2", "stance", ["critical"], "👍 news, reckless"),
      row(small, "x3", "sourcing", ["vague_attribution"], "Critics say"),
    ];
    const { content, report } = serializeConll(
      { documents: [small], annotations },
      { dimensions: ["framing", "stance", "sourcing"] },
    );

    expect(content).toBe(
      [
        "# global.columns = TOKEN START END framing stance sourcing",
        "",
        "# newdoc id = d1",
        "# version = 2",
        "# text_hash = abc",
        "Fake\t0\t4\tO\tO\tO",
        "👍\t5\t6\tO\tB-critical\tO",
        "news\t7\t11\tO\tI-critical\tO",
        ",\t11\t12\tO\tI-critical\tO",
        "reckless\t13\t21\tB-Loaded_Language\tI-critical\tO",
        "plan\t22\t26\tI-Loaded_Language\tO\tO",
        ".\t26\t27\tO\tO\tO",
        "",
        "Critics\t29\t36\tO\tO\tB-vague_attribution",
        "say\t37\t40\tO\tO\tI-vague_attribution",
        "no\t41\t43\tO\tO\tO",
        ".\t43\t44\tO\tO\tO",
        "",
      ].join("\n"),
    );
    expect(report.warningCount).toBe(0);
  });

  it("resolves overlaps within a dimension: longest first, then earliest, reported", () => {
    const annotations = [
      row(small, "long", "framing", ["Loaded_Language"], "news, reckless plan"),
      row(small, "inner", "framing", ["Exaggeration"], "reckless"),
      row(small, "same", "framing", ["Loaded_Language"], "news, reckless plan"),
      row(small, "first", "stance", ["critical"], "Fake 👍"),
      row(small, "second", "stance", ["neutral"], "👍 news"),
    ];
    const { content, report } = serializeConll({ documents: [small], annotations });
    const parsed = parseConll(content);

    expect(report).toMatchObject({
      warningCount: 2,
      overlapsDropped: 2,
      duplicatesMerged: 1,
      spansExpanded: 0,
    });
    expect(report.notices.map((notice) => [notice.kind, notice.annotationId])).toEqual(
      expect.arrayContaining([
        ["overlap", "inner"],
        ["duplicate", "same"],
        ["overlap", "second"],
      ]),
    );
    expect(
      parsed.documents[0]?.spans.map((span) => [span.dimension, span.label, span.start, span.end]),
    ).toEqual([
      ["stance", "critical", 0, 6],
      ["framing", "Loaded_Language", 7, 26],
    ]);
  });

  it("round-trips the fixture spans at token granularity and counts every conflict", () => {
    const input = buildFixtureExport();
    const { content, report } = serializeConll(input);
    const parsed = parseConll(content);
    const find = (id: string, dimension: string) =>
      input.annotations.find((a) => a.id === id && a.dimension === dimension)!;
    const span = (id: string, dimension: string, label: string, end?: number) => {
      const annotation = find(id, dimension);
      return { dimension, label, start: annotation.start, end: end ?? annotation.end };
    };
    const spansOf = (id: string) =>
      parsed.documents
        .find((document) => document.id === id)
        ?.spans.map(({ dimension, label, start, end }) => ({ dimension, label, start, end }));
    const byPosition = (
      a: { start: number; dimension: string },
      b: { start: number; dimension: string },
    ) => a.start - b.start || a.dimension.localeCompare(b.dimension);

    expect(parsed.dimensions).toEqual(["stance", "sourcing", "accuracy", "framing"]);
    expect(parsed.documents.map((d) => [d.id, d.version, d.textHash])).toEqual(
      input.documents.map((d) => [d.id, d.version, d.textHash]),
    );

    // "eastern Donbas regio" ends inside "region": widened by one code point.
    expect(spansOf("doc-wire")?.sort(byPosition)).toEqual(
      [
        span("w1", "framing", "Loaded_Language"),
        span("w2", "sourcing", "named_person"),
        span("w3", "accuracy", "accurate"),
        span("w4", "stance", "neutral", find("w4", "stance").end + 1),
      ].sort(byPosition),
    );
    // a2 (across the paragraph break, longest) beats a1's framing row; its first label by key
    // wins; a3 beats the nested a4; a8 repeats a3.
    expect(spansOf("doc-blog")?.sort(byPosition)).toEqual(
      [
        span("a1", "stance", "critical"),
        span("a2", "framing", "Doubt"),
        span("a9", "sourcing", "no_source"),
        span("a3", "framing", "Loaded_Language"),
        span("a5", "sourcing", "vague_attribution"),
        span("a6", "accuracy", "misleading"),
      ].sort(byPosition),
    );
    expect(report).toMatchObject({
      warningCount: 5,
      overlapsDropped: 4,
      duplicatesMerged: 1,
      spansExpanded: 1,
      spansWithoutTokens: 0,
    });
    expect(
      report.notices
        .filter((notice) => notice.kind === "overlap")
        .map((notice) => [notice.annotationId, notice.label])
        .sort(),
    ).toEqual([
      ["a1", "Loaded_Language"],
      ["a2", awkwardLabel],
      ["a4", "Exaggeration-Minimisation"],
      ["w1", awkwardLabel],
    ]);
  });

  it("is read by Python: every token equals text[START:END]", () => {
    const input = buildFixtureExport();
    const directory = createTempDir("framewise-conll-");
    const file = path.join(directory, "export.conll");
    const textFile = path.join(directory, "texts.json");
    const { content } = serializeConll(input);
    writeFileSync(file, content, "utf8");
    writeFileSync(
      textFile,
      JSON.stringify(Object.fromEntries(input.documents.map((d) => [d.id, d.text]))),
      "utf8",
    );

    const result = runPython(pythonReader, [file, textFile]) as {
      tokens: number;
      columns: string[];
    };
    const parsed = parseConll(content);

    expect(result.tokens).toBe(parsed.documents.reduce((sum, d) => sum + d.tokens.length, 0));
    expect(result.columns.slice(3)).toEqual(getConllDimensions(input));
  });

  it("streams: header plus per-document parts equal the whole export", () => {
    const input = buildFixtureExport();
    const dimensions = getConllDimensions(input);
    const streamed =
      serializeConllHeader(dimensions) +
      input.documents
        .map(
          (document) =>
            serializeConllDocument(
              document,
              input.annotations.filter((a) => a.documentId === document.id),
              dimensions,
            ).content,
        )
        .join("");

    expect(streamed).toBe(serializeConll(input).content);
  });

  it("writes a valid file for an empty export and refuses bad input", () => {
    const empty = serializeConll({ documents: [], annotations: [] });
    expect(empty.content).toBe("# global.columns = TOKEN START END\n");
    expect(parseConll(empty.content)).toEqual({ dimensions: [], documents: [] });

    const input = buildFixtureExport();
    input.annotations.find((a) => a.id === "w2")!.exact = "«We have";
    expect(() => serializeConll(input)).toThrow(/Annotation "w2": the quote/);

    expect(() => serializeConllHeader(["two words"])).toThrow(/cannot be a CoNLL column/);
    expect(() => parseConll("Fake\t0\t4\n")).toThrow(/must start with "# global.columns/);
    expect(() =>
      parseConll("# global.columns = TOKEN START END x\n# newdoc id = a\nFake\t0\t4\tZ-y\n"),
    ).toThrow(/Line 3: "Z-y" is not a BIO tag/);
  });
});
