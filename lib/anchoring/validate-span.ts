import { createOffsetIndex } from "./text-position";

export type SpanProblem = "OUT_OF_RANGE" | "EMPTY" | "WHITESPACE_ONLY" | "QUOTE_MISMATCH";

export type SpanCheck = { ok: true } | { ok: false; code: SpanProblem; message: string };

type Span = { start: number; end: number; exact: string };

// Checks a highlight against the stored text (code-point offsets) before it is saved.
export function validateSpan(text: string, { start, end, exact }: Span): SpanCheck {
  const index = createOffsetIndex(text);
  const length = index.codePointLength;

  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0) {
    return {
      ok: false,
      code: "OUT_OF_RANGE",
      message: "The highlight's position must be whole, non-negative numbers.",
    };
  }

  if (end <= start) {
    return {
      ok: false,
      code: "EMPTY",
      message: "The highlight is empty: its end must come after its start.",
    };
  }

  if (start >= length || end > length) {
    return {
      ok: false,
      code: "OUT_OF_RANGE",
      message: `The highlight ends after the end of the text (character ${Math.max(start, end)} of ${length}).`,
    };
  }

  const actual = text.slice(index.toUtf16(start), index.toUtf16(end));

  if (actual.trim().length === 0) {
    return {
      ok: false,
      code: "WHITESPACE_ONLY",
      message: "The highlight contains only spaces or line breaks. Select some words.",
    };
  }

  if (actual !== exact) {
    return {
      ok: false,
      code: "QUOTE_MISMATCH",
      message: `The highlighted text does not match the document at characters ${start}–${end}. The document may have changed; reload and select again.`,
    };
  }

  return { ok: true };
}
