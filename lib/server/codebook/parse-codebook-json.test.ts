import { describe, expect, it } from "vitest";

import { findDuplicateFields, parseCodebookJson } from "./parse-codebook-json";

describe("parseCodebookJson", () => {
  it("parses JSON, including a file saved with a byte-order mark", () => {
    expect(parseCodebookJson('\uFEFF{"key": "a"}')).toEqual({
      ok: true,
      json: { key: "a" },
      problems: [],
    });
  });

  it("says why text is not JSON", () => {
    const result = parseCodebookJson('{"key": "a",}');
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ location: "" });
    expect(result.problems[0]?.message).toMatch(/^This is not valid JSON: .+/);
  });
});

describe("findDuplicateFields", () => {
  it("finds a field given twice, at any depth, with its path", () => {
    const text = `{
      "key": "a",
      "dimensions": [
        { "key": "d", "labels": [ {"key": "x"}, {"key": "y", "name": "Y", "name": "Z"} ] },
        { "key": "e", "labels": [], "key": "f" }
      ],
      "key": "b"
    }`;

    expect(
      findDuplicateFields(text).map(({ location, message }) => ({ location, message })),
    ).toEqual([
      {
        location: "dimensions[0].labels[1].name",
        message: 'The field "name" appears more than once in this object; give it once.',
      },
      {
        location: "dimensions[1].key",
        message: 'The field "key" appears more than once in this object; give it once.',
      },
      {
        location: "key",
        message: 'The field "key" appears more than once in this object; give it once.',
      },
    ]);
  });

  it("reads escaped quotes and field names that differ only by escapes", () => {
    expect(
      findDuplicateFields('{"a\\"b": 1, "a\\u0022b": 2, "c": "}\\"{", "d": [1, "]", {}]}'),
    ).toEqual([{ path: ['a"b'], location: 'a"b', message: expect.any(String) }]);
  });

  it("ignores the same field in different objects, and empty objects and lists", () => {
    expect(findDuplicateFields('[{"a": 1}, {"a": 2}, {}, [], [[]], {"b": {}}]')).toEqual([]);
  });

  it("stops looking past a depth no codebook has, without failing", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    expect(findDuplicateFields(deep)).toEqual([]);
  });
});
