import { describe, expect, it } from "vitest";

import { expandReaderPayload, toReaderPayload, type ReaderAnnotationView } from "./reader-payload";

// Code points: the flag is one code point (two UTF-16 units each for two regional indicators).
const text = "Hi 🇫🇷 there, the mayor said. Critics say the plan failed.";

function view(overrides: Partial<ReaderAnnotationView> & { start: number; end: number }) {
  const chars = Array.from(text);
  return {
    id: `a-${overrides.start}-${overrides.end}`,
    documentId: "doc-1",
    documentVersion: 2,
    exact: chars.slice(overrides.start, overrides.end).join(""),
    comment: "",
    confidence: null,
    anchorStatus: "ANCHORED",
    origin: "PERSON",
    revision: 1,
    createdAt: "2026-11-25T10:00:00.000Z",
    updatedAt: "2026-11-25T10:00:00.000Z",
    author: { id: "u-ana", name: "Ana" },
    labelIds: ["l-loaded"],
    values: [],
    ...overrides,
  } satisfies ReaderAnnotationView;
}

describe("reader payload", () => {
  const annotations: ReaderAnnotationView[] = [
    // After the flag: code-point offsets differ from UTF-16 ones.
    view({ start: 7, end: 12, labelIds: ["l-loaded", "l-vague"] }),
    view({
      start: 3,
      end: 12,
      author: { id: "u-ben", name: "Student 2" },
      comment: "Flag and word",
      confidence: 3,
      origin: "SUGGESTION",
      revision: 4,
      createdAt: "2026-11-24T09:30:15.123Z",
      updatedAt: "2026-11-25T11:00:00.456Z",
      labelIds: [],
    }),
    // Orphaned, its old offsets past the end of the text: the quote must travel.
    view({ start: 200, end: 210, exact: "gone words", anchorStatus: "ORPHANED", documentVersion: 1 }),
    // Offsets inside the text that no longer hold the quote: the quote travels too.
    view({ start: 14, end: 17, exact: "THE" }),
    view({
      start: 30,
      end: 41,
      values: [
        {
          dimensionKey: "stance",
          text: null,
          target: "the plan",
          holder: "critics",
          linkedAnnotationId: "a-7-12",
        },
      ],
    }),
  ];

  it("expands to exactly the views it was made from, in order", () => {
    const payload = toReaderPayload(annotations, text);

    expect(expandReaderPayload(payload, { documentId: "doc-1", text })).toEqual(annotations);
  });

  it("sends authors and labels once, and quotes only where the text does not hold them", () => {
    const payload = toReaderPayload(annotations, text);

    expect(payload.authors).toEqual([
      ["u-ana", "Ana"],
      ["u-ben", "Student 2"],
    ]);
    expect(payload.labels).toEqual(["l-loaded", "l-vague"]);
    expect(payload.quotes).toEqual([
      [2, "gone words"],
      [3, "THE"],
    ]);
    expect(payload.comments).toEqual([[1, "Flag and word"]]);
    expect(payload.confidences).toEqual([[1, 3]]);
    expect(payload.values.map(([row]) => row)).toEqual([4]);
  });

  it("keeps one person shown under two names apart", () => {
    const payload = toReaderPayload(
      [
        view({ start: 0, end: 2 }),
        view({ start: 3, end: 4, author: { id: "u-ana", name: "Student 1" } }),
      ],
      text,
    );

    const expanded = expandReaderPayload(payload, { documentId: "doc-1", text });
    expect(expanded.map((annotation) => annotation.author.name)).toEqual(["Ana", "Student 1"]);
  });

  it("handles an article without highlights", () => {
    const payload = toReaderPayload([], text);

    expect(expandReaderPayload(payload, { documentId: "doc-1", text })).toEqual([]);
  });
});
