// Pins the exact bytes the JSONL and CSV adapters write for the fixture export plus one
// document of awkward characters, whole and per document (the streaming entry points), so
// changes made for speed provably leave every file unchanged. The expected files in
// testing/__golden__/ were written before the serializers were optimised; `UPDATE_GOLDEN=1`
// rewrites them, only for a deliberate change of format.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { serializeCsv, serializeCsvHeader, serializeCsvRows } from "./csv";
import { serializeJsonl, serializeJsonlLine } from "./jsonl";
import { buildFixtureExport } from "./testing/export-fixtures";
import type { ExportAnnotation, ExportDocument, ExportInput } from "./types";

const goldenFolder = path.join(import.meta.dirname, "testing", "__golden__");

// Line breaks JSON leaves raw (U+2028, U+2029, U+0085), a lone surrogate, control
// characters, quotes, commas, CR and LF, cells that look like formulas, a negative and a
// fractional confidence.
const awkwardText =
  '=HYPERLINK("x")\u2028para\u2029graph\u0085next \ud800 lone; -5 degrees, +1 @home\r\n\ttab \u0001 end 😀.';

function awkwardInput(): ExportInput {
  const document: ExportDocument = {
    id: "doc-awkward",
    title: 'Awkward \u2028 "title", with\nnewline',
    text: awkwardText,
    version: 2,
    textHash: "0".repeat(64),
    sourceUrl: 'https://example.org/a?b="c"',
    outlet: "=Outlet",
    author: "-Author",
    publishedAt: new Date("1999-12-31T23:59:59.999Z"),
    kind: "AI_ANALYSIS",
  };
  const points = Array.from(awkwardText);
  const row = (
    id: string,
    start: number,
    end: number,
    rest: Partial<ExportAnnotation>,
  ): ExportAnnotation => ({
    id,
    documentId: document.id,
    documentVersion: 2,
    annotator: "@annotator",
    start,
    end,
    exact: points.slice(start, end).join(""),
    prefix: points.slice(Math.max(0, start - 32), start).join(""),
    suffix: points.slice(end, end + 32).join(""),
    dimension: "framing",
    labels: ["Doubt"],
    comment: "",
    confidence: null,
    origin: "person",
    reviewState: "pending",
    createdAt: new Date(Date.UTC(2020, 1, 29, 0, 0, 0, 1)),
    updatedAt: new Date(Date.UTC(2020, 1, 29, 23, 59, 59, 999)),
    ...rest,
  });

  return {
    documents: [document],
    annotations: [
      row("z1", 0, 16, { comment: '+cmd\u2028\r\n"x"', confidence: -5 }),
      row("z1", 0, 16, { dimension: "stance", labels: ["critical", "neutral"] }),
      row("z2", 15, 30, { dimension: null, labels: [], comment: "-note", confidence: 0.125 }),
      row("z3", 30, points.length, { origin: "suggestion", reviewState: "gold", labels: ["=a,b"] }),
    ],
    codebook: null,
  };
}

function perDocument(
  input: ExportInput,
  write: (document: ExportDocument, rows: ExportAnnotation[]) => string,
) {
  return input.documents
    .map((document) =>
      write(
        document,
        input.annotations.filter((annotation) => annotation.documentId === document.id),
      ),
    )
    .join("");
}

async function expectGolden(file: string, content: string) {
  const goldenFile = path.join(goldenFolder, file);
  const bytes = Buffer.from(content, "utf8");
  if (process.env.UPDATE_GOLDEN === "1") {
    await mkdir(goldenFolder, { recursive: true });
    await writeFile(goldenFile, bytes);
  }
  expect(existsSync(goldenFile), `${file} is missing; UPDATE_GOLDEN=1 writes it`).toBe(true);
  const expected = await readFile(goldenFile);

  // As text first for a readable diff (a lone surrogate is written as U+FFFD), then bytes.
  expect(bytes.toString("utf8")).toBe(expected.toString("utf8"));
  expect(bytes.equals(expected)).toBe(true);
}

describe("[export] serialized bytes", () => {
  const fixture = buildFixtureExport();
  const awkward = awkwardInput();
  const codebook = { key: "newsroom-review", version: 2 };

  it("JSONL, whole and per document, is the pinned file", async () => {
    await expectGolden("fixture.jsonl", serializeJsonl(fixture));
    await expectGolden("awkward.jsonl", serializeJsonl(awkward));
    await expectGolden(
      "fixture-lines.jsonl",
      perDocument(fixture, (document, rows) => serializeJsonlLine(document, rows, { codebook })) +
        perDocument(awkward, (document, rows) => serializeJsonlLine(document, rows)),
    );
  });

  it("CSV, whole and per document, with and without BOM and formula escaping, is the pinned file", async () => {
    await expectGolden("fixture.csv", serializeCsv(fixture));
    await expectGolden("awkward.csv", serializeCsv(awkward));
    await expectGolden(
      "awkward-bom-formulas.csv",
      serializeCsv(awkward, { bom: true, escapeFormulas: true }),
    );
    await expectGolden(
      "fixture-rows.csv",
      serializeCsvHeader() +
        perDocument(fixture, (document, rows) => serializeCsvRows(document, rows)) +
        serializeCsvHeader({ bom: true }) +
        perDocument(awkward, (document, rows) =>
          serializeCsvRows(document, rows, { escapeFormulas: true }),
        ),
    );
  });
});
