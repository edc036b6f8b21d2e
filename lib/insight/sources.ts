import { editDistance } from "../anchoring/edit-distance";

import { isStopWord, normalizeWords } from "./text-words";

// Who an article quotes, read from its sourcing-labelled highlights. A source's name is a
// run of capitalised words in the highlighted passage, with titles dropped and the last
// two words kept ("French President Emmanuel Macron" → "Emmanuel Macron"). A capitalised
// word that opens a sentence counts only if the article also capitalises it mid-sentence
// ("Witkoff said" yes, "According to" no). When a passage names someone in two or more
// words, its single capitalised words are dropped (usually places: "the Paris talks"). A
// passage without a name is listed under its label ("Vague attribution"), with the passage
// as an example: anonymous and vague sources usually are ("critics say").

const titles = new Set(
  (
    "president prime minister chancellor secretary envoy senator governor mayor king queen pope " +
    "general mr mrs ms dr sir dame lord lady professor prof judge justice ambassador spokesperson " +
    "spokesman spokeswoman director chief deputy vice head leader commissioner representative " +
    "rep sen gov gen col capt foreign defence defense interior finance special u.s us uk eu un " +
    "nato"
  ).split(" "),
);
const particles = new Set([
  "de",
  "da",
  "di",
  "van",
  "von",
  "der",
  "den",
  "la",
  "le",
  "al",
  "bin",
  "ibn",
]);

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

type WordAt = { text: string; index: number; isSentenceStart: boolean };

function readWords(passage: string): WordAt[] {
  const words: WordAt[] = [];
  let previousEnd = 0;

  for (const match of passage.matchAll(wordPattern)) {
    const between = passage.slice(previousEnd, match.index);
    const isSentenceStart = words.length === 0 || /[.!?…:«“"]\s*$|\n\s*$/u.test(between);
    words.push({ text: match[0].replace(/[.’'-]+$/u, ""), index: match.index, isSentenceStart });
    previousEnd = match.index + match[0].length;
  }

  return words;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

// Words the article capitalises somewhere other than at a sentence start.
export function findMidSentenceCapitals(text: string): Set<string> {
  const capitals = new Set<string>();

  for (const word of readWords(text)) {
    if (!word.isSentenceStart && isCapitalised(word.text)) {
      capitals.add(word.text);
    }
  }

  return capitals;
}

export function extractSourceNames(
  passage: string,
  midSentenceCapitals: ReadonlySet<string>,
): string[] {
  const names: string[] = [];
  let run: string[] = [];

  const close = () => {
    const kept = run
      .map((word) => word.replace(/[’']s$/u, ""))
      .filter((word) => !titles.has(word.toLowerCase().replace(/\./g, "")));
    while (kept.length > 0 && particles.has(kept[kept.length - 1]!)) {
      kept.pop();
    }
    if (kept.length > 0) {
      names.push(kept.slice(-2).join(" "));
    }
    run = [];
  };

  for (const word of readWords(passage)) {
    const lower = word.text.toLowerCase();
    const isName =
      isCapitalised(word.text) &&
      !(word.isSentenceStart && (isStopWord(lower) || !midSentenceCapitals.has(word.text)));
    if (isName) {
      run.push(word.text);
    } else if (run.length > 0 && particles.has(word.text)) {
      run.push(word.text);
    } else if (run.length > 0) {
      close();
    }
  }
  if (run.length > 0) {
    close();
  }

  const unique = [...new Set(names)];
  const hasFullName = unique.some((name) => name.includes(" "));
  return hasFullName ? unique.filter((name) => name.includes(" ")) : unique;
}

// Whether two source names are the same person: the same last word (allowing one typo in
// names of six letters or more: Zelensky / Zelenskyy), and no conflicting first word.
export function isSameSource(left: string, right: string): boolean {
  const a = normalizeWords(left).split(" ");
  const b = normalizeWords(right).split(" ");
  const lastA = a[a.length - 1]!;
  const lastB = b[b.length - 1]!;
  const closeEnough =
    lastA === lastB ||
    (Math.min(lastA.length, lastB.length) >= 6 && editDistance(lastA, lastB, 1) <= 1);

  if (!closeEnough) {
    return false;
  }
  return a.length < 2 || b.length < 2 || a[0] === b[0];
}

export type SourceMention = {
  name: string;
  // False when the passage names nobody and `name` is its label.
  isNamed: boolean;
  group: string;
  annotatorId: string;
  spanId: string;
  passage: string;
};

export type SourceEntry = {
  // The fullest form of the name seen ("Emmanuel Macron" over "Macron"), or the label.
  name: string;
  isNamed: boolean;
  groups: string[];
  highlights: number;
  annotators: number;
  // Up to three highlighted passages.
  examples: string[];
};

// Mentions of one article merged by isSameSource, most-highlighted first.
export function mergeSources(mentions: readonly SourceMention[]): SourceEntry[] {
  const entries: (SourceEntry & { spans: Set<string>; who: Set<string> })[] = [];

  for (const mention of mentions) {
    const entry = entries.find((candidate) =>
      candidate.isNamed && mention.isNamed
        ? isSameSource(candidate.name, mention.name)
        : candidate.isNamed === mention.isNamed && candidate.name === mention.name,
    );
    if (!entry) {
      entries.push({
        name: mention.name,
        isNamed: mention.isNamed,
        groups: [mention.group],
        highlights: 1,
        annotators: 1,
        examples: [mention.passage],
        spans: new Set([mention.spanId]),
        who: new Set([mention.annotatorId]),
      });
      continue;
    }
    if (entry.examples.length < 3 && !entry.examples.includes(mention.passage)) {
      entry.examples.push(mention.passage);
    }
    if (mention.name.split(" ").length > entry.name.split(" ").length) {
      entry.name = mention.name;
    }
    if (!entry.groups.includes(mention.group)) {
      entry.groups.push(mention.group);
    }
    entry.spans.add(mention.spanId);
    entry.who.add(mention.annotatorId);
    entry.highlights = entry.spans.size;
    entry.annotators = entry.who.size;
  }

  return entries
    .map(({ spans: _spans, who: _who, ...entry }) => entry)
    .sort(
      (left, right) => right.annotators - left.annotators || right.highlights - left.highlights,
    );
}
