import { createOffsetIndex } from "../anchoring/text-position";

import { jaccard, splitWords } from "./text-words";

// Quotations in an article's text, matched across articles: what several outlets quote.
// A quotation is text between «…», “…”, „…“ or straight "…" on one line. Two quotations
// match when their normalised words (normalizeWords) are equal, when one quotes a stretch of
// the other (three words or more, whole words), or when four-plus-word quotations share at
// least 80% of their words (Jaccard). Single curly quotes are left out: ’ is also the
// apostrophe.

export type Quote = {
  documentId: string;
  // The quoted words, without the quotation marks; offsets in code points.
  start: number;
  end: number;
  text: string;
  words: string[];
};

export type QuoteGroup = {
  // The longest wording, as one of the articles has it.
  text: string;
  documentIds: string[];
  quotes: Quote[];
};

const quotePatterns = [
  /«\s*([^«»]{1,800}?)\s*»/gu,
  /[“„]([^“”„\n]{1,800}?)[”“]/gu,
  /"([^"\n]{1,800}?)"/gu,
];

export function extractQuotes(documentId: string, text: string): Quote[] {
  const index = createOffsetIndex(text);
  const quotes: Quote[] = [];

  for (const pattern of quotePatterns) {
    for (const match of text.matchAll(pattern)) {
      const inner = match[1]!;
      const innerStart = match.index + match[0].indexOf(inner);
      const words = splitWords(inner);
      if (words.length === 0) {
        continue;
      }
      quotes.push({
        documentId,
        start: index.toCodePoint(innerStart),
        end: index.toCodePoint(innerStart + inner.length),
        text: inner,
        words,
      });
    }
  }

  return quotes.sort((left, right) => left.start - right.start);
}

export function isSameQuote(left: Quote, right: Quote): boolean {
  const a = left.words.join(" ");
  const b = right.words.join(" ");

  if (a === b) {
    return true;
  }
  const [shorter, longer] = a.length <= b.length ? [left, right] : [right, left];
  if (
    shorter.words.length >= 3 &&
    ` ${longer.words.join(" ")} `.includes(` ${shorter.words.join(" ")} `)
  ) {
    return true;
  }
  return (
    left.words.length >= 4 &&
    right.words.length >= 4 &&
    jaccard(new Set(left.words), new Set(right.words)) >= 0.8
  );
}

// Quotations that appear in two or more of the documents, most widely quoted first.
export function matchQuotesAcrossDocuments(
  documents: readonly { id: string; text: string }[],
): QuoteGroup[] {
  const quotes = documents.flatMap((document) => extractQuotes(document.id, document.text));
  const parent = quotes.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) {
      parent[index] = parent[parent[index]!]!;
      index = parent[index]!;
    }
    return index;
  };

  for (let first = 0; first < quotes.length; first += 1) {
    for (let second = first + 1; second < quotes.length; second += 1) {
      if (
        quotes[first]!.documentId !== quotes[second]!.documentId &&
        isSameQuote(quotes[first]!, quotes[second]!)
      ) {
        parent[find(first)] = find(second);
      }
    }
  }

  const groups = new Map<number, Quote[]>();
  quotes.forEach((quote, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), quote]);
  });

  const order = new Map(documents.map((document, index) => [document.id, index]));
  return [...groups.values()]
    .map((members) => {
      const documentIds = [...new Set(members.map((quote) => quote.documentId))].sort(
        (left, right) => order.get(left)! - order.get(right)!,
      );
      const longest = members.reduce((best, quote) =>
        quote.words.length > best.words.length ? quote : best,
      );
      return { text: longest.text.replace(/[\s,;:]+$/u, ""), documentIds, quotes: members };
    })
    .filter((group) => group.documentIds.length >= 2)
    .sort(
      (left, right) =>
        right.documentIds.length - left.documentIds.length ||
        firstPlace(left, order) - firstPlace(right, order),
    );
}

// Where a group is first quoted: the earliest article, then the earliest offset in it.
function firstPlace(group: QuoteGroup, order: ReadonlyMap<string, number>): number {
  return Math.min(...group.quotes.map((quote) => order.get(quote.documentId)! * 1e9 + quote.start));
}
