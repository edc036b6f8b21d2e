// The changes between two versions of a text, for the version view: word by word when
// that is cheap enough, else paragraph by paragraph, else a plain "too large" answer.
// It never runs unbounded: Myers' diff (lib/anchoring/align-sequences.ts) gives up past
// maxEdits insertions and deletions, and then the next coarser level is tried.
import { alignSequences } from "@/lib/anchoring/align-sequences";

export type DiffKind = "same" | "removed" | "added";

// A stretch of one side's text, in UTF-16 offsets of that side (what the DOM counts).
export type DiffPart = { start: number; end: number; kind: DiffKind };

type DiffSides = {
  oldParts: DiffPart[];
  newParts: DiffPart[];
  wordsAdded: number;
  wordsRemoved: number;
};

export type TextDiff =
  | (DiffSides & {
      level: "word" | "paragraph";
      // Set when the word level gave up and paragraphs are shown instead.
      note: string | null;
    })
  | { level: "too-large"; note: string; wordsOld: number; wordsNew: number };

export type DiffOptions = {
  // Cap on insertions + deletions per level (tokens, then paragraphs).
  maxEdits?: number;
  // Sides with more word tokens than this skip the word level altogether.
  maxWordTokens?: number;
};

type Tokens = { keys: string[]; starts: number[] };

const wordPattern = /[\p{L}\p{M}\p{N}]+|\s+|[\s\S]/gu;
const isWord = /[\p{L}\p{M}\p{N}]/u;

export const defaultDiffMaxEdits = 2000;

export function diffTexts(oldText: string, newText: string, options: DiffOptions = {}): TextDiff {
  const maxEdits = options.maxEdits ?? defaultDiffMaxEdits;
  const maxWordTokens = options.maxWordTokens ?? 400_000;

  const oldWords = tokenizeWords(oldText);
  const newWords = tokenizeWords(newText);

  if (oldWords.keys.length <= maxWordTokens && newWords.keys.length <= maxWordTokens) {
    const wordDiff = diffTokens(oldText, newText, oldWords, newWords, maxEdits);
    if (wordDiff) {
      return { level: "word", ...wordDiff, note: null };
    }
  }

  const paragraphDiff = diffTokens(
    oldText,
    newText,
    tokenizeParagraphs(oldText),
    tokenizeParagraphs(newText),
    maxEdits,
  );
  if (paragraphDiff) {
    return {
      level: "paragraph",
      ...paragraphDiff,
      note: `The versions differ in more than ${maxEdits.toLocaleString("en")} words, too many to show word by word: changed paragraphs are marked instead.`,
    };
  }

  return {
    level: "too-large",
    note: `The versions differ in more than ${maxEdits.toLocaleString("en")} paragraphs: too large to show the changes word by word or paragraph by paragraph. Both texts are shown in full.`,
    wordsOld: countWords(oldText),
    wordsNew: countWords(newText),
  };
}

function diffTokens(
  oldText: string,
  newText: string,
  oldTokens: Tokens,
  newTokens: Tokens,
  maxEdits: number,
): DiffSides | null {
  const ids = new Map<string, number>();
  const idOf = (key: string) => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };

  const alignment = alignSequences(oldTokens.keys.map(idOf), newTokens.keys.map(idOf), maxEdits);
  if (!alignment) {
    return null;
  }

  const oldKinds: DiffKind[] = oldTokens.keys.map(() => "removed");
  const newKinds: DiffKind[] = newTokens.keys.map(() => "added");
  for (const index of alignment.aIndices) {
    oldKinds[index] = "same";
  }
  for (const index of alignment.bIndices) {
    newKinds[index] = "same";
  }

  const oldParts = absorbSpaces(oldText, toParts(oldTokens, oldKinds, oldText.length));
  const newParts = absorbSpaces(newText, toParts(newTokens, newKinds, newText.length));

  return {
    oldParts,
    newParts,
    wordsRemoved: countChangedWords(oldText, oldParts),
    wordsAdded: countChangedWords(newText, newParts),
  };
}

// Consecutive tokens of the same kind become one part.
function toParts(tokens: Tokens, kinds: DiffKind[], length: number): DiffPart[] {
  const parts: DiffPart[] = [];

  kinds.forEach((kind, index) => {
    const start = tokens.starts[index] as number;
    const end = tokens.starts[index + 1] ?? length;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind && last.end === start) {
      last.end = end;
    } else {
      parts.push({ start, end, kind });
    }
  });

  return parts;
}

// A lone space the diff matched between two changes ("called␣it" against "hailed␣a")
// reads better as part of the change: "called it" rather than "called", " ", "it".
function absorbSpaces(text: string, parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];

  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] as DiffPart;
    const previous = out[out.length - 1];
    const next = parts[index + 1];
    if (
      part.kind === "same" &&
      previous &&
      next &&
      previous.kind !== "same" &&
      previous.kind === next.kind &&
      /^[^\S\n]+$/.test(text.slice(part.start, part.end))
    ) {
      previous.end = next.end;
      index += 1;
      continue;
    }
    out.push({ ...part });
  }

  return out;
}

function tokenizeWords(text: string): Tokens {
  const keys: string[] = [];
  const starts: number[] = [];

  for (const match of text.matchAll(wordPattern)) {
    // Runs of whitespace compare equal whatever their length: re-wrapped text is not a change.
    keys.push(/^\s+$/.test(match[0]) ? (match[0].includes("\n") ? "\n" : " ") : match[0]);
    starts.push(match.index);
  }

  return { keys, starts };
}

// Paragraphs are lines (the stored text has one line per paragraph), each with its
// line break.
function tokenizeParagraphs(text: string): Tokens {
  const keys: string[] = [];
  const starts: number[] = [];
  let start = 0;

  while (start < text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline + 1;
    keys.push(text.slice(start, end).trimEnd());
    starts.push(start);
    start = end;
  }

  return { keys, starts };
}

function countChangedWords(text: string, parts: DiffPart[]): number {
  return parts
    .filter((part) => part.kind !== "same")
    .reduce((sum, part) => sum + countWords(text.slice(part.start, part.end)), 0);
}

export function countWords(text: string): number {
  let count = 0;
  for (const match of text.matchAll(wordPattern)) {
    if (isWord.test(match[0])) {
      count += 1;
    }
  }
  return count;
}
