import { describe, expect, it } from "vitest";

import { buildDiffRuns } from "./diff-runs";
import { countWords, diffTexts, type DiffPart } from "./text-diff";

function pieces(text: string, parts: DiffPart[]) {
  return parts.map((part) => [part.kind, text.slice(part.start, part.end)]);
}

// Deterministic pseudo-random words, so the large cases are reproducible.
function words(count: number, seed: number): string[] {
  const vocabulary = ["budget", "minister", "vote", "critics", "said", "plan", "public", "money"];
  let state = seed;
  const out: string[] = [];
  for (let index = 0; index < count; index += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out.push(`${vocabulary[state % vocabulary.length]}${state % 97}`);
  }
  return out;
}

function paragraphs(list: string[], perParagraph = 100): string {
  const out: string[] = [];
  for (let index = 0; index < list.length; index += perParagraph) {
    out.push(list.slice(index, index + perParagraph).join(" "));
  }
  return out.join("\n\n");
}

describe("diffTexts at the word level", () => {
  it("marks removed and added words on each side, keeping the rest", () => {
    const oldText = "The minister hailed a historic victory.";
    const newText = "The minister called it a narrow victory.";
    const diff = diffTexts(oldText, newText);

    expect(diff.level).toBe("word");
    if (diff.level === "too-large") {
      return;
    }
    expect(pieces(oldText, diff.oldParts)).toEqual([
      ["same", "The minister "],
      ["removed", "hailed"],
      ["same", " a "],
      ["removed", "historic"],
      ["same", " victory."],
    ]);
    expect(pieces(newText, diff.newParts)).toEqual([
      ["same", "The minister "],
      ["added", "called it "],
      ["same", "a "],
      ["added", "narrow"],
      ["same", " victory."],
    ]);
    expect(diff.wordsRemoved).toBe(2);
    expect(diff.wordsAdded).toBe(3);
  });

  it("covers both texts exactly, with emoji and line breaks", () => {
    const oldText = "Fake 👍 news spread.\n\nSecond paragraph.";
    const newText = "Fake 👍👍 news spread fast.\n\nSecond paragraph!";
    const diff = diffTexts(oldText, newText);
    if (diff.level === "too-large") {
      throw new Error("expected a diff");
    }

    expect(diff.oldParts.map((part) => oldText.slice(part.start, part.end)).join("")).toBe(oldText);
    expect(diff.newParts.map((part) => newText.slice(part.start, part.end)).join("")).toBe(newText);
    expect(
      diff.newParts
        .filter((part) => part.kind === "added")
        .map((p) => newText.slice(p.start, p.end)),
    ).toEqual(["👍", " fast", "!"]);
  });

  it("treats identical texts as all the same", () => {
    const diff = diffTexts("One two three.", "One two three.");
    expect(diff).toMatchObject({ level: "word", wordsAdded: 0, wordsRemoved: 0 });
  });

  it("counts whitespace changes (re-wrapping) as no change", () => {
    const diff = diffTexts("One two  three.", "One two three.");
    expect(diff).toMatchObject({ level: "word", wordsAdded: 0, wordsRemoved: 0 });
  });
});

describe("bounds: large revisions never hang", () => {
  it("shows a 50,000-word article with a few edits word by word, quickly", () => {
    const list = words(50_000, 7);
    const oldText = paragraphs(list);
    const edited = [...list];
    edited[100] = "inserted";
    edited[25_000] = "changed";
    edited.splice(40_000, 3);
    const newText = paragraphs(edited);

    const started = performance.now();
    const diff = diffTexts(oldText, newText);
    const elapsed = performance.now() - started;

    expect(diff.level).toBe("word");
    if (diff.level === "too-large") {
      return;
    }
    expect(diff.wordsAdded).toBe(2);
    expect(diff.wordsRemoved).toBe(5);
    expect(elapsed).toBeLessThan(3000);
  });

  it("falls back to paragraphs for a 50,000-word rewrite, with a note, within bounds", () => {
    const oldText = paragraphs(words(50_000, 1));
    // Every other paragraph rewritten: thousands of word edits, but few paragraph edits.
    const oldParagraphs = oldText.split("\n\n");
    const newText = oldParagraphs
      .map((paragraph, index) => (index % 2 === 0 ? paragraph : words(100, index + 99).join(" ")))
      .join("\n\n");

    const started = performance.now();
    const diff = diffTexts(oldText, newText);
    const elapsed = performance.now() - started;

    expect(diff.level).toBe("paragraph");
    expect(diff.level === "paragraph" ? diff.note : "").toMatch(/too many to show word by word/);
    expect(elapsed).toBeLessThan(5000);
  });

  it("answers 'too large' when even paragraphs differ beyond the cap", () => {
    const oldText = paragraphs(words(50_000, 3), 10);
    const newText = paragraphs(words(50_000, 4), 10);

    const started = performance.now();
    const diff = diffTexts(oldText, newText, { maxEdits: 500 });
    const elapsed = performance.now() - started;

    expect(diff).toMatchObject({ level: "too-large", wordsOld: 50_000, wordsNew: 50_000 });
    expect(diff.level === "too-large" ? diff.note : "").toMatch(/too large to show the changes/);
    expect(elapsed).toBeLessThan(5000);
  });

  it("skips the word level for sides past the token cap", () => {
    const diff = diffTexts("a b c d\ne f", "a b x d\ne f", { maxWordTokens: 3 });
    expect(diff.level).toBe("paragraph");
  });
});

describe("countWords", () => {
  it("counts runs of letters and digits (an apostrophe splits a word)", () => {
    expect(countWords("It's 2026 — a new year, isn't it?")).toBe(9);
  });
});

describe("buildDiffRuns", () => {
  it("overlays highlights on removed and added text", () => {
    const oldText = "The minister hailed a historic victory.";
    const newText = "The minister called it a narrow victory.";
    const diff = diffTexts(oldText, newText);
    if (diff.level === "too-large") {
      throw new Error("expected a diff");
    }
    // A highlight on "a historic victory" in the old text.
    const start = oldText.indexOf("a historic");
    const runs = buildDiffRuns(oldText.length, diff.oldParts, [
      { id: "h1", start, end: oldText.length - 1 },
    ]);

    expect(runs.map((run) => [run.kind, oldText.slice(run.start, run.end), run.ids])).toEqual([
      ["same", "The minister ", []],
      ["removed", "hailed", []],
      ["same", " ", []],
      ["same", "a ", ["h1"]],
      ["removed", "historic", ["h1"]],
      ["same", " victory", ["h1"]],
      ["same", ".", []],
    ]);
  });
});
