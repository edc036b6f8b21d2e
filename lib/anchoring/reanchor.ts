import { editDistance } from "./edit-distance";
import {
  defaultMinScore,
  findNormalizedMatch,
  normalizeQuote,
  refineBoundaries,
  scoreCandidate,
  snapToWords,
  toNormalizedHint,
  toQuoteMatch,
  type NormalizedQuote,
} from "./match-quote";
import { createMatchText, normalizeForMatching, type MatchText } from "./match-text";
import { createOffsetMapper, type OffsetMapper } from "./offset-mapper";
import { defaultContextLength } from "./quote-context";

// Re-anchors stored highlights (code-point offsets + quote) on a new version of the
// text, in a fixed order (STYLE.md, "The annotation core"; Hypothesis' anchor()):
//   1. the stored offsets, if the quote is still there (and its context, or no
//      better-placed copy of the quote exists);
//   2. the offsets carried through a diff of the old and new text, when the old text
//      is known: accepted outright if the quote is intact there, else a fuzzy candidate;
//   3. exact search for the quote, its prefix and suffix choosing among repeats;
//   4. fuzzy search (approx-string-match), accepted above a score threshold;
//   5. otherwise orphaned: shown for review, never silently moved or dropped.
// Quotes compare after normalising curly quotes, dashes and whitespace runs; the
// returned quote is re-read from the new text.

export type ReanchorSelector = {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
};

// unchanged: same offsets, same exact text (prefix/suffix may still differ).
// moved: the same quote (up to quote-mark and whitespace normalisation) elsewhere, or
//   at the same offsets with different quote marks or spacing.
// fuzzy: the quote itself was edited; `exact` is the new text, `score` the confidence.
// orphaned: no acceptable match.
export type ReanchorStatus = "unchanged" | "moved" | "fuzzy" | "orphaned";

// The step that placed the annotation, for the audit trail.
export type ReanchorMethod = "position" | "diff" | "quote" | "fuzzy";

export type AnchoredResult = {
  status: "unchanged" | "moved" | "fuzzy";
  method: ReanchorMethod;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  // 0..1; 1 when the offsets or the diff confirmed the quote.
  score: number;
};

export type OrphanedResult = {
  status: "orphaned";
  method?: undefined;
  start?: undefined;
  end?: undefined;
  exact?: undefined;
  prefix?: undefined;
  suffix?: undefined;
  score?: undefined;
};

export type ReanchorResult = AnchoredResult | OrphanedResult;

export type ReanchorOptions = {
  // Minimum score for a match that the offsets or diff did not confirm.
  minScore?: number;
  // Context captured around the new quote, in code points.
  contextLength?: number;
};

export type ReanchorTexts = { oldText?: string; newText: string };

type Span = { start: number; end: number };

type Scored = Span & { score: number };

const orphaned: OrphanedResult = { status: "orphaned" };

export function reanchorAnnotation(
  { oldText, newText, selector }: ReanchorTexts & { selector: ReanchorSelector },
  options: ReanchorOptions = {},
): ReanchorResult {
  return createReanchorer({ oldText, newText }, options)(selector);
}

export function reanchorAll(
  { oldText, newText, selectors }: ReanchorTexts & { selectors: readonly ReanchorSelector[] },
  options: ReanchorOptions = {},
): ReanchorResult[] {
  const reanchor = createReanchorer({ oldText, newText }, options);
  return selectors.map((selector) => reanchor(selector));
}

// Prepares the new text (and the diff, when the old text is given) once, for many
// annotations of the same document.
export function createReanchorer(
  { oldText, newText }: ReanchorTexts,
  options: ReanchorOptions = {},
): (selector: ReanchorSelector) => ReanchorResult {
  const minScore = options.minScore ?? defaultMinScore;
  const contextLength = options.contextLength ?? defaultContextLength;
  const target = createMatchText(newText);
  const mapper: OffsetMapper | null =
    oldText !== undefined && oldText !== newText ? createOffsetMapper(oldText, newText) : null;

  // With a diff, a quote that is neither where the diff put it nor anywhere intact can
  // only have been moved into new or rewritten text: the fuzzy search looks only there.
  const searchRanges = mapper
    ? mapper.unmatchedRanges().map((range) => ({
        start: target.toNormalized[range.start] as number,
        end: target.toNormalized[range.end] as number,
      }))
    : undefined;

  const finish = (
    selector: ReanchorSelector,
    quote: NormalizedQuote,
    span: Span,
    method: ReanchorMethod,
    score: number,
  ): ReanchorResult => {
    const captured = captureQuote(target, span, contextLength, method !== "position");
    if (!captured) {
      return orphaned;
    }

    const isSameQuote = normalizeForMatching(captured.exact) === quote.exact;
    const isUnchanged =
      captured.start === selector.start &&
      captured.end === selector.end &&
      captured.exact === selector.exact;

    return {
      status: !isSameQuote ? "fuzzy" : isUnchanged ? "unchanged" : "moved",
      method,
      ...captured,
      score,
    };
  };

  return (selector) => {
    const quote = normalizeQuote(selector);
    if (quote.exact.trim().length === 0) {
      return orphaned;
    }

    // 2a. Where the diff carried the span, if the quote is intact there.
    const mapped = mapper ? mapper.mapSpan(selector.start, selector.end) : null;
    const mappedRange = mapped ? toNormalizedRange(target, mapped) : null;
    if (mapped && mappedRange && normalizedSlice(target, mappedRange) === quote.exact) {
      return finish(selector, quote, mapped, "diff", 1);
    }

    // 1. The stored offsets. Accepted at once with the context intact; otherwise kept
    // as a candidate that a better-placed copy of the quote can beat.
    let atPosition: Scored | null = null;
    const storedRange = toNormalizedRange(target, selector);
    if (storedRange && normalizedSlice(target, storedRange) === quote.exact) {
      const score = scoreCandidate(target, quote, { ...storedRange, errors: 0 }, storedRange.start);
      if (score === 1) {
        return finish(selector, quote, selector, "position", 1);
      }
      atPosition = { start: selector.start, end: selector.end, score };
    }

    // 2b. The diff-mapped span with its text edited: a fuzzy candidate.
    let fromDiff: Scored | null = null;
    if (mapped && mappedRange) {
      const maxErrors = Math.floor(quote.exact.length / 2);
      const errors = editDistance(normalizedSlice(target, mappedRange), quote.exact, maxErrors);
      if (errors <= maxErrors) {
        const candidate = snapToWords(target, quote, { ...mappedRange, errors }, maxErrors);
        const score = scoreCandidate(target, quote, candidate, mappedRange.start);
        const refined = refineBoundaries(
          target,
          quote,
          { ...candidate, score, kind: "fuzzy" },
          maxErrors,
          mappedRange.start,
        );
        fromDiff = toQuoteMatch(target, refined);
      }
    }

    // 3 and 4. Search the quote, exact then fuzzy, near the best guess first.
    const expected = mapped?.start ?? mapper?.mapOffset(selector.start) ?? selector.start;
    const hint = toNormalizedHint(target, expected);
    const found = findNormalizedMatch(target, quote, { hint, minScore, searchRanges });
    const match = found ? toQuoteMatch(target, found) : null;

    if (atPosition && (!match || match.score <= atPosition.score)) {
      return finish(selector, quote, atPosition, "position", atPosition.score);
    }

    if (fromDiff && fromDiff.score >= minScore) {
      // An intact copy of the quote right where the diff put the edited span is the
      // span itself (the diff split a word differently); elsewhere, the better score wins.
      const isIntactNearby =
        match?.kind === "exact" && Math.abs(match.start - fromDiff.start) <= contextLength;
      if (!match || (!isIntactNearby && match.score <= fromDiff.score)) {
        return finish(selector, quote, fromDiff, "diff", fromDiff.score);
      }
    }

    if (match) {
      return finish(
        selector,
        quote,
        match,
        match.kind === "exact" ? "quote" : "fuzzy",
        match.score,
      );
    }

    return orphaned;
  };
}

// Normalised [start, end) of a code-point span of the new text, or null if it does
// not fit in the text.
function toNormalizedRange(target: MatchText, span: Span): Span | null {
  const length = target.index.codePointLength;
  if (
    !Number.isInteger(span.start) ||
    !Number.isInteger(span.end) ||
    span.start < 0 ||
    span.end > length ||
    span.end <= span.start
  ) {
    return null;
  }

  return {
    start: target.toNormalized[target.index.toUtf16(span.start)] as number,
    end: target.toNormalized[target.index.toUtf16(span.end)] as number,
  };
}

function normalizedSlice(target: MatchText, range: Span): string {
  return target.normalized.slice(range.start, range.end);
}

// The quote at a code-point span of the new text, with contextLength code points of
// prefix and suffix (as describeQuote, without re-indexing the text each time).
function captureQuote(
  target: MatchText,
  span: Span,
  contextLength: number,
  shouldTrim: boolean,
): (Span & { exact: string; prefix: string; suffix: string }) | null {
  const { index, text } = target;
  let start = span.start;
  let end = span.end;

  // Whitespace is one UTF-16 unit, so trimming moves both units by the same amount.
  if (shouldTrim) {
    while (start < end && /\s/u.test(text.charAt(index.toUtf16(start)))) {
      start += 1;
    }
    while (end > start && /\s/u.test(text.charAt(index.toUtf16(end) - 1))) {
      end -= 1;
    }
  }
  if (end <= start) {
    return null;
  }

  const start16 = index.toUtf16(start);
  const end16 = index.toUtf16(end);

  return {
    start,
    end,
    exact: text.slice(start16, end16),
    prefix: text.slice(index.toUtf16(Math.max(0, start - contextLength)), start16),
    suffix: text.slice(end16, index.toUtf16(Math.min(index.codePointLength, end + contextLength))),
  };
}
