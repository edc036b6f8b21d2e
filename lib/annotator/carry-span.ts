import { describeQuote } from "@/lib/anchoring/quote-context";
import { createReanchorer } from "@/lib/anchoring/reanchor";

export type CarriedSpan = { start: number; end: number; exact: string };

// A passage the reader selected (code points) on the old text, placed on the new text
// the same way stored highlights are re-anchored (lib/anchoring/reanchor.ts): when
// someone edits the document while a reader is tagging, the reader's pending selection
// follows its words. Null when the passage is gone from the new text.
export function carrySpan(
  oldText: string,
  newText: string,
  span: { start: number; end: number },
): CarriedSpan | null {
  const quote = describeQuote(oldText, span.start, span.end);
  const result = createReanchorer({ oldText, newText })({
    start: span.start,
    end: span.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
  });
  if (result.status === "orphaned") {
    return null;
  }
  return { start: result.start, end: result.end, exact: result.exact };
}
