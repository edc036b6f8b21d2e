// The tokeniser behind token-level exports (CoNLL/BIO). Deliberately simple and
// documented, so a reader can reproduce it:
// 1. The text is split into grapheme clusters (Unicode UAX #29, Intl.Segmenter), so an
//    emoji with its modifiers or a letter with its accents is never cut in two.
// 2. Clusters that are whitespace separate tokens and belong to none.
// 3. A run of clusters starting with a letter, digit or connector (\p{L}, \p{N}, \p{Pc},
//    e.g. "Zelenskyy", "2022", "snake_case") is one token.
// 4. Every other cluster (punctuation, symbols, emoji) is a token on its own:
//    "U.S.-led" gives U . S . - led; "Ukraine’s" gives Ukraine ’ s; "🔹" is one token.
// Offsets are code points, end exclusive, like every offset in Framewise.
export type Token = { text: string; start: number; end: number };

const wordStart = /^[\p{L}\p{N}\p{Pc}]/u;
const whitespace = /^\p{White_Space}+$/u;

let segmenter: Intl.Segmenter | undefined;

export function tokenize(text: string): Token[] {
  segmenter ??= new Intl.Segmenter("und", { granularity: "grapheme" });
  const tokens: Token[] = [];
  let codePoint = 0;
  let current: Token | null = null;

  for (const { segment } of segmenter.segment(text)) {
    const length = countCodePoints(segment);
    const start = codePoint;
    codePoint += length;

    if (whitespace.test(segment)) {
      current = null;
      continue;
    }

    if (wordStart.test(segment)) {
      if (current) {
        current.text += segment;
        current.end = codePoint;
      } else {
        current = { text: segment, start, end: codePoint };
        tokens.push(current);
      }
      continue;
    }

    current = null;
    tokens.push({ text: segment, start, end: codePoint });
  }

  return tokens;
}

function countCodePoints(value: string): number {
  let count = 0;
  for (const _ of value) {
    count += 1;
  }

  return count;
}
