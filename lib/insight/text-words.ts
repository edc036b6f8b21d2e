import { createOffsetIndex } from "../anchoring/text-position";

// Word-level helpers for comparing articles: normalisation, content words, sentences and
// Jaccard similarity. Deliberately simple so a reader can redo any match by hand
// (docs/agreement.md, "Comparing outlets").

// Common English function words; what is left are the words that carry a claim.
const stopWords = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before " +
    "being below between both but by can could did do does doing down during each even ever few " +
    "for from further had has have having he her here hers herself him himself his how i if in " +
    "into is it its itself just like may me might more most much must my myself no nor not now " +
    "of off on once only or other our ours ourselves out over own per same says said say shall she " +
    "should since so some still such than that the their theirs them themselves then there these " +
    "they this those though through to too under until up upon us very was we were what when " +
    "where whether which while who whom whose why will with within without would yet you your " +
    "yours yourself yourselves one two three s t"
  ).split(" "),
);

// Lower case, accents and typographic variants folded, punctuation dropped, spaces collapsed:
// "«Strong» guarantees —" and "strong guarantees" normalise alike.
export function normalizeWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function splitWords(text: string): string[] {
  const normalized = normalizeWords(text);
  return normalized === "" ? [] : normalized.split(" ");
}

// Plural and verb endings stripped, then a final "e", so "guarantees" meets "guarantee",
// "agreed" meets "agree" and "stated" meets "state"; crude on purpose (no dictionary), and
// the same on both sides of a comparison.
export function stemWord(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) {
    return word.slice(0, -3);
  }
  if (word.length > 4 && word.endsWith("ies")) {
    return `${word.slice(0, -3)}y`;
  }
  if (word.length > 4 && word.endsWith("ed")) {
    return word.slice(0, -2);
  }

  const singular =
    word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
  return singular.length > 3 && singular.endsWith("e") ? singular.slice(0, -1) : singular;
}

export function isStopWord(word: string): boolean {
  return stopWords.has(word);
}

// The words of a passage that are not function words, stemmed, as a set.
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();

  for (const word of splitWords(text)) {
    if (word.length > 1 && !stopWords.has(word)) {
      words.add(stemWord(word));
    }
  }

  return words;
}

// |A ∩ B| / |A ∪ B|; two empty sets are 0 (nothing to match on).
export function jaccard(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 && right.size === 0) {
    return 0;
  }

  let shared = 0;
  for (const word of left) {
    if (right.has(word)) {
      shared += 1;
    }
  }

  return shared / (left.size + right.size - shared);
}

export type Sentence = { start: number; end: number; text: string };

// A sentence ends at . ! ? or … (with any closing quotes) followed by space and a capital,
// digit or opening quote, or at a line break. "U.S. representatives" stays whole because a
// lower-case word follows. Offsets are code points, end exclusive.
const boundary = /[.!?…]+["'”’»)]*[ \t]+(?=["“«‘(]?[\p{Lu}\p{N}])|\n+/gu;

export function splitSentences(text: string): Sentence[] {
  const index = createOffsetIndex(text);
  const sentences: Sentence[] = [];
  let from = 0;

  const push = (start16: number, end16: number) => {
    const raw = text.slice(start16, end16);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) {
      const start = index.toCodePoint(start16 + leading);
      sentences.push({
        start,
        end: index.toCodePoint(start16 + leading + trimmed.length),
        text: trimmed,
      });
    }
  };

  for (const match of text.matchAll(boundary)) {
    const end = match[0].startsWith("\n") ? match.index : match.index + match[0].trimEnd().length;
    push(from, end);
    from = match.index + match[0].length;
  }
  push(from, text.length);

  return sentences;
}

// The sentences a span touches, as one passage (a claim can run over two sentences).
export function sentencesAround(
  sentences: readonly Sentence[],
  start: number,
  end: number,
): Sentence {
  const touched = sentences.filter((sentence) => sentence.start < end && start < sentence.end);

  if (touched.length === 0) {
    return { start, end, text: "" };
  }

  return {
    start: touched[0]!.start,
    end: touched[touched.length - 1]!.end,
    text: touched.map((sentence) => sentence.text).join(" "),
  };
}
