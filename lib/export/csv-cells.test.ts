// The CSV writer quotes cells itself (for speed, see csv.ts); this compares it with
// csv-stringify, which it replaced, on random text full of the characters that matter.
// One deliberate difference: with record_delimiter "\n", csv-stringify left a carriage
// return that is not followed by "\n" unquoted, which ends the row early for Python's csv
// module and Excel; such cells are quoted now.
import { writeFileSync } from "node:fs";
import path from "node:path";

import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { serializeCsv, writeFormulaSafeCell, writePlainCell } from "./csv";
import { buildFixtureExport } from "./testing/export-fixtures";
import { createTempDir, runPython } from "./testing/run-python";

const pythonComments = String.raw`
import csv, json, sys
with open(sys.argv[1], encoding="utf-8", newline="") as handle:
    print(json.dumps({row["annotation_id"] + "/" + row["dimension"]: row["comment"] for row in csv.DictReader(handle)}))
`;

const awkwardCharacter = fc.constantFrom(
  '"',
  ",",
  "\n",
  "\r",
  "\t",
  "=",
  "+",
  "-",
  "@",
  "'",
  " ",
  "a",
  "\uFF1D",
  "\uFF0B",
  "\uFF0D",
  "\uFF20",
  "\u2028",
  "😀",
  "\ud800",
);
const cell = fc.oneof(
  fc.string({ unit: awkwardCharacter, maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
);
const record = fc.array(cell, { minLength: 1, maxLength: 6 });
const hasBareCarriageReturn = (cells: string[]) => cells.some((value) => /\r(?!\n)/.test(value));

describe("[export] CSV cells", () => {
  it("are written exactly as csv-stringify writes them", () => {
    fc.assert(
      fc.property(record, (cells) => {
        fc.pre(!hasBareCarriageReturn(cells));
        expect(`${cells.map(writePlainCell).join(",")}\n`).toBe(
          stringify([cells], { record_delimiter: "\n" }),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it("escape formulas exactly as csv-stringify's escape_formulas does", () => {
    fc.assert(
      fc.property(record, (cells) => {
        fc.pre(!hasBareCarriageReturn(cells));
        expect(`${cells.map(writeFormulaSafeCell).join(",")}\n`).toBe(
          stringify([cells], { record_delimiter: "\n", escape_formulas: true }),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it("quote a carriage return on its own, so the row survives csv readers", () => {
    expect(writePlainCell("one\rtwo")).toBe('"one\rtwo"');
    expect(writeFormulaSafeCell("\r=1")).toBe(`"'\r=1"`);

    const input = buildFixtureExport();
    const [first, ...rest] = input.annotations;
    const changed = { ...first!, comment: "before\rafter" };
    const directory = createTempDir("framewise-csv-cr-");
    const file = path.join(directory, "export.csv");
    writeFileSync(file, serializeCsv({ ...input, annotations: [changed, ...rest] }), "utf8");

    const comments = runPython(pythonComments, [file]) as Record<string, string>;

    expect(comments[`${changed.id}/${changed.dimension ?? ""}`]).toBe("before\rafter");
  });
});
