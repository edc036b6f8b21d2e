import { createSeededRandom } from "../../lib/agreement/seeded-random";
import type { DimensionInput } from "../../lib/agreement/dimension-agreement";
import type { MultiLabelSpan } from "../../lib/agreement/token-agreement";

export type GenerateOptions = {
  annotators?: number;
  textLength?: number;
  spans?: number;
  labels?: number;
  seed?: number;
};

const vocabulary = [
  "the",
  "government",
  "plan",
  "critics",
  "say",
  "will",
  "devastate",
  "families",
  "and",
  "ruin",
  "economy",
  "reckless",
  "officials",
  "claimed",
  "every",
  "expert",
  "agrees",
  "shocking",
  "report",
  "reveals",
  "élite",
  "naïve",
  "voters",
  "crisis",
  "invasion",
];
const punctuation = [",", ".", ";", "!", "?", "—"];

// A seeded, realistic-looking dimension: a shared set of "true" spans that each annotator
// finds most of, with jittered boundaries, some label confusion and a few spans of their own.
export function generateDimension(options: GenerateOptions = {}): DimensionInput {
  const annotatorCount = options.annotators ?? 40;
  const textLength = options.textLength ?? 50_000;
  const totalSpans = options.spans ?? 4_000;
  const labelCount = options.labels ?? 8;
  const random = createSeededRandom(options.seed ?? 2024);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));

  let text = "";
  while (text.length < textLength) {
    text += pick(vocabulary);
    text += random() < 0.12 ? `${pick(punctuation)} ` : " ";
  }
  text = text.slice(0, textLength);

  const labels = Array.from({ length: labelCount }, (_, index) => `technique-${index + 1}`);
  const perAnnotator = Math.round(totalSpans / annotatorCount);
  const truth = Array.from({ length: Math.round(perAnnotator * 1.3) }, () => {
    const start = between(0, textLength - 220);
    return {
      start,
      end: start + between(8, 200),
      labels: random() < 0.1 ? [pick(labels), pick(labels)] : [pick(labels)],
    };
  });

  const clamp = (value: number) => Math.min(textLength, Math.max(0, value));
  const annotators = Array.from({ length: annotatorCount }, (_, index) => {
    const spans: MultiLabelSpan[] = [];
    for (let count = 0; count < perAnnotator; count += 1) {
      let span: MultiLabelSpan;
      if (random() < 0.85) {
        const source = pick(truth);
        span = {
          start: clamp(source.start + between(-12, 12)),
          end: clamp(source.end + between(-12, 12)),
          labels: random() < 0.15 ? [pick(labels)] : [...new Set(source.labels)],
        };
      } else {
        const start = between(0, textLength - 120);
        span = { start, end: start + between(5, 110), labels: [pick(labels)] };
      }
      if (span.end <= span.start) {
        span = { ...span, end: Math.min(textLength, span.start + 1) };
        if (span.end <= span.start) {
          span = { ...span, start: span.end - 1 };
        }
      }
      spans.push(span);
    }
    return { id: `annotator-${index + 1}`, spans };
  });

  return { textLength, text, labels, annotators };
}
