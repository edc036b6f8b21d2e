import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { alignSequences } from "./align-sequences";
import { createOffsetMapper } from "./offset-mapper";
import { codePointLength, sliceByCodePoints, utf16ToCodePoint } from "./text-position";

// Length of the longest common subsequence by plain dynamic programming.
function lcsLength(a: number[], b: number[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const value of a) {
    const current = [0];
    b.forEach((other, column) => {
      current.push(
        value === other ? previous[column]! + 1 : Math.max(previous[column + 1]!, current[column]!),
      );
    });
    previous = current;
  }
  return previous[b.length]!;
}

function spanOf(text: string, phrase: string) {
  const start = utf16ToCodePoint(text, text.indexOf(phrase));
  return { start, end: start + codePointLength(phrase) };
}

function mapPhrase(oldText: string, newText: string, phrase: string): string | null {
  const { start, end } = spanOf(oldText, phrase);
  const mapped = createOffsetMapper(oldText, newText).mapSpan(start, end);
  return mapped && sliceByCodePoints(newText, mapped.start, mapped.end);
}

describe("alignSequences", () => {
  it("finds a longest common subsequence with increasing, equal pairs", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 }),
        (a, b) => {
          const alignment = alignSequences(a, b);
          expect(alignment).not.toBeNull();
          const { aIndices, bIndices } = alignment!;

          expect(aIndices.length).toBe(lcsLength(a, b));
          aIndices.forEach((aIndex, pair) => {
            const bIndex = bIndices[pair]!;
            expect(a[aIndex]).toBe(b[bIndex]);
            if (pair > 0) {
              expect(aIndex).toBeGreaterThan(aIndices[pair - 1]!);
              expect(bIndex).toBeGreaterThan(bIndices[pair - 1]!);
            }
          });
        },
      ),
    );
  });

  it("gives up past the edit limit", () => {
    const a = Array.from({ length: 50 }, (_, n) => n);
    const b = Array.from({ length: 50 }, (_, n) => n + 100);

    expect(alignSequences(a, b, 20)).toBeNull();
    expect(alignSequences(a, b, 100)?.aIndices).toEqual([]);
  });
});

describe("createOffsetMapper", () => {
  const oldText = "First line here.\nThe minister said the plan was sound.\nLast line.";

  it("shifts a span past text inserted before it, keeping the insertion out", () => {
    const newText = oldText.replace("The minister", "Frankly, the minister");

    expect(mapPhrase(oldText, newText, "minister said")).toBe("minister said");
    expect(mapPhrase(oldText, newText, "the plan")).toBe("the plan");
  });

  it("keeps text inserted right after a span out of it", () => {
    const newText = oldText.replace("said the", "saidly the");

    expect(mapPhrase(oldText, newText, "minister said")).toBe("minister said");
  });

  it("takes text inserted inside a span into it", () => {
    const newText = oldText.replace("plan was", "plan really was");

    expect(mapPhrase(oldText, newText, "the plan was sound")).toBe("the plan really was sound");
  });

  it("shrinks a span whose end was deleted and drops one deleted entirely", () => {
    const newText = oldText.replace(" was sound", "");

    expect(mapPhrase(oldText, newText, "the plan was sound")).toBe("the plan");
    expect(mapPhrase(oldText, newText, "was sound")).toBeNull();
  });

  it("lines up text that differs only in quote marks and spacing", () => {
    const before = "He said “it doesn’t add up” today.";
    const after = 'He  said "it doesn\'t add up" today.';

    expect(mapPhrase(before, after, "“it doesn’t add up”")).toBe('"it doesn\'t add up"');
  });

  it("counts code points around emoji", () => {
    const before = "👍 news 🔹 more news";
    const after = "🔹🔹 👍 news 🔹 more news";
    const mapper = createOffsetMapper(before, after);

    expect(mapper.mapSpan(2, 6)).toEqual({ start: 5, end: 9 });
    expect(mapper.mapSpan(9, 18)).toEqual({ start: 12, end: 21 });
  });

  it("maps a single offset, even inside deleted text", () => {
    const newText = oldText.replace("The minister said the plan was sound.\n", "Gone.\n");
    const mapper = createOffsetMapper(oldText, newText);

    expect(mapper.mapOffset(0)).toBe(0);
    expect(mapper.mapOffset(spanOf(oldText, "minister").start)).toBe(newText.indexOf("Gone."));
    expect(mapper.mapOffset(spanOf(oldText, "Last").start)).toBe(newText.indexOf("Last"));
  });

  it("reports the new text that matches nothing old", () => {
    const newText = oldText.replace("Last line.", "A new ending.\nLast line.");
    const ranges = createOffsetMapper(oldText, newText).unmatchedRanges();

    expect(ranges.map((range) => newText.slice(range.start, range.end)).join("|")).toBe(
      "A new ending.\n",
    );
  });

  it("keeps every span of unchanged text where it was", () => {
    const text = "Alpha beta.\n\nGamma 👍 delta.";
    const mapper = createOffsetMapper(text, `${text}`);

    for (let start = 0; start < codePointLength(text); start += 1) {
      expect(mapper.mapSpan(start, start + 1)).toEqual({ start, end: start + 1 });
    }
    expect(mapper.mapSpan(5, 5)).toBeNull();
    expect(mapper.mapSpan(0, 999)).toBeNull();
  });
});
