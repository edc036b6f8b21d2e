import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { toCsv } from "./to-csv";
import { collectDimensionSpans } from "./dimension-spans";
import {
  buildReliabilityMatrix,
  computeTokenAlpha,
  serializeReliabilityMatrix,
} from "./reliability-matrix";
import { makeSummitScenario } from "./testing/fixture-documents";
import { indexLabels } from "./types";

// Our CSV read by an independent Python reader (tests/python/krippendorff_reader.py) the way
// `krippendorff.alpha(reliability_data=...)` takes it, with its own textbook α. R's irr and
// the krippendorff package are not installable on this machine (docs/agreement.md).
const reader = path.resolve(process.cwd(), "tests/python/krippendorff_reader.py");
const python = spawnSync("python3", ["--version"], { encoding: "utf8" });
const hasPython = python.status === 0;
if (!hasPython) {
  console.warn("[reliability matrix] python3 is not installed: the Python reader test is skipped.");
}

const directory = mkdtempSync(path.join(tmpdir(), "framewise-matrix-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

type Reading = {
  annotators: string[];
  units: number;
  values: string[];
  alpha: number | null;
  undefined: string | null;
};

function readWithPython(csv: string, name: string): Reading {
  const file = path.join(directory, name);
  writeFileSync(file, csv);
  const result = spawnSync("python3", [reader, file], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(result.stderr);
  }
  return JSON.parse(result.stdout) as Reading;
}

const { wire, blog, dimensions, wireText, blogText } = makeSummitScenario();
const labels = indexLabels(dimensions);
const columns = [
  { id: "ana", header: "Ana" },
  { id: "ben", header: "Ben" },
  { id: "cleo", header: "Cleo" },
];

describe.skipIf(!hasPython)("the reliability matrix read by an independent Python reader", () => {
  it("reproduces Krippendorff's (2011) nominal example, α = 0.743, so the reader itself is right", () => {
    // Units in rows, coders A–D in columns, "NA" missing: the file layout we write.
    const coders = [
      "1 2 3 3 2 1 4 1 2 NA NA NA",
      "1 2 3 3 2 2 4 1 2 5 NA 3",
      "NA 3 3 3 2 3 4 2 2 5 1 NA",
      "1 2 3 3 2 4 4 1 2 5 1 NA",
    ].map((line) => line.split(" "));
    const csv = toCsv(
      ["unit", "A", "B", "C", "D"],
      coders[0]!.map((_, unit) => [`u${unit + 1}`, ...coders.map((coder) => coder[unit]!)]),
    );
    expect(readWithPython(csv, "krippendorff-2011.csv").alpha).toBeCloseTo(0.743, 3);
  });

  for (const dimensionKey of ["framing", "sourcing", "accuracy"]) {
    it(`gives the same α as Framewise for ${dimensionKey}, one document and two pooled (to 1e-9)`, () => {
      const dimension = dimensions.find((candidate) => candidate.key === dimensionKey)!;
      const documents = [
        {
          id: wire.id,
          text: wireText,
          annotators: collectDimensionSpans(wire, dimension, ["ana", "ben", "cleo"]),
        },
        {
          id: blog.id,
          text: blogText,
          annotators: collectDimensionSpans(blog, dimension, ["ana", "ben"]),
        },
      ];
      const labelKey = (id: string) => labels.get(id)!.label.key;

      for (const pool of [documents.slice(0, 1), documents]) {
        const matrix = buildReliabilityMatrix({ documents: pool, columns, labelKey });
        const csv = serializeReliabilityMatrix(
          matrix,
          new Map(pool.map((document, index) => [document.id, `d${index + 1}`])),
        );
        const ours = computeTokenAlpha(pool);
        const theirs = readWithPython(csv, `${dimensionKey}-${pool.length}.csv`);

        expect(theirs.annotators).toEqual(["Ana", "Ben", "Cleo"]);
        expect(theirs.units).toBe(matrix.units.length);
        if (ours.defined) {
          expect(theirs.alpha).not.toBeNull();
          expect(Math.abs(theirs.alpha! - ours.value)).toBeLessThan(1e-9);
        } else {
          expect(theirs.alpha).toBeNull();
        }
      }
    });
  }
});
