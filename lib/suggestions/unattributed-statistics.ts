import { oneOf } from "./pattern-rule";
import { wordEnd, wordStart } from "./phrase-pattern";
import type { RuleMatch, SuggestionRule } from "./types";

// A statistic: a percentage, an amount in millions or billions, a ratio ("one in five") or
// a multiple ("doubled", "three times higher"). Plain counts, prices and years ("35
// countries", "went for €12,000", "in 2022") are not statistics here: too common in
// ordinary reporting to be worth a suggestion.
const number = String.raw`\d+(?:[.,]\d+)*`;
const smallNumber = oneOf([
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
]);
const statistic = new RegExp(
  [
    String.raw`${number}\s?(?:%|${wordStart}(?:per\s?cent|percent|percentage\s+points?)${wordEnd})`,
    String.raw`${wordStart}${number}\s*(?:million|billion|trillion|bn)${wordEnd}`,
    String.raw`[$€£¥]\s?${number}\s*(?:m|bn|k)${wordEnd}`,
    String.raw`${wordStart}(?:\d{1,3}|${smallNumber})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d{1,3}|${smallNumber}|a\s+hundred|a\s+thousand)${wordEnd}`,
    String.raw`${wordStart}(?:doubled|tripled|trebled|quadrupled|halved)${wordEnd}`,
    String.raw`${wordStart}(?:${number}|${smallNumber})[\s-]*(?:times|fold)\s+(?:more|less|fewer|higher|lower|greater|bigger|smaller|as)${wordEnd}`,
  ].join("|"),
  "iu",
);

// Words that attribute a sentence's content to someone or something. One is enough: the
// rule looks for figures with no attribution at all, not for weak attribution.
const attributionCue = new RegExp(
  String.raw`${wordStart}(?:${[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "according\\s+to",
    "reported",
    "reports?",
    "reporting",
    "stated",
    "states",
    "announced",
    "announces",
    "estimated?",
    "estimates",
    "show(?:s|ed|n)?",
    "found",
    "finds",
    "surveys?",
    "surveyed",
    "polls?",
    "polling",
    "study",
    "studies",
    "census",
    "data",
    "figures",
    "statistics",
    "research",
    "published",
    "cit(?:ed|es|ing)",
    "quoted",
    "noted",
    "claimed",
    "claims",
    "revealed",
    "confirmed",
    "calculated",
    "analysis",
    "records?",
    "sources?",
    "wrote",
    "writes",
    "added",
  ].join("|")})${wordEnd}`,
  "iu",
);

const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });

// Sentences that carry a statistic and no attribution cue. The span is the sentence
// without its surrounding whitespace and final full stop, as in the PTC convention.
function findUnattributedStatistics(text: string): RuleMatch[] {
  const matches: RuleMatch[] = [];

  for (const piece of splitForSegmenter(text)) {
    if (!statistic.test(piece.text)) {
      continue;
    }

    for (const { segment, index } of segmenter.segment(piece.text)) {
      if (!statistic.test(segment) || attributionCue.test(segment)) {
        continue;
      }

      const start = piece.index + index + (segment.length - segment.trimStart().length);
      const trimmed = segment.trim().replace(/[.!?…]+$/u, "");
      if (trimmed.length > 0) {
        matches.push({ utf16Start: start, utf16End: start + trimmed.length });
      }
    }
  }

  return matches;
}

export const unattributedStatisticsRule: SuggestionRule = {
  id: "sourcing.unattributed-statistic",
  description:
    "A sentence with a statistic (percentage, millions, ratio, multiple) and no attribution.",
  dimensionKey: "sourcing",
  labelKey: "no_source",
  find: findUnattributedStatistics,
};

const pieceLength = 2_000;
const sentenceEnd = /[.!?…]["'’”»)\]]*\s+/g;

// V8's sentence segmenter slows down quadratically on one long string (seconds for a
// 200 kB article), so it gets short pieces: lines, and long lines cut after a sentence end
// once they pass `pieceLength`. A sentence never crosses a line break.
function* splitForSegmenter(text: string): Generator<{ text: string; index: number }> {
  for (const line of text.matchAll(/[^\n]+/g)) {
    let from = 0;

    while (line[0].length - from > pieceLength) {
      sentenceEnd.lastIndex = from + pieceLength;
      const end = sentenceEnd.exec(line[0]);
      if (!end) {
        break;
      }

      const to = end.index + end[0].length;
      yield { text: line[0].slice(from, to), index: line.index + from };
      from = to;
    }

    yield { text: line[0].slice(from), index: line.index + from };
  }
}
