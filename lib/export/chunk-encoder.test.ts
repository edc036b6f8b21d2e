import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { createChunkEncoder } from "./chunk-encoder";

function encodeInChunks(parts: string[], chunkBytes: number): Uint8Array[] {
  const encoder = createChunkEncoder(chunkBytes);
  const chunks = parts.flatMap((part) => encoder.write(part));
  const last = encoder.flush();
  return last ? [...chunks, last] : chunks;
}

function join(chunks: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

// Parts as export writers make them: any text (emoji, lone surrogates, 2- and 3-byte
// characters) ending with a newline.
const part = fc
  .array(
    fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.constantFrom("😀", "🇺🇦", "é", "€", "\u2028", "\ud800", "\udc00", "a"),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => `${pieces.join("")}\n`);

describe("createChunkEncoder", () => {
  it("gives the bytes of encoding the joined parts, in chunks of the given size", () => {
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 30 }),
        fc.integer({ min: 4, max: 64 }),
        (parts, size) => {
          const chunks = encodeInChunks(parts, size);
          expect(join(chunks)).toEqual(new TextEncoder().encode(parts.join("")));
          // Every chunk but the last is as full as the next character allows.
          for (const chunk of chunks.slice(0, -1)) {
            expect(chunk.byteLength).toBeGreaterThan(size - 4);
            expect(chunk.byteLength).toBeLessThanOrEqual(size);
          }
          expect(chunks.every((chunk) => chunk.byteLength > 0)).toBe(true);
        },
      ),
    );
  });

  it("splits a part larger than a chunk without cutting an emoji", () => {
    const chunks = encodeInChunks(["ab😀😀😀cd", "", "e\n"], 5);

    expect(chunks.map((chunk) => new TextDecoder("utf-8", { fatal: true }).decode(chunk))).toEqual([
      "ab",
      "😀",
      "😀",
      "😀c",
      "de\n",
    ]);
  });

  it("hands out nothing for empty input and refuses chunks too small for a character", () => {
    expect(encodeInChunks([], 16)).toEqual([]);
    expect(encodeInChunks(["", ""], 16)).toEqual([]);
    expect(() => createChunkEncoder(3)).toThrow(/at least 4 bytes/);
  });
});
