import { writeFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { csvColumns, parseCsv, serializeCsv, serializeCsvHeader, serializeCsvRows } from "./csv";
import { orderAnnotations } from "./prepare-export";
import { awkwardLabel, buildFixtureExport } from "./testing/export-fixtures";
import { createTempDir, runPython } from "./testing/run-python";

// Reads the CSV with Python's csv module (as pandas' python engine does) and checks every
// row's quote against the document text by code point.
const pythonReader = String.raw`
import csv, json, sys
texts = json.load(open(sys.argv[2], encoding="utf-8"))
with open(sys.argv[1], encoding="utf-8-sig", newline="") as handle:
    reader = csv.DictReader(handle)
    header = reader.fieldnames
    rows = list(reader)
for row in rows:
    text = texts[row["document_id"]]
    start, end = int(row["start"]), int(row["end"])
    assert text[start:end] == row["quote"], (row["annotation_id"], text[start:end], row["quote"])
    if row["confidence"]:
        float(row["confidence"])
print(json.dumps({
    "header": header,
    "rows": len(rows),
    "labels": [row["label"] for row in rows],
    "comments": {row["annotation_id"]: row["comment"] for row in rows},
}))
`;

describe("[export] CSV", () => {
  it("writes a header and one row per label, notes with empty dimension and label", () => {
    const input = buildFixtureExport();
    const content = serializeCsv(input);
    const rows = parseCsv(content);

    expect(content.startsWith(`${csvColumns.join(",")}\n`)).toBe(true);
    // Quotes are doubled inside a quoted field (RFC 4180).
    expect(content).toContain('"Slogans, ""quoted"""');
    expect(rows.find((row) => row.id === "a7")).toMatchObject({ dimension: null, labels: [] });
  });

  it("round-trips annotations, including commas, quotes, tabs and multi-line comments", () => {
    const input = buildFixtureExport();
    const parsed = parseCsv(serializeCsv(input));

    expect(parsed).toEqual(orderAnnotations(input));
    expect(parsed.find((row) => row.id === "a2")?.comment).toContain("\r\nand a CRLF");
  });

  it("is read by Python's csv module with text[start:end] == quote on every row", () => {
    const input = buildFixtureExport();
    const directory = createTempDir("framewise-csv-");
    const csvFile = path.join(directory, "export.csv");
    const textFile = path.join(directory, "texts.json");
    writeFileSync(csvFile, serializeCsv(input, { bom: true }), "utf8");
    writeFileSync(
      textFile,
      JSON.stringify(Object.fromEntries(input.documents.map((d) => [d.id, d.text]))),
      "utf8",
    );

    const result = runPython(pythonReader, [csvFile, textFile]) as {
      header: string[];
      rows: number;
      labels: string[];
      comments: Record<string, string>;
    };
    const labelRows = input.annotations.reduce(
      (sum, annotation) => sum + Math.max(1, annotation.labels.length),
      0,
    );

    expect(result.header).toEqual([...csvColumns]);
    expect(result.rows).toBe(labelRows);
    expect(result.labels).toContain(awkwardLabel);
    expect(result.comments.a2).toBe(
      input.annotations.find((annotation) => annotation.id === "a2")?.comment,
    );
    expect(result.comments.a7).toBe("Heading pun,\tworth a look.");
  });

  it("streams: header plus per-document rows equal the whole export", () => {
    const input = buildFixtureExport();
    const streamed =
      serializeCsvHeader() +
      input.documents
        .map((document) =>
          serializeCsvRows(
            document,
            input.annotations.filter((annotation) => annotation.documentId === document.id),
          ),
        )
        .join("");

    expect(streamed).toBe(serializeCsv(input));
  });

  it("writes a header-only file for an empty export", () => {
    const content = serializeCsv({ documents: [], annotations: [] });

    expect(content).toBe(`${csvColumns.join(",")}\n`);
    expect(parseCsv(content)).toEqual([]);
  });

  it("escapes spreadsheet formulas only when asked", () => {
    const input = buildFixtureExport();
    const row = input.annotations.find((annotation) => annotation.id === "a5")!;
    row.comment = '=HYPERLINK("https://evil.example")';

    expect(serializeCsv(input)).toContain('"=HYPERLINK(');
    expect(serializeCsv(input, { escapeFormulas: true })).toContain("'=HYPERLINK(");
  });

  it("refuses a mismatched quote on serialize and malformed files on parse", () => {
    const input = buildFixtureExport();
    input.annotations.find((annotation) => annotation.id === "a6")!.exact = "critics say";

    expect(() => serializeCsv(input)).toThrow(/Annotation "a6": the quote "critics say"/);
    expect(() => parseCsv("a,b\n1,2\n")).toThrow(/header must be/);

    const good = serializeCsv(buildFixtureExport());
    const [header, firstRow = ""] = good.split("\n");
    const broken = `${header}\n${firstRow.replace(/,person,/, ",robot,")}\n`;
    expect(() => parseCsv(broken)).toThrow(/Row 2: origin must be one of person, suggestion/);
  });
});
