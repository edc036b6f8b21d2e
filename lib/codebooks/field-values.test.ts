import { describe, expect, it } from "vitest";

import { findMissingRequired, normaliseFieldValue, type FieldDimension } from "./field-values";

describe("normaliseFieldValue", () => {
  it("trims a target and holder and keeps them", () => {
    const result = normaliseFieldValue(
      "TARGET",
      { dimensionKey: "stance", target: "  the council ", holder: " Ms Ortiz" },
      "Stance",
    );
    expect(result).toEqual({
      ok: true,
      value: {
        dimensionKey: "stance",
        text: null,
        target: "the council",
        holder: "Ms Ortiz",
        linkedAnnotationId: null,
      },
    });
  });

  it("returns null for a value with nothing in it", () => {
    expect(
      normaliseFieldValue("TEXT", { dimensionKey: "verdict", text: "   " }, "Verdict"),
    ).toEqual({ ok: true, value: null });
  });

  it("refuses parts the field type does not take, naming the dimension", () => {
    expect(normaliseFieldValue("TEXT", { dimensionKey: "v", target: "x" }, "Verdict")).toEqual({
      ok: false,
      message: "Verdict does not take a target.",
    });
    expect(
      normaliseFieldValue("TARGET", { dimensionKey: "s", linkedAnnotationId: "a1" }, "Stance"),
    ).toEqual({ ok: false, message: "Stance does not take a link." });
    expect(normaliseFieldValue("LABELS", { dimensionKey: "f", text: "x" }, "Framing")).toEqual({
      ok: false,
      message: "Framing does not take free text.",
    });
  });

  it("refuses a stance holder without a target", () => {
    const result = normaliseFieldValue("TARGET", { dimensionKey: "s", holder: "Mayor" }, "Stance");
    expect(result.ok).toBe(false);
  });
});

describe("findMissingRequired", () => {
  const dimensions: FieldDimension[] = [
    {
      key: "stance",
      name: "Stance",
      required: true,
      fieldType: "TARGET",
      labels: [{ id: "critical" }],
    },
    { key: "verdict", name: "Verdict", required: true, fieldType: "TEXT", labels: [] },
    { key: "source", name: "Source", required: true, fieldType: "LINK", labels: [{ id: "named" }] },
    {
      key: "framing",
      name: "Framing",
      required: false,
      fieldType: "LABELS",
      labels: [{ id: "f" }],
    },
  ];

  it("names every required field that is missing", () => {
    expect(findMissingRequired(dimensions, [], []).map((entry) => entry.message)).toEqual([
      "Stance is required: give it a label and a target.",
      "Verdict is required: give it some text.",
      "Source is required: give it a label and a linked highlight.",
    ]);
  });

  it("is satisfied by labels and values together", () => {
    expect(
      findMissingRequired(
        dimensions,
        ["critical", "named"],
        [
          {
            dimensionKey: "stance",
            text: null,
            target: "council",
            holder: null,
            linkedAnnotationId: null,
          },
          {
            dimensionKey: "verdict",
            text: "False",
            target: null,
            holder: null,
            linkedAnnotationId: null,
          },
          {
            dimensionKey: "source",
            text: null,
            target: null,
            holder: null,
            linkedAnnotationId: "a1",
          },
        ],
      ),
    ).toEqual([]);
  });
});
