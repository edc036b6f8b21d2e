import { describe, expect, it } from "vitest";

import { createAgreement, createUndefined } from "@/lib/agreement";

import {
  formatCounts,
  formatMeasure,
  formatPercentTick,
  formatShare,
  formatValue,
  measureCell,
  reasonCell,
} from "./format-measure";
import { toCsv, toFileName } from "./to-csv";

describe("formatting agreement figures", () => {
  it("shows a value, or undefined with a reason in plain words", () => {
    const n = { units: 1234, annotators: 3, values: 3702 };
    expect(formatMeasure(createAgreement(0.71234, n, {}))).toBe("0.71");
    expect(formatMeasure(createAgreement(-0.25, n, {}))).toBe("−0.25");
    expect(formatValue(-0.0001)).toBe("0.00");
    expect(formatMeasure(createUndefined("too-few-annotators", "x", n))).toBe(
      "undefined: needs at least two annotators",
    );
    expect(formatCounts(createAgreement(0.5, n, {}), "tokens")).toBe(
      "n = 1,234 tokens, 3 annotators",
    );
  });

  it("gives CSV cells: numbers stay numbers, reasons get their own column", () => {
    const defined = createAgreement(0.5, { units: 1, annotators: 2, values: 2 }, {});
    const missing = createUndefined("no-variation", "x");
    expect([measureCell(defined), reasonCell(defined)]).toEqual([0.5, ""]);
    expect([measureCell(missing), reasonCell(missing)]).toEqual([
      "",
      expect.stringMatching(/^undefined: no variation/),
    ]);
    expect(
      toCsv(
        ["a", "b"],
        [
          ["=cmd()", -0.5],
          [null, "x,y"],
        ],
      ),
    ).toBe('a,b\n\'=cmd(),-0.5\n,"x,y"\n');
    expect(toFileName("Agreement: «Summit» — Framing")).toBe("agreement-summit-framing");
  });
});

describe("formatShare", () => {
  it("rounds to whole percent and keeps tiny shares visible", () => {
    expect(formatShare(0.1234)).toBe("12%");
    expect(formatShare(0.001)).toBe("<1%");
    expect(formatShare(0)).toBe("0%");
    expect(formatPercentTick(0.0025)).toBe("0.25%");
    expect(formatPercentTick(0.5)).toBe("50%");
  });
});
