import { createSeededRandom } from "../../lib/agreement/seeded-random";
import { createOffsetIndex } from "../../lib/anchoring/text-position";
import { normalizeText } from "../../lib/text/normalize-text";

// A seeded news article (paragraphs, a few emoji, some of them astral and multi-code-point)
// and overlapping highlights on it. Offsets are kept in both units: code points for the
// database, UTF-16 for the DOM (the reader, and Recogito's TextPositionSelector).

export type ArticleToken = { start16: number; end16: number };

export type GeneratedArticle = { text: string; words: number; tokens: ArticleToken[] };

export type LabelRef = { dimensionKey: string; labelKey: string };

export type GeneratedHighlight = {
  start: number;
  end: number;
  start16: number;
  end16: number;
  labels: LabelRef[];
  // Index into the list of authors the caller provides.
  authorIndex: number;
};

const vocabulary = (
  "the government plan critics say will devastate families and ruin economy reckless officials " +
  "claimed every expert agrees shocking report reveals voters crisis minister announced on " +
  "tuesday that new budget would cut taxes for working people while opposition leaders warned " +
  "of hidden costs in health schools transport analysts noted figures released by the office " +
  "show growth slowed sharply last quarter as prices rose faster than wages according to " +
  "sources close to talks negotiators remain far apart over climate targets energy subsidies " +
  "migration border security housing shortage cities councils police court ruling judges " +
  "appeal campaign rally supporters protest march thousands gathered outside parliament " +
  "spokesperson declined comment statement said investigation continues company shares fell " +
  "after regulator opened inquiry into claims data was misused millions users affected " +
  "residents complained about noise pollution flooding damage insurance premiums doubled " +
  "farmers fear drought harvest exports tariffs trade deal signed partners welcomed move " +
  "historic victory disaster waiting to happen so-called elite out-of-touch ordinary hard-working"
).split(" ");

const emoji = ["🔹", "📰", "🇪🇺", "👩‍💻", "📈", "🗳️"];

export function generateArticle({
  words = 20_000,
  seed = 2026,
}: { words?: number; seed?: number } = {}): GeneratedArticle {
  const random = createSeededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

  const parts: string[] = [];
  const tokens: ArticleToken[] = [];
  let length = 0;
  let sentenceLeft = 0;
  let paragraphLeft = between(40, 140);
  let isSentenceStart = true;

  function append(value: string) {
    parts.push(value);
    length += value.length;
  }

  for (let index = 0; index < words; index += 1) {
    if (index > 0) {
      append(paragraphLeft <= 0 && isSentenceStart ? "\n\n" : " ");
      if (paragraphLeft <= 0 && isSentenceStart) {
        paragraphLeft = between(40, 140);
      }
    }

    if (sentenceLeft <= 0) {
      sentenceLeft = between(6, 28);
    }

    // About one token in 2,000 is an emoji, so a 20,000-word article carries ten or so.
    let word = random() < 0.0005 ? pick(emoji) : pick(vocabulary);
    if (isSentenceStart) {
      word = word.charAt(0).toUpperCase() + word.slice(1);
    }
    sentenceLeft -= 1;
    paragraphLeft -= 1;
    isSentenceStart = sentenceLeft <= 0 || index === words - 1;
    if (isSentenceStart) {
      word += pick([".", ".", ".", "?", "!"]);
    } else if (random() < 0.08) {
      word += pick([",", ",", ";", ":"]);
    }

    tokens.push({ start16: length, end16: length + word.length });
    append(word);
  }

  const text = parts.join("");
  if (normalizeText(text) !== text) {
    throw new Error("The generated article is not in the stored (normalised) form.");
  }

  return { text, words, tokens };
}

// Random spans of 1–30 words anywhere in the text (they cross paragraphs now and then),
// each with one or two labels from different dimensions. With 2,000 spans of 15 words on
// average over 20,000 words, most of the text is covered and many spans overlap.
export function generateHighlights(
  article: GeneratedArticle,
  {
    count = 2_000,
    seed = 7,
    dimensions,
    authors,
  }: {
    count?: number;
    seed?: number;
    dimensions: { key: string; labelKeys: string[] }[];
    authors: number;
  },
): GeneratedHighlight[] {
  const random = createSeededRandom(seed);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const offsets = createOffsetIndex(article.text);
  const highlights: GeneratedHighlight[] = [];

  for (let index = 0; index < count; index += 1) {
    const first = between(0, article.tokens.length - 1);
    const last = Math.min(article.tokens.length - 1, first + between(1, 30) - 1);
    const start16 = article.tokens[first]!.start16;
    const end16 = article.tokens[last]!.end16;

    const shuffled = [...dimensions];
    for (let at = shuffled.length - 1; at > 0; at -= 1) {
      const other = between(0, at);
      [shuffled[at], shuffled[other]] = [shuffled[other]!, shuffled[at]!];
    }
    const chosen = shuffled.slice(0, between(1, 2));
    const labels = chosen.map((dimension) => ({
      dimensionKey: dimension.key,
      labelKey: dimension.labelKeys[between(0, dimension.labelKeys.length - 1)]!,
    }));

    highlights.push({
      start: offsets.toCodePoint(start16),
      end: offsets.toCodePoint(end16),
      start16,
      end16,
      labels,
      authorIndex: between(0, authors - 1),
    });
  }

  return highlights;
}
