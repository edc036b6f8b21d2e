import { describe, expect, it } from "vitest";

import { fieldErrorsToProblems, problemsToFieldErrors, validateCodebookFile } from "./codebook";

const minimal = {
  schemaVersion: 1,
  key: "mini",
  name: "Mini",
  dimensions: [{ key: "d", name: "D", color: "#0072B2", labels: [{ key: "a", name: "A" }] }],
};

describe("validateCodebookFile", () => {
  it("accepts a codebook document with or without guidelines", () => {
    const without = validateCodebookFile(minimal);
    const withGuidelines = validateCodebookFile({ ...minimal, guidelines: "# Read me" });

    expect(without.ok && without.codebook.guidelines).toBe("");
    expect(withGuidelines.ok && withGuidelines.codebook.guidelines).toBe("# Read me");
  });

  it("reports guidelines problems together with the document's, in document order", () => {
    const result = validateCodebookFile({ ...minimal, name: "", guidelines: 42, extra: true });

    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((problem) => problem.location)).toEqual([
      "",
      "guidelines",
      "name",
    ]);
  });

  it("refuses guidelines over the limit", () => {
    const result = validateCodebookFile({ ...minimal, guidelines: "x".repeat(50_001) });
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({
        location: "guidelines",
        message: expect.stringContaining("50,000"),
      }),
    ]);
  });

  it("reports a document that is not an object", () => {
    const result = validateCodebookFile([1, 2]);
    expect(result.ok).toBe(false);
  });
});

describe("problems as field errors", () => {
  it("round-trips, keeping the document itself as _form", () => {
    const problems = [
      { location: "", message: "Whole" },
      { location: "dimensions[0].key", message: "One" },
      { location: "dimensions[0].key", message: "Two" },
    ];
    const fieldErrors = problemsToFieldErrors(
      problems.map((problem) => ({ ...problem, path: [] })),
    );

    expect(fieldErrors).toEqual({ _form: ["Whole"], "dimensions[0].key": ["One", "Two"] });
    expect(fieldErrorsToProblems(fieldErrors)).toEqual(problems);
  });
});
