import { createOffsetIndex } from "./text-position";
import type { TextPositionSelector, TextQuoteSelector } from "./types";

// Hypothesis and dom-anchor-text-quote keep 32 characters either side; enough to
// tell repeated phrases apart when re-anchoring after an edit.
export const defaultContextLength = 32;

export function describeQuote(
  text: string,
  start: number,
  end: number,
  contextLength = defaultContextLength,
): TextQuoteSelector {
  const index = createOffsetIndex(text);
  const prefixStart = index.toUtf16(Math.max(0, start - contextLength));
  const suffixEnd = index.toUtf16(Math.min(index.codePointLength, end + contextLength));
  const start16 = index.toUtf16(start);
  const end16 = index.toUtf16(end);

  return {
    type: "TextQuoteSelector",
    exact: text.slice(start16, end16),
    prefix: text.slice(prefixStart, start16),
    suffix: text.slice(end16, suffixEnd),
  };
}

export function describe(
  text: string,
  start: number,
  end: number,
): { position: TextPositionSelector; quote: TextQuoteSelector } {
  return {
    position: { type: "TextPositionSelector", start, end },
    quote: describeQuote(text, start, end),
  };
}
