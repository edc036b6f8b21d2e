import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { buildSegments } from "./highlight-segments";
import {
  chunkIndexAt,
  groupParagraphs,
  leadingChunks,
  segmentsByChunk,
  splitIntoChunks,
} from "./reader-chunks";

function texts(text: string, chunks: { start: number; end: number }[]) {
  return chunks.map((chunk) => text.slice(chunk.start, chunk.end));
}

describe("splitIntoChunks", () => {
  it("cuts after each blank line, keeping the separator with the paragraph before", () => {
    const text = "One.\n\nTwo,\nstill two.\n \n\nThree.";
    expect(texts(text, splitIntoChunks(text))).toEqual([
      "One.\n\n",
      "Two,\nstill two.\n \n\n",
      "Three.",
    ]);
  });

  it("gives one chunk for empty text and for text without paragraphs", () => {
    expect(splitIntoChunks("")).toEqual([{ start: 0, end: 0, paragraph: 0 }]);
    expect(splitIntoChunks("a line")).toEqual([{ start: 0, end: 6, paragraph: 0 }]);
  });

  it("leaves the spaces that open a paragraph with it, and a closing blank line with the last", () => {
    const text = "One.\n\n  Indented two.\n\n";
    expect(texts(text, splitIntoChunks(text))).toEqual(["One.\n\n", "  Indented two.\n\n"]);
  });

  it("numbers paragraphs, a long one cut into chunks sharing its number", () => {
    const text = `Short.\n\n${"word ".repeat(10)}end.\n\nLast.`;
    const chunks = splitIntoChunks(text, 16);
    expect(chunks.map((chunk) => chunk.paragraph)).toEqual([0, 1, 1, 1, 1, 2]);
    expect(groupParagraphs(chunks)).toEqual([
      [0, 0],
      [1, 4],
      [5, 5],
    ]);
  });

  it("cuts a long paragraph after a space, never inside a surrogate pair", () => {
    const text = `${"word ".repeat(10)}${"🔹".repeat(20)}`;
    const chunks = splitIntoChunks(text, 16);
    for (const chunk of chunks) {
      expect(chunk.end - chunk.start).toBeLessThanOrEqual(16);
      const code = text.charCodeAt(chunk.end);
      expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
    }
    expect(texts(text, chunks)[0]).toBe("word word word ");
  });

  it("covers the text exactly, in order, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 4, max: 50 }),
        (text, max) => {
          const chunks = splitIntoChunks(text, max);
          expect(texts(text, chunks).join("")).toBe(text);
          chunks.forEach((chunk, index) => {
            expect(chunk.end).toBeGreaterThanOrEqual(chunk.start);
            if (index > 0) {
              expect(chunk.start).toBe(chunks[index - 1]!.end);
            }
          });
        },
      ),
    );
  });
});

describe("segmentsByChunk", () => {
  it("cuts runs at chunk edges and keeps their highlight ids", () => {
    const text = "aaaa\n\nbbbb\n\ncccc";
    const chunks = splitIntoChunks(text);
    const segments = buildSegments(text.length, [{ id: "x", start: 2, end: 14 }]);
    expect(segmentsByChunk(chunks, segments)).toEqual([
      [
        { start: 0, end: 2, ids: [] },
        { start: 2, end: 6, ids: ["x"] },
      ],
      [{ start: 6, end: 12, ids: ["x"] }],
      [
        { start: 12, end: 14, ids: ["x"] },
        { start: 14, end: 16, ids: [] },
      ],
    ]);
  });

  it("gives every chunk runs that tile it exactly", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }).map((text) => text.replace(/x/g, "\n\n")),
        fc.array(fc.tuple(fc.nat(220), fc.nat(40)), { maxLength: 20 }),
        (text, spans) => {
          const chunks = splitIntoChunks(text, 30);
          const segments = buildSegments(
            text.length,
            spans.map(([start, length], index) => ({
              id: `h${index}`,
              start,
              end: start + length,
            })),
          );
          segmentsByChunk(chunks, segments).forEach((runs, index) => {
            const chunk = chunks[index]!;
            let at = chunk.start;
            for (const run of runs) {
              expect(run.start).toBe(at);
              at = run.end;
            }
            if (chunk.end > chunk.start) {
              expect(at).toBe(chunk.end);
            }
          });
        },
      ),
    );
  });
});

describe("chunkIndexAt and leadingChunks", () => {
  const text = "aaaa\n\nbbbb\n\ncccc";
  const chunks = splitIntoChunks(text);

  it("finds the chunk holding an offset, the last one for the end of the text", () => {
    expect([0, 5, 6, 11, 12, 16].map((offset) => chunkIndexAt(chunks, offset))).toEqual([
      0, 0, 1, 1, 2, 2,
    ]);
  });

  it("lists the chunks that start before a length", () => {
    expect(leadingChunks(chunks, 1)).toEqual([0]);
    expect(leadingChunks(chunks, 7)).toEqual([0, 1]);
    expect(leadingChunks(chunks, 100)).toEqual([0, 1, 2]);
  });
});
