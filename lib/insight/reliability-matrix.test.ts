import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import {
  computeDimensionAgreement,
  computeKrippendorffAlpha,
  tokenizeWords,
} from "@/lib/agreement";

import { collectDimensionSpans } from "./dimension-spans";
import {
  buildReliabilityMatrix,
  computeMatrixAlpha,
  computeTokenAlpha,
  MatrixTooLargeError,
  serializeReliabilityMatrix,
  uniqueHeaders,
} from "./reliability-matrix";
import { makeSummitScenario } from "./testing/fixture-documents";
import { indexLabels } from "./types";

const { wire, blog, dimensions, wireText, blogText } = makeSummitScenario();
const labels = indexLabels(dimensions);
const labelKey = (id: string) => labels.get(id)!.label.key;
const framing = dimensions.find((dimension) => dimension.key === "framing")!;
const columns = [
  { id: "ana", header: "Ana" },
  { id: "ben", header: "Ben" },
  { id: "cleo", header: "Cleo" },
];

describe("the reliability matrix of one document", () => {
  const annotators = collectDimensionSpans(wire, framing, ["ana", "ben", "cleo"]);
  const matrix = buildReliabilityMatrix({
    documents: [{ id: wire.id, text: wireText, annotators }],
    columns,
    labelKey,
  });

  it("has one row per word token and one column per annotator", () => {
    expect(matrix.units).toHaveLength(tokenizeWords(wireText).length);
    expect(matrix.values.every((row) => row.length === 3)).toBe(true);
    const assertive = matrix.units.findIndex((unit) => unit.text === "assertive");
    expect(matrix.values[assertive]).toEqual([
      "Loaded_Language",
      "Loaded_Language",
      "Name_Calling-Labeling",
    ]);
    expect(matrix.values[0]).toEqual(["O", "O", "O"]);
  });

  it("gives the same α as the token α on the page, from the matrix and without it", () => {
    const onPage = computeDimensionAgreement({
      textLength: Array.from(wireText).length,
      text: wireText,
      labels: framing.labels.map((label) => label.id),
      annotators,
    }).overall.tokens.krippendorffAlpha;
    const fromMatrix = computeMatrixAlpha(matrix);
    const direct = computeTokenAlpha([{ id: wire.id, text: wireText, annotators }]);
    // What R's irr or Python's krippendorff do with the file: rows are annotators there.
    const transposed = columns.map((_, column) => matrix.values.map((row) => row[column] ?? null));
    const independent = computeKrippendorffAlpha(transposed, { level: "nominal" });

    expect(onPage.defined && fromMatrix.defined && direct.defined && independent.defined).toBe(
      true,
    );
    if (onPage.defined && fromMatrix.defined && direct.defined && independent.defined) {
      expect(fromMatrix.value).toBeCloseTo(onPage.value, 12);
      expect(direct.value).toBeCloseTo(onPage.value, 12);
      expect(independent.value).toBeCloseTo(onPage.value, 12);
      expect(fromMatrix.n.annotators).toBe(3);
    }
  });

  it("serialises as CSV: a unit column, annotator columns, label keys, O and NA", () => {
    const rows = parse(serializeReliabilityMatrix(matrix)) as string[][];

    expect(rows[0]).toEqual(["unit", "Ana", "Ben", "Cleo"]);
    expect(rows).toHaveLength(matrix.units.length + 1);
    expect(rows[1]).toEqual(["0-7 Western", "O", "O", "O"]);
    expect(rows.find((row) => row[0]!.endsWith(" assertive"))!.slice(1)).toEqual([
      "Loaded_Language",
      "Loaded_Language",
      "Name_Calling-Labeling",
    ]);
    expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(matrix.units.length);
  });
});

describe("the reliability matrix of a collection", () => {
  const documents = [
    {
      id: wire.id,
      text: wireText,
      annotators: collectDimensionSpans(wire, framing, ["ana", "ben", "cleo"]),
    },
    {
      id: blog.id,
      text: blogText,
      annotators: collectDimensionSpans(blog, framing, ["ana", "ben"]),
    },
  ];
  const matrix = buildReliabilityMatrix({ documents, columns, labelKey });

  it("marks annotators who did not annotate a document NA, and handles the blog's emoji", () => {
    const blogRows = matrix.units.flatMap((unit, index) =>
      unit.documentId === "blog" ? [matrix.values[index]!] : [],
    );
    expect(blogRows.every((row) => row[2] === null)).toBe(true);
    expect(matrix.units.some((unit) => unit.documentId === "blog" && unit.text === "🔹")).toBe(
      true,
    );

    const csv = serializeReliabilityMatrix(
      matrix,
      new Map([
        ["wire", "d1"],
        ["blog", "d2"],
      ]),
    );
    const rows = parse(csv) as string[][];
    expect(rows.at(-1)![0]).toMatch(/^d2 \d+-\d+ Post$/);
    expect(rows.at(-1)![3]).toBe("NA");
  });

  it("pools both documents: α over the matrix equals α counted per token", () => {
    const pooled = computeTokenAlpha(documents);
    const fromMatrix = computeMatrixAlpha(matrix);

    expect(pooled.defined && fromMatrix.defined).toBe(true);
    if (pooled.defined && fromMatrix.defined) {
      expect(pooled.value).toBeCloseTo(fromMatrix.value, 12);
      expect(pooled.n.annotators).toBe(3);
    }
  });

  it("is undefined with a reason when annotators never share a document", () => {
    const apart = computeTokenAlpha([
      { id: "wire", text: wireText, annotators: [documents[0]!.annotators[0]!] },
      { id: "blog", text: blogText, annotators: [documents[1]!.annotators[1]!] },
    ]);

    expect(apart).toMatchObject({ defined: false, code: "no-pairable-units" });
  });

  it("refuses a matrix past the cell limit with a message", () => {
    const many = Array.from({ length: 2_000 }, (_, index) => ({
      id: `a${index}`,
      header: `A${index}`,
    }));
    expect(() => buildReliabilityMatrix({ documents, columns: many, labelKey })).toThrow(
      MatrixTooLargeError,
    );
  });

  it("keeps column names distinct", () => {
    expect(uniqueHeaders(["Ana", "Ben", "Ana"])).toEqual(["Ana", "Ben", "Ana (2)"]);
  });
});
