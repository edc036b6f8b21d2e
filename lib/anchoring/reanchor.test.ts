import { readFileSync } from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { normalizeText } from "../text/normalize-text";

import { describeQuote } from "./quote-context";
import {
  reanchorAll,
  reanchorAnnotation,
  type ReanchorResult,
  type ReanchorSelector,
} from "./reanchor";
import {
  codePointLength,
  createOffsetIndex,
  sliceByCodePoints,
  utf16ToCodePoint,
} from "./text-position";

const article = (name: string) =>
  normalizeText(
    readFileSync(path.resolve(process.cwd(), "../shared/fixtures/articles", name), "utf8"),
  );

const blog = article("paris-summit-blog.txt");
const wire = article("paris-summit-wire.txt");

function codePointIndexOf(text: string, phrase: string, occurrence = 0): number {
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen += 1) {
    at = text.indexOf(phrase, at + 1);
    if (at === -1) {
      throw new Error(`"${phrase}" occurs fewer than ${occurrence + 1} times`);
    }
  }
  return utf16ToCodePoint(text, at);
}

// The selector the server would have stored for the n-th occurrence of a phrase.
function select(text: string, phrase: string, occurrence = 0): ReanchorSelector {
  const start = codePointIndexOf(text, phrase, occurrence);
  const end = start + codePointLength(phrase);
  const { exact, prefix, suffix } = describeQuote(text, start, end);
  return { start, end, exact, prefix, suffix };
}

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at === -1 || text.indexOf(from, at + 1) !== -1) {
    throw new Error(`"${from}" must occur exactly once`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

// Every anchored result must be self-consistent: its quote and context are what the
// new text holds at its offsets.
function expectConsistent(newText: string, result: ReanchorResult): void {
  if (result.status === "orphaned") {
    return;
  }
  expect(sliceByCodePoints(newText, result.start, result.end)).toBe(result.exact);
  expect(describeQuote(newText, result.start, result.end)).toMatchObject({
    exact: result.exact,
    prefix: result.prefix,
    suffix: result.suffix,
  });
}

type Expected = {
  status: ReanchorResult["status"];
  // The quote expected in the new text; its position is looked up there.
  exact?: string;
  occurrence?: number;
};

type EditCase = {
  name: string;
  oldText: string;
  phrase: string;
  occurrence?: number;
  edit: (text: string) => string;
  expected: Expected;
};

const short =
  "The minister said the plan was sound and fair. " +
  "Critics said the plan was reckless and costly. " +
  "Nobody said the plan was finished at all.\n\n" +
  "A second paragraph talks about “security guarantees” for Kyiv in some detail.";

// The edit corpus. Each case runs with and without the old text (diff and search).
const corpus: EditCase[] = [
  {
    name: "no edit at all",
    oldText: short,
    phrase: "Critics said the plan was reckless",
    edit: (text) => text,
    expected: { status: "unchanged" },
  },
  {
    name: "insertion far before the span",
    oldText: short,
    phrase: "security guarantees",
    edit: (text) => `Breaking: an update.\n\n${text}`,
    expected: { status: "moved" },
  },
  {
    name: "span at the very start, an editor's note added above it",
    oldText: short,
    phrase: "The minister said the plan",
    edit: (text) => `Editor’s note: corrected on Friday.\n\n${text}`,
    expected: { status: "moved" },
  },
  {
    name: "span at the very end, a paragraph appended",
    oldText: short,
    phrase: "for Kyiv in some detail.",
    edit: (text) => `${text}\n\nUpdate: talks resume Monday.`,
    expected: { status: "unchanged" },
  },
  {
    name: "insertion right before the span (prefix changes)",
    oldText: short,
    phrase: "Critics said the plan was reckless",
    edit: (text) => replaceOnce(text, "fair. Critics", "fair. Frankly, Critics"),
    expected: { status: "moved" },
  },
  {
    name: "insertion right after the span (suffix changes)",
    oldText: short,
    phrase: "Critics said the plan was reckless",
    edit: (text) => replaceOnce(text, "reckless and costly", "reckless, dangerous and costly"),
    expected: { status: "unchanged" },
  },
  {
    name: "insertion after the span, further away",
    oldText: short,
    phrase: "The minister said",
    edit: (text) => `${text}\n\nA new closing paragraph.`,
    expected: { status: "unchanged" },
  },
  {
    name: "insertion inside the span",
    oldText: short,
    phrase: "Critics said the plan was reckless and costly",
    edit: (text) => replaceOnce(text, "was reckless", "was utterly reckless"),
    expected: { status: "fuzzy", exact: "Critics said the plan was utterly reckless and costly" },
  },
  {
    name: "deletion of part of the span",
    oldText: short,
    phrase: "Critics said the plan was reckless and costly",
    edit: (text) => replaceOnce(text, "reckless and costly", "reckless"),
    expected: { status: "fuzzy", exact: "Critics said the plan was reckless" },
  },
  {
    name: "deletion of the span's first word",
    oldText: short,
    phrase: "Critics said the plan was reckless and costly",
    edit: (text) => replaceOnce(text, "Critics said the", "Said the"),
    expected: { status: "fuzzy", exact: "Said the plan was reckless and costly" },
  },
  {
    name: "deletion of the whole span",
    oldText: short,
    phrase: "Critics said the plan was reckless and costly.",
    edit: (text) => replaceOnce(text, "Critics said the plan was reckless and costly. ", ""),
    expected: { status: "orphaned" },
  },
  {
    name: "typo fixed inside the span",
    oldText: replaceOnce(short, "reckless and costly", "reckles and cotsly"),
    phrase: "the plan was reckles and cotsly",
    edit: (text) => replaceOnce(text, "reckles and cotsly", "reckless and costly"),
    expected: { status: "fuzzy", exact: "the plan was reckless and costly" },
  },
  {
    name: "repeated phrase: context picks the second occurrence",
    oldText: short,
    phrase: "said the plan was",
    occurrence: 1,
    edit: (text) => `Update: ${text}`,
    expected: { status: "moved", exact: "said the plan was", occurrence: 1 },
  },
  {
    name: "repeated phrase: context picks the third occurrence after the first is edited",
    oldText: short,
    phrase: "said the plan was",
    occurrence: 2,
    edit: (text) => replaceOnce(text, "The minister said the plan was", "The minister thought it"),
    expected: { status: "moved", exact: "said the plan was", occurrence: 1 },
  },
  {
    name: "collapsed whitespace and a line break inside the span",
    oldText: short,
    phrase: "Critics said the plan was reckless",
    edit: (text) => replaceOnce(text, "Critics said the plan", "Critics said  the\nplan"),
    expected: { status: "moved", exact: "Critics said  the\nplan was reckless" },
  },
  {
    name: "NBSP instead of a space inside the span",
    oldText: short,
    phrase: "Critics said the plan was reckless",
    edit: (text) => replaceOnce(text, "the plan was reckless", "the plan\u00a0was reckless"),
    expected: { status: "moved", exact: "Critics said the plan\u00a0was reckless" },
  },
  {
    name: "curly quotes straightened inside the span",
    oldText: short,
    phrase: "about “security guarantees” for Kyiv",
    edit: (text) => replaceOnce(text, "“security guarantees”", '"security guarantees"'),
    expected: { status: "moved", exact: 'about "security guarantees" for Kyiv' },
  },
  {
    name: "emoji inserted before the span (code points, not UTF-16 units)",
    oldText: short,
    phrase: "Nobody said the plan was finished",
    edit: (text) => replaceOnce(text, "costly. Nobody", "costly. 🔹👍 Nobody"),
    expected: { status: "moved" },
  },
  {
    name: "emoji inserted inside the span",
    oldText: short,
    phrase: "Nobody said the plan was finished at all",
    edit: (text) => replaceOnce(text, "plan was finished", "plan 👍 was finished"),
    expected: { status: "fuzzy", exact: "Nobody said the plan 👍 was finished at all" },
  },
  {
    name: "the paragraph moved to the top and the span edited",
    oldText: short,
    phrase: "talks about “security guarantees” for Kyiv",
    edit: (text) => {
      const [first = "", second = ""] = text.split("\n\n");
      return `${second.replace("“security", "“firm security")}\n\n${first}`;
    },
    expected: { status: "fuzzy", exact: "talks about “firm security guarantees” for Kyiv" },
  },
  {
    name: "the whole paragraph deleted",
    oldText: short,
    phrase: "talks about “security guarantees” for Kyiv",
    edit: (text) => text.slice(0, text.indexOf("\n\nA second paragraph")),
    expected: { status: "orphaned" },
  },
  {
    name: "the quote now appears twice with different context",
    oldText: short,
    phrase: "the plan was reckless",
    edit: (text) =>
      replaceOnce(text, "Nobody said", "Some feared the plan was reckless too. Nobody said"),
    expected: { status: "unchanged", exact: "the plan was reckless", occurrence: 0 },
  },
  {
    name: "the quote's own sentence deleted while a copy with other context remains",
    oldText: `${short} Elsewhere, the plan was reckless indeed, wrote one.`,
    phrase: "the plan was reckless",
    edit: (text) => replaceOnce(text, "Critics said the plan was reckless and costly. ", ""),
    expected: { status: "orphaned" },
  },
];

describe("reanchorAnnotation: edit corpus", () => {
  describe.each([
    ["with the old text (diff)", true],
    ["without the old text (search)", false],
  ] as const)("%s", (_mode, withOldText) => {
    it.each(corpus.map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
      const selector = select(entry.oldText, entry.phrase, entry.occurrence);
      const newText = entry.edit(entry.oldText);
      const result = reanchorAnnotation({
        oldText: withOldText ? entry.oldText : undefined,
        newText,
        selector,
      });

      expect(result.status).toBe(entry.expected.status);
      expectConsistent(newText, result);

      if (entry.expected.status !== "orphaned") {
        const exact = entry.expected.exact ?? entry.phrase;
        const start = codePointIndexOf(newText, exact, entry.expected.occurrence);

        expect(result).toMatchObject({ exact, start, end: start + codePointLength(exact) });
      }
      if (entry.expected.status === "fuzzy") {
        expect(result.score).toBeGreaterThanOrEqual(0.75);
        expect(result.score).toBeLessThan(1);
      }
    });
  });
});

describe("reanchorAnnotation: details", () => {
  it("counts an emoji before the span as one code point", () => {
    const selector = select(short, "Nobody said");
    const result = reanchorAnnotation({ newText: `👍${short}`, selector });

    expect(result).toMatchObject({ status: "moved", start: selector.start + 1 });
  });

  it("re-captures prefix and suffix from the new text", () => {
    const selector = select(short, "Critics said");
    const newText = replaceOnce(short, "sound and fair.", "sound, fair and final.");
    const result = reanchorAnnotation({ oldText: short, newText, selector });

    expect(result).toMatchObject({ status: "moved", exact: "Critics said" });
    expect(result.prefix).toMatch(/fair and final\. $/);
  });

  it("reports which step placed the annotation", () => {
    const selector = select(short, "Critics said the plan");
    const moved = `Intro. ${short}`;

    expect(reanchorAnnotation({ newText: short, selector }).method).toBe("position");
    expect(reanchorAnnotation({ oldText: short, newText: moved, selector }).method).toBe("diff");
    expect(reanchorAnnotation({ newText: moved, selector }).method).toBe("quote");
    expect(
      reanchorAnnotation({ newText: replaceOnce(moved, "Critics", "Critic"), selector }).method,
    ).toBe("fuzzy");
  });

  it("orphans a blank quote and a span outside a much shorter text", () => {
    expect(
      reanchorAnnotation({
        newText: short,
        selector: { start: 0, end: 2, exact: "  ", prefix: "", suffix: "" },
      }).status,
    ).toBe("orphaned");
    expect(
      reanchorAnnotation({ newText: "Nothing left.", selector: select(short, "Kyiv in some") })
        .status,
    ).toBe("orphaned");
  });

  it("keeps an unchanged quote in place when its whole context changed", () => {
    const selector = select(short, "the plan was sound");
    const newText = replaceOnce(
      replaceOnce(short, "The minister said ", "Observers judged "),
      " and fair. Critics",
      " indeed. Critic",
    );
    const moved = reanchorAnnotation({ newText, selector });

    expect(moved.status).not.toBe("orphaned");
    expect(moved.exact).toBe("the plan was sound");
  });

  it("is stricter with a higher minimum score", () => {
    const selector = select(short, "Critics said the plan was reckless");
    const newText = replaceOnce(short, "Critics said", "Critic says");

    expect(reanchorAnnotation({ newText, selector }).status).toBe("fuzzy");
    expect(reanchorAnnotation({ newText, selector }, { minScore: 0.99 }).status).toBe("orphaned");
  });
});

describe("reanchorAll: real articles", () => {
  const blogPhrases = [
    "critics say the U.S. commitments are still more diplomatic than operational",
    "France and the United Kingdom have pledged forces",
    "“politically and legally binding guarantees”",
    "Zelenskyy called the summit “historic,”",
    "Post a Comment",
    "This summit didn’t solve the war.",
  ];

  it.each([true, false])("follows a blog post through several edits (old text: %s)", (useOld) => {
    const selectors = blogPhrases.map((phrase) => select(blog, phrase));
    let edited = `Editor’s note: updated on Friday. 🔹\n\n${blog}`;
    edited = edited.replace("🔹 A Declaration of Intent — With Teeth?\n", "");
    edited = replaceOnce(edited, "The Elephant Not in the Room", "The Elephant 🐘 Not in the Room");
    edited = replaceOnce(edited, "have pledged forces", "have  pledged\u00a0forces");
    edited = replaceOnce(edited, "diplomatic than operational", "diplomatic than operationnal");
    edited = replaceOnce(edited, "“historic,”", '"historic,"');
    edited = edited.replace(/\n\nWhy This Matters\n\nThis summit[^\n]*/, "");

    const results = reanchorAll({ oldText: useOld ? blog : undefined, newText: edited, selectors });

    expect(results.map((result) => result.status)).toEqual([
      "fuzzy",
      "moved",
      "moved",
      "moved",
      "moved",
      "orphaned",
    ]);
    expect(results[0]?.exact).toBe(
      "critics say the U.S. commitments are still more diplomatic than operationnal",
    );
    expect(results[1]?.exact).toBe("France and the United Kingdom have  pledged\u00a0forces");
    expect(results[3]?.exact).toBe('Zelenskyy called the summit "historic,"');
    results.forEach((result) => expectConsistent(edited, result));
  });

  it.each([true, false])(
    "finds each of many 'Macron's in the wire story after paragraphs move (old text: %s)",
    (useOld) => {
      const count = wire.split("Macron").length - 1;
      const selectors = Array.from({ length: count }, (_, n) => select(wire, "Macron", n));
      const paragraphs = wire.split("\n\n");
      // Move the last paragraph to the top and add a new one mentioning Macron.
      const edited = [
        "Macron spoke again on Wednesday, a spokesman said.",
        paragraphs.at(-1),
        ...paragraphs.slice(0, -1),
      ].join("\n\n");

      const results = reanchorAll({
        oldText: useOld ? wire : undefined,
        newText: edited,
        selectors,
      });

      results.forEach((result, n) => {
        expect(result.status).toBe("moved");
        expect(result.exact).toBe("Macron");
        // Same surroundings as before the edit.
        expect(result.suffix).toBe(selectors[n]?.suffix);
      });
    },
  );

  it("maps guillemets to curly quotes in the wire story", () => {
    const selectors = [
      select(wire, "these «strong» guarantees would entail"),
      select(wire, "«several thousand» French troops"),
    ];
    const edited = wire.replaceAll("«", "“").replaceAll("»", "”");

    for (const oldText of [wire, undefined]) {
      const results = reanchorAll({ oldText, newText: edited, selectors });
      expect(results.map((result) => [result.status, result.start, result.exact])).toEqual([
        ["moved", selectors[0]?.start, "these “strong” guarantees would entail"],
        ["moved", selectors[1]?.start, "“several thousand” French troops"],
      ]);
    }
  });

  it("anchors every sentence of the wire story after the text is re-flowed", () => {
    const sentences = wire.match(/[^.\n]{20,}\./g) ?? [];
    const selectors = sentences.map((sentence) => select(wire, sentence.trim()));
    // One paragraph per line and single spaces turned into double spaces.
    const edited = wire.replaceAll("\n\n", "\n").replaceAll(". ", ".  ");

    expect(selectors.length).toBeGreaterThan(20);
    for (const oldText of [wire, undefined]) {
      const results = reanchorAll({ oldText, newText: edited, selectors });
      results.forEach((result, n) => {
        expect(result.status).not.toBe("orphaned");
        expect(result.status).not.toBe("fuzzy");
        expect(result.exact?.replace(/\s+/g, " ")).toBe(selectors[n]?.exact.replace(/\s+/g, " "));
        expectConsistent(edited, result);
      });
    }
  });
});

describe("reanchorAnnotation: property", () => {
  const insertion = fc.string({
    unit: fc.constantFrom(..."ab XY,.\n", "é", "👍", "🔹", "’", "\u00a0", "中", "«"),
    minLength: 1,
    maxLength: 40,
  });

  it.each([
    ["blog", blog],
    ["wire", wire],
  ])(
    "re-anchors to the same quote after a random insertion outside the span (%s)",
    (_name, text) => {
      const words = [...text.matchAll(/\S+/gu)].map((match) => ({
        start: utf16ToCodePoint(text, match.index),
        end: utf16ToCodePoint(text, match.index + match[0].length),
      }));
      const points = Array.from(text);

      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: words.length - 1 }),
          fc.integer({ min: 1, max: 6 }),
          fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
          insertion,
          fc.boolean(),
          (first, wordCount, where, inserted, useOld) => {
            const last = Math.min(words.length - 1, first + wordCount - 1);
            const start = words[first]!.start;
            const end = words[last]!.end;
            const { exact, prefix, suffix } = describeQuote(text, start, end);

            // A code point outside (or at the edge of) the span.
            const outside = start + (points.length - end);
            const offset = Math.floor(where * (outside + 1));
            const at = offset <= start ? offset : end + (offset - start - 1);
            const newText = [...points.slice(0, at), inserted, ...points.slice(at)].join("");
            const shift = at <= start ? codePointLength(inserted) : 0;

            const result = reanchorAnnotation({
              oldText: useOld ? text : undefined,
              newText,
              selector: { start, end, exact, prefix, suffix },
            });

            expect(result.exact).toBe(exact);
            expect(result.start).toBe(start + shift);
            expect(result.status).toBe(shift === 0 ? "unchanged" : "moved");
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it.each([
    ["blog", blog],
    ["wire", wire],
  ])(
    "re-anchors to the same quote after a random deletion outside the span (%s)",
    (_name, text) => {
      const words = [...text.matchAll(/\S+/gu)].map((match) => ({
        start: utf16ToCodePoint(text, match.index),
        end: utf16ToCodePoint(text, match.index + match[0].length),
      }));
      const points = Array.from(text);

      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: words.length - 1 }),
          fc.integer({ min: 1, max: 6 }),
          fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
          fc.integer({ min: 1, max: 60 }),
          fc.boolean(),
          (first, wordCount, where, length, useOld) => {
            const last = Math.min(words.length - 1, first + wordCount - 1);
            const start = words[first]!.start;
            const end = words[last]!.end;
            const { exact, prefix, suffix } = describeQuote(text, start, end);

            // Delete up to `length` code points before or after the span, never inside it.
            const outside = start + (points.length - end);
            const offset = Math.floor(where * outside);
            const at = offset < start ? offset : end + (offset - start);
            const cut = Math.min(length, at < start ? start - at : points.length - at);
            const newText = [...points.slice(0, at), ...points.slice(at + cut)].join("");
            const shift = at < start ? -cut : 0;

            const result = reanchorAnnotation({
              oldText: useOld ? text : undefined,
              newText,
              selector: { start, end, exact, prefix, suffix },
            });

            expect(result.exact).toBe(exact);
            expect(result.start).toBe(start + shift);
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});

describe("reanchorAll: performance", () => {
  // A seeded generator (mulberry32) so the text and edits are the same on every run.
  function random(seed: number) {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
      mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
    };
  }

  const next = random(7);
  const common = ["the", "of", "and", "a", "to", "in", "said", "that", "for", "on", "was"];
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const word = () =>
    next() < 0.35
      ? common[Math.floor(next() * common.length)]!
      : Array.from({ length: 2 + Math.floor(next() * 8) }, () =>
          letters.charAt(Math.floor(next() * letters.length)),
        ).join("");

  // 20,000 words in paragraphs of 40-120 words, an emoji now and then.
  const paragraphs: string[] = [];
  let wordTotal = 0;
  while (wordTotal < 20_000) {
    const size = 40 + Math.floor(next() * 80);
    const paragraph = Array.from({ length: size }, (_, n) =>
      n > 0 && next() < 0.02 ? `👍 ${word()}` : word(),
    ).join(" ");
    paragraphs.push(`${paragraph}.`);
    wordTotal += size;
  }
  const oldText = paragraphs.join("\n\n");

  // 2,000 spans of 3-10 words at word boundaries, with the quote describeQuote would
  // give (computed from one offset index: describeQuote re-indexes the text per call).
  const index = createOffsetIndex(oldText);
  const wordSpans = [...oldText.matchAll(/[^\s.]+/gu)].map((match) => ({
    start: index.toCodePoint(match.index),
    end: index.toCodePoint(match.index + match[0].length),
  }));
  const at = (codePoint: number) =>
    index.toUtf16(Math.min(index.codePointLength, Math.max(0, codePoint)));
  const selectors: ReanchorSelector[] = Array.from({ length: 2000 }, (_, n) => {
    const first = Math.floor((n / 2000) * (wordSpans.length - 12));
    const last = first + 2 + Math.floor(next() * 8);
    const start = wordSpans[first]!.start;
    const end = wordSpans[last]!.end;
    return {
      start,
      end,
      exact: oldText.slice(at(start), at(end)),
      prefix: oldText.slice(at(start - 32), at(start)),
      suffix: oldText.slice(at(end), at(end + 32)),
    };
  });

  // Edits: paragraphs inserted at the top and in the middle, one deleted, a typo fixed.
  const edited = [...paragraphs];
  edited.splice(Math.floor(edited.length / 2), 1);
  edited.splice(Math.floor(edited.length / 3), 0, "A new paragraph in the middle 🔹 here.");
  edited.unshift("Editor's note: this article was updated.");
  const newText = edited.join("\n\n");

  it("builds its selectors as describeQuote would", () => {
    for (const { start, end, ...quote } of selectors.filter((_, n) => n % 250 === 0)) {
      expect(describeQuote(oldText, start, end)).toMatchObject(quote);
    }
  });

  it.each([
    ["with the old text", true],
    ["without the old text", false],
  ] as const)("re-anchors 2,000 spans in a 20,000-word text quickly (%s)", (_mode, useOld) => {
    const began = performance.now();
    const results = reanchorAll({ oldText: useOld ? oldText : undefined, newText, selectors });
    const elapsed = performance.now() - began;

    const counts = new Map<string, number>();
    results.forEach((result, n) => {
      counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
      if (result.status === "moved" || result.status === "unchanged") {
        expect(result.exact).toBe(selectors[n]?.exact);
      }
    });

    console.info(
      `reanchorAll, 20,000 words, 2,000 spans, ${_mode}: ${elapsed.toFixed(0)} ms`,
      Object.fromEntries(counts),
    );
    expect(elapsed).toBeLessThan(1000);
    // Only spans in the deleted paragraph may be lost.
    expect(counts.get("orphaned") ?? 0).toBeLessThan(40);
    expect((counts.get("moved") ?? 0) + (counts.get("unchanged") ?? 0)).toBeGreaterThan(1900);
  });
});
