import { describe, expect, expectTypeOf, it } from "vitest";

import type { CodebookPreset } from "./preset-types";
import type { CodebookDocument } from "./validate-codebook";
import { formatCodebookPath, validateCodebook } from "./validate-codebook";

type Json = Record<string, unknown>;

function label(key: string, extra: Json = {}): Json {
  return { key, name: key.toUpperCase(), description: "", ...extra };
}

function dimension(key: string, labels: Json[], extra: Json = {}): Json {
  return {
    key,
    name: key.toUpperCase(),
    description: "",
    multiple: false,
    required: false,
    color: "#0072B2",
    labels,
    ...extra,
  };
}

function codebook(dimensions: Json[], extra: Json = {}): Json {
  return { schemaVersion: 1, key: "test", name: "Test", description: "", dimensions, ...extra };
}

function problemsOf(json: unknown) {
  const result = validateCodebook(json);
  return result.ok ? [] : result.problems.map(({ location, message }) => ({ location, message }));
}

describe("validateCodebook", () => {
  it("accepts a minimal codebook and fills in defaults", () => {
    const result = validateCodebook({
      schemaVersion: 1,
      key: "mini",
      name: "Mini",
      dimensions: [{ key: "d", name: "D", color: "#0072B2", labels: [{ key: "a", name: "A" }] }],
    });

    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.codebook.dimensions[0]).toMatchObject({
        description: "",
        multiple: false,
        required: false,
        labels: [{ key: "a", name: "A", description: "" }],
      });
    }
  });

  it("produces the preset type", () => {
    expectTypeOf<CodebookDocument>().toExtend<CodebookPreset>();
  });

  it("reports duplicate dimension keys", () => {
    expect(
      problemsOf(codebook([dimension("d", [label("a")]), dimension("d", [label("b")])])),
    ).toEqual([
      { location: "dimensions[1].key", message: 'The key "d" is already used by dimensions[0].' },
    ]);
  });

  it("reports duplicate label keys within a dimension, not across dimensions", () => {
    expect(
      problemsOf(
        codebook([dimension("d", [label("a"), label("a")]), dimension("e", [label("a")])]),
      ),
    ).toEqual([
      {
        location: "dimensions[0].labels[1].key",
        message: 'The key "a" is already used by labels[0] in this dimension.',
      },
    ]);
  });

  it("reports missing and blank names", () => {
    expect(
      problemsOf(
        codebook(
          [dimension("d", [{ key: "a" }, label("b", { name: "   " })], { name: undefined })],
          {
            name: "",
          },
        ),
      ),
    ).toEqual([
      { location: "dimensions[0].labels[0].name", message: "Give the label a name." },
      { location: "dimensions[0].labels[1].name", message: "Give the label a name." },
      { location: "dimensions[0].name", message: "Give the dimension a name." },
      { location: "name", message: "Give the codebook a name." },
    ]);
  });

  it("reports a parent that is unknown, itself, or part of a cycle", () => {
    const problems = problemsOf(
      codebook([
        dimension("d", [
          label("a", { parent: "b" }),
          label("b", { parent: "c" }),
          label("c", { parent: "a" }),
          label("self", { parent: "self" }),
          label("orphan", { parent: "nowhere" }),
          label("child", { parent: "a" }),
        ]),
      ]),
    );

    expect(problems).toEqual([
      {
        location: "dimensions[0].labels[0].parent",
        message: 'The parents form a cycle: "a" → "b" → "c" → "a".',
      },
      {
        location: "dimensions[0].labels[1].parent",
        message: 'The parents form a cycle: "b" → "c" → "a" → "b".',
      },
      {
        location: "dimensions[0].labels[2].parent",
        message: 'The parents form a cycle: "c" → "a" → "b" → "c".',
      },
      { location: "dimensions[0].labels[3].parent", message: "A label cannot be its own parent." },
      {
        location: "dimensions[0].labels[4].parent",
        message: 'No label in this dimension has the key "nowhere".',
      },
    ]);
  });

  it("accepts a two-level hierarchy", () => {
    expect(
      problemsOf(codebook([dimension("d", [label("group"), label("leaf", { parent: "group" })])])),
    ).toEqual([]);
  });

  it("reports an unknown field type and an unknown scope", () => {
    expect(
      problemsOf(codebook([dimension("d", [label("a")], { fieldType: "slider", scope: "page" })])),
    ).toEqual([
      {
        location: "dimensions[0].fieldType",
        message: "Unknown field type; use one of: labels, ordinal, text, target, link.",
      },
      { location: "dimensions[0].scope", message: "Unknown scope; use one of: span, document." },
    ]);
  });

  it("reports a shortcut used twice in a dimension, ignoring case, but not across dimensions", () => {
    expect(
      problemsOf(
        codebook([
          dimension("d", [label("a", { shortcut: "x" }), label("b", { shortcut: "X" })]),
          dimension("e", [label("a", { shortcut: "x" })]),
        ]),
      ),
    ).toEqual([
      {
        location: "dimensions[0].labels[1].shortcut",
        message: 'The shortcut "X" is already used by labels[0] in this dimension.',
      },
    ]);
  });

  it("reports a shortcut that is not one letter or digit", () => {
    expect(problemsOf(codebook([dimension("d", [label("a", { shortcut: "ctrl+k" })])]))).toEqual([
      {
        location: "dimensions[0].labels[0].shortcut",
        message: "A shortcut is one letter or digit.",
      },
    ]);
  });

  it("reports bad colours on dimensions and labels", () => {
    expect(
      problemsOf(
        codebook([
          dimension("d", [label("a", { color: "red" }), label("b", { color: "#12345" })], {
            color: "#GGGGGG",
          }),
          dimension("e", [label("a")], { color: undefined }),
        ]),
      ),
    ).toEqual([
      {
        location: "dimensions[0].color",
        message: "Use a colour like #0072B2: # and six hex digits.",
      },
      {
        location: "dimensions[0].labels[0].color",
        message: "Use a colour like #0072B2: # and six hex digits.",
      },
      {
        location: "dimensions[0].labels[1].color",
        message: "Use a colour like #0072B2: # and six hex digits.",
      },
      { location: "dimensions[1].color", message: "Give a colour, like #0072B2." },
    ]);
  });

  it("checks ordinal scales: one value, unique ratings, ratings only on ordinal dimensions", () => {
    expect(
      problemsOf(
        codebook([
          dimension(
            "scale",
            [label("good", { rating: 2 }), label("bad", { rating: 2 }), label("off")],
            { fieldType: "ordinal", multiple: true },
          ),
          dimension("plain", [label("a", { rating: 1 })]),
        ]),
      ),
    ).toEqual([
      {
        location: "dimensions[0].labels[1].rating",
        message:
          "The rating 2 is already used by labels[0]: each step of a scale needs its own rating.",
      },
      {
        location: "dimensions[0].multiple",
        message: "An ordinal scale takes one value: set multiple to false.",
      },
      {
        location: "dimensions[1].labels[0].rating",
        message: 'Only labels of an ordinal dimension (fieldType "ordinal") have a rating.',
      },
    ]);
  });

  it("wants labels on label dimensions and none on text dimensions", () => {
    expect(
      problemsOf(
        codebook([
          dimension("verdict", [label("a")], { fieldType: "text" }),
          dimension("empty", []),
          dimension("free", [], { fieldType: "text" }),
        ]),
      ),
    ).toEqual([
      {
        location: "dimensions[0].labels",
        message: "A text dimension takes free text: remove its labels.",
      },
      { location: "dimensions[1].labels", message: "Add at least one label." },
    ]);
  });

  it("reports unknown fields, a wrong schema version and a non-object", () => {
    expect(
      problemsOf(
        codebook([dimension("d", [label("a", { colour: "#000000" })])], { schemaVersion: 2 }),
      ),
    ).toEqual([
      { location: "dimensions[0].labels[0]", message: 'Unknown field: "colour".' },
      {
        location: "schemaVersion",
        message: "Set schemaVersion to 1: the only version this Framewise reads.",
      },
    ]);
    expect(problemsOf("codebook")).toEqual([
      { location: "", message: "A codebook is a JSON object." },
    ]);
  });

  it("reports every problem at once, the reference checks included", () => {
    const problems = problemsOf(
      codebook([
        dimension("d", [
          label("a", { shortcut: "1" }),
          label("a", { shortcut: "1", color: "nope" }),
        ]),
        dimension("d", [{ name: "No key" }], { fieldType: "dial" }),
      ]),
    );

    expect(problems.map((entry) => entry.location)).toEqual([
      "dimensions[0].labels[1].color",
      "dimensions[0].labels[1].key",
      "dimensions[0].labels[1].shortcut",
      "dimensions[1].fieldType",
      "dimensions[1].key",
      "dimensions[1].labels[0].key",
    ]);
  });
});

describe("formatCodebookPath", () => {
  it("writes indexes in brackets and fields with dots", () => {
    expect(formatCodebookPath(["dimensions", 2, "labels", 0, "parent"])).toBe(
      "dimensions[2].labels[0].parent",
    );
    expect(formatCodebookPath([])).toBe("");
  });
});
