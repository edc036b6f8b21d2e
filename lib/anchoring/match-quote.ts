import approxSearch from "approx-string-match";

import { editDistance } from "./edit-distance";
import { createMatchText, normalizeForMatching, toSourceRange, type MatchText } from "./match-text";

// Finds where a TextQuoteSelector is in a text, after Hypothesis' matchQuote
// (hypothesis/client src/annotator/anchoring/match-quote.ts): exact search first, then
// approx-string-match (Myers' bit-parallel edit-distance search), every candidate
// scored by quote, prefix and suffix similarity and closeness to a position hint.
// Unlike Hypothesis it refuses candidates below a score threshold, so an annotation
// whose text is gone is orphaned rather than moved onto a look-alike.

export type QuoteMatch = {
  // Code points in the real text, end exclusive.
  start: number;
  end: number;
  // 0..1: 1 is the quote with its whole context at the hinted position.
  score: number;
  // "exact": the quote occurs unchanged (after quote/whitespace normalisation).
  kind: "exact" | "fuzzy";
};

export type QuoteToMatch = { exact: string; prefix?: string; suffix?: string };

export type MatchQuoteOptions = {
  // Expected start (code points), e.g. the stored start or its diff-mapped position.
  hint?: number;
  minScore?: number;
};

// A quote normalised for matching. A known empty prefix or suffix (the quote was at the
// edge of the text) is information; a missing one is not: isPrefixKnown and
// isSuffixKnown tell them apart.
export type NormalizedQuote = {
  exact: string;
  prefix: string;
  suffix: string;
  isPrefixKnown: boolean;
  isSuffixKnown: boolean;
};

// Weights from Hypothesis: the quote counts most, context tells repeats apart and the
// position breaks ties.
const quoteWeight = 50;
const prefixWeight = 20;
const suffixWeight = 20;
const positionWeight = 2;
const totalWeight = quoteWeight + prefixWeight + suffixWeight + positionWeight;

// With both context sides intact a fuzzy match may differ from the quote in up to ~46%
// of its characters; with one side intact, ~20%; with no context, not at all. An exact
// quote needs at least one side of its context (or see distinctiveQuoteLength).
export const defaultMinScore = 0.75;

// An exact quote this long (normalised UTF-16 units) that occurs once is accepted even
// if its context was rewritten: a chance repeat of so long a passage is unlikely.
export const distinctiveQuoteLength = 32;

// Hypothesis caps the errors at 256 for speed: the search costs O(maxErrors / 32 · n).
const maxSearchErrors = 256;

// Candidates further than this (normalised units, beyond the quote length) from the hint
// are only searched for when nothing good enough is found near it.
const nearbyDistance = 1000;

const maxCandidates = 2000;

// How far a fuzzy match may be widened to reach a word boundary.
const maxWordShift = 24;

const wordCharacter = /[\p{L}\p{M}\p{N}]/u;

type Candidate = { start: number; end: number; errors: number };

export function normalizeQuote(quote: QuoteToMatch): NormalizedQuote {
  return {
    exact: normalizeForMatching(quote.exact),
    prefix: normalizeForMatching(quote.prefix ?? ""),
    suffix: normalizeForMatching(quote.suffix ?? ""),
    isPrefixKnown: quote.prefix !== undefined,
    isSuffixKnown: quote.suffix !== undefined,
  };
}

export function matchQuote(
  text: string | MatchText,
  quote: QuoteToMatch,
  options: MatchQuoteOptions = {},
): QuoteMatch | null {
  const target = typeof text === "string" ? createMatchText(text) : text;
  const normalized = normalizeQuote(quote);
  const hint = options.hint === undefined ? undefined : toNormalizedHint(target, options.hint);
  const match = findNormalizedMatch(target, normalized, {
    hint,
    minScore: options.minScore ?? defaultMinScore,
  });

  return match ? toQuoteMatch(target, match) : null;
}

export type NormalizedMatch = Candidate & { score: number; kind: "exact" | "fuzzy" };

export type FindMatchOptions = {
  // Normalised offset the match is expected at.
  hint?: number;
  minScore: number;
  // Where to look for a fuzzy match away from the hint (normalised ranges); the whole
  // text when absent. A diff narrows this to the text that is new.
  searchRanges?: readonly Span[];
};

type Span = { start: number; end: number };

// The search itself, in normalised UTF-16 offsets of target.normalized.
export function findNormalizedMatch(
  target: MatchText,
  quote: NormalizedQuote,
  { hint, minScore, searchRanges }: FindMatchOptions,
): NormalizedMatch | null {
  const haystack = target.normalized;
  const needle = quote.exact;

  if (needle.trim().length === 0) {
    return null;
  }

  // Fast path: the quote with its context intact near the hint, the common case after
  // edits elsewhere. Nothing outside the window can be closer to the hint.
  if (hint !== undefined) {
    const from = Math.max(0, hint - nearbyDistance);
    const nearby = findOccurrences(haystack, needle, from, hint + nearbyDistance).filter(
      (candidate) => hasIntactContext(target, quote, candidate.start),
    );
    const best = pickBest(target, quote, closestTo(nearby, hint, 1), hint, "exact");
    if (best) {
      return best;
    }
  }

  const occurrences = findOccurrences(haystack, needle);

  if (occurrences.length > 0) {
    const intact = occurrences.filter((candidate) =>
      hasIntactContext(target, quote, candidate.start),
    );
    const pool = intact.length > 0 ? intact : occurrences;
    const best = pickBest(target, quote, closestTo(pool, hint), hint, "exact");

    if (
      best &&
      (best.score >= minScore ||
        intact.length > 0 ||
        (occurrences.length === 1 && needle.length >= distinctiveQuoteLength))
    ) {
      return best;
    }
  }

  const maxErrors = Math.min(maxSearchErrors, Math.floor(needle.length / 2));
  if (maxErrors < 1) {
    return null;
  }

  const searchFuzzy = (ranges: readonly Span[]): NormalizedMatch | null => {
    const found: Candidate[] = [];
    for (const range of ranges) {
      for (const match of approxSearch(haystack.slice(range.start, range.end), needle, maxErrors)) {
        found.push({
          start: match.start + range.start,
          end: match.end + range.start,
          errors: match.errors,
        });
      }
    }

    // approx-string-match returns only the fewest-error matches; if even a perfect
    // context could not lift them to minScore, there is nothing to score.
    const fewestErrors = found.reduce(
      (fewest, candidate) => Math.min(fewest, candidate.errors),
      Infinity,
    );
    if (found.length === 0 || bestPossibleScore(fewestErrors, needle.length) < minScore) {
      return null;
    }

    const best = pickBest(target, quote, closestTo(found, hint), hint, "fuzzy");
    const refined = best && refineBoundaries(target, quote, best, maxErrors, hint);
    return refined && refined.score >= minScore ? refined : null;
  };

  // Near the hint first: cheap, and finds the edited original even where an unedited
  // copy of the quote exists elsewhere in the text.
  let searchedAll = false;
  if (hint !== undefined) {
    const nearby = {
      start: Math.max(0, hint - nearbyDistance - needle.length),
      end: Math.min(haystack.length, hint + 2 * needle.length + nearbyDistance),
    };
    searchedAll = nearby.start === 0 && nearby.end === haystack.length;

    const best = searchFuzzy([nearby]);
    if (best) {
      return best;
    }
  }

  // Everywhere else. When exact copies exist the search would only find them again.
  if (searchedAll || occurrences.length > 0) {
    return null;
  }

  const margin = needle.length + maxErrors;
  return searchFuzzy(
    searchRanges
      ? widenRanges(searchRanges, margin, haystack.length)
      : [{ start: 0, end: haystack.length }],
  );
}

function bestPossibleScore(errors: number, length: number): number {
  const quoteScore = Math.max(0, 1 - errors / length);
  return (quoteWeight * quoteScore + prefixWeight + suffixWeight + positionWeight) / totalWeight;
}

// Widens sorted ranges by a margin each side (a match may straddle a range's edge)
// and merges those that then touch.
function widenRanges(ranges: readonly Span[], margin: number, length: number): Span[] {
  const merged: Span[] = [];

  for (const range of ranges) {
    const start = Math.max(0, range.start - margin);
    const end = Math.min(length, range.end + margin);
    const last = merged.at(-1);

    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
    } else if (end > start) {
      merged.push({ start, end });
    }
  }

  return merged;
}

// Score of a candidate at normalised [start, end) that differs from the quote by `errors`.
export function scoreCandidate(
  target: MatchText,
  quote: NormalizedQuote,
  candidate: Candidate,
  hint: number | undefined,
): number {
  const haystack = target.normalized;
  const quoteScore = Math.max(0, 1 - candidate.errors / quote.exact.length);
  const prefixScore = quote.prefix
    ? similarity(
        haystack.slice(Math.max(0, candidate.start - quote.prefix.length), candidate.start),
        quote.prefix,
      )
    : edgeScore(quote.isPrefixKnown, isAtStart(haystack, candidate.start));
  const suffixScore = quote.suffix
    ? similarity(haystack.slice(candidate.end, candidate.end + quote.suffix.length), quote.suffix)
    : edgeScore(quote.isSuffixKnown, isAtEnd(haystack, candidate.end));
  const positionScore =
    hint === undefined ? 1 : 1 - Math.abs(candidate.start - hint) / Math.max(1, haystack.length);

  return (
    (quoteWeight * quoteScore +
      prefixWeight * prefixScore +
      suffixWeight * suffixScore +
      positionWeight * positionScore) /
    totalWeight
  );
}

export function toNormalizedHint(target: MatchText, hint: number): number {
  const clamped = Math.min(Math.max(0, Math.round(hint)), target.index.codePointLength);
  return target.toNormalized[target.index.toUtf16(clamped)] as number;
}

// Converts a normalised match to code points of the real text. Fuzzy matches are
// trimmed of surrounding whitespace; an exact match keeps what the quote had.
export function toQuoteMatch(target: MatchText, match: NormalizedMatch): QuoteMatch | null {
  let [start, end] = toSourceRange(target, match.start, match.end);

  if (match.kind === "fuzzy") {
    while (start < end && /\s/u.test(target.text.charAt(start))) {
      start += 1;
    }
    while (end > start && /\s/u.test(target.text.charAt(end - 1))) {
      end -= 1;
    }
  }

  const startPoint = target.index.toCodePoint(start, "floor");
  const endPoint = target.index.toCodePoint(end, "ceil");
  if (endPoint <= startPoint) {
    return null;
  }

  return { start: startPoint, end: endPoint, score: match.score, kind: match.kind };
}

// Score of a candidate's side whose stored context is empty: unknown context says
// nothing; an empty one says the quote was at the edge of the text, so a candidate at
// the edge fits better than one in the middle (text may since have been added there).
function edgeScore(isKnown: boolean, isAtEdge: boolean): number {
  return !isKnown || isAtEdge ? 1 : 0.5;
}

function isAtStart(haystack: string, start: number): boolean {
  return start === 0 || (start === 1 && haystack.charCodeAt(0) === 0x20);
}

function isAtEnd(haystack: string, end: number): boolean {
  const length = haystack.length;
  return end === length || (end === length - 1 && haystack.charCodeAt(end) === 0x20);
}

function hasIntactContext(target: MatchText, quote: NormalizedQuote, start: number): boolean {
  const haystack = target.normalized;
  const end = start + quote.exact.length;

  const isPrefixIntact = quote.prefix
    ? haystack.slice(Math.max(0, start - quote.prefix.length), start) === quote.prefix
    : !quote.isPrefixKnown || isAtStart(haystack, start);
  const isSuffixIntact = quote.suffix
    ? haystack.slice(end, end + quote.suffix.length) === quote.suffix
    : !quote.isSuffixKnown || isAtEnd(haystack, end);

  return isPrefixIntact && isSuffixIntact;
}

// approx-string-match reports the span with the fewest edits, which can end inside a
// word ("a strong pac" for "a strong deal" in "a strong pact"). Highlights cover whole
// words, so where the quote began or ended at a word boundary the candidate is widened
// to one, provided it still differs from the quote by at most maxErrors.
export function snapToWords(
  target: MatchText,
  quote: NormalizedQuote,
  candidate: Candidate,
  maxErrors: number,
): Candidate {
  const haystack = target.normalized;
  let { start, end } = candidate;

  if (startsAtWordBoundary(quote)) {
    let from = start;
    while (from > 0 && start - from < maxWordShift && isWordCharacter(haystack, from - 1)) {
      from -= 1;
    }
    if (!isWordCharacter(haystack, from - 1)) {
      start = from;
    }
  }

  if (endsAtWordBoundary(quote)) {
    let to = end;
    while (to < haystack.length && to - end < maxWordShift && isWordCharacter(haystack, to)) {
      to += 1;
    }
    if (!isWordCharacter(haystack, to)) {
      end = to;
    }
  }

  if (start === candidate.start && end === candidate.end) {
    return candidate;
  }

  const errors = editDistance(haystack.slice(start, end), quote.exact, maxErrors);
  return errors <= maxErrors ? { start, end, errors } : candidate;
}

// The fewest edits do not always give the best highlight: with "and costly" deleted
// from "…was reckless and costly. Nobody…", the span "…was reckless. Nobody" is fewer
// edits away than "…was reckless". Each end of a fuzzy match is therefore moved to the
// nearby word boundary that gives the best overall score, context included.
export function refineBoundaries(
  target: MatchText,
  quote: NormalizedQuote,
  match: NormalizedMatch,
  maxErrors: number,
  hint: number | undefined,
): NormalizedMatch {
  if (match.kind === "exact") {
    return match;
  }

  const haystack = target.normalized;
  const reach = Math.min(maxWordShift, Math.max(4, maxErrors));
  let best = match;

  const consider = (start: number, end: number) => {
    if (end <= start || (start === best.start && end === best.end)) {
      return;
    }
    const errors = editDistance(haystack.slice(start, end), quote.exact, maxErrors);
    if (errors > maxErrors) {
      return;
    }
    const score = scoreCandidate(target, quote, { start, end, errors }, hint);
    if (score > best.score) {
      best = { start, end, errors, score, kind: errors === 0 ? "exact" : "fuzzy" };
    }
  };

  if (endsAtWordBoundary(quote)) {
    const { start, end } = best;
    for (
      let to = Math.max(start + 1, end - reach);
      to <= Math.min(haystack.length, end + reach);
      to += 1
    ) {
      if (isWordEnd(haystack, to)) {
        consider(start, to);
      }
    }
  }

  if (startsAtWordBoundary(quote)) {
    const { start, end } = best;
    for (
      let from = Math.max(0, start - reach);
      from <= Math.min(end - 1, start + reach);
      from += 1
    ) {
      if (isWordStart(haystack, from)) {
        consider(from, end);
      }
    }
  }

  return best;
}

// A place a highlight can start: not inside a word, not on a space.
function isWordStart(haystack: string, at: number): boolean {
  return (
    at < haystack.length &&
    haystack.charCodeAt(at) !== 0x20 &&
    !(isWordCharacter(haystack, at - 1) && isWordCharacter(haystack, at))
  );
}

// A place a highlight can end: not inside a word, not after a space.
function isWordEnd(haystack: string, at: number): boolean {
  return (
    at > 0 &&
    haystack.charCodeAt(at - 1) !== 0x20 &&
    !(isWordCharacter(haystack, at - 1) && isWordCharacter(haystack, at))
  );
}

function startsAtWordBoundary(quote: NormalizedQuote): boolean {
  return isWordCharacter(quote.exact, 0) && !isWordCharacter(quote.prefix, quote.prefix.length - 1);
}

function endsAtWordBoundary(quote: NormalizedQuote): boolean {
  return isWordCharacter(quote.exact, quote.exact.length - 1) && !isWordCharacter(quote.suffix, 0);
}

function isWordCharacter(value: string, at: number): boolean {
  return at >= 0 && at < value.length && wordCharacter.test(value.charAt(at));
}

function pickBest(
  target: MatchText,
  quote: NormalizedQuote,
  candidates: Candidate[],
  hint: number | undefined,
  kind: "exact" | "fuzzy",
): NormalizedMatch | null {
  let best: NormalizedMatch | null = null;

  const maxErrors = Math.min(maxSearchErrors, Math.floor(quote.exact.length / 2));
  const seen = new Set<string>();

  for (const found of candidates) {
    const candidate = kind === "fuzzy" ? snapToWords(target, quote, found, maxErrors) : found;
    const key = `${candidate.start}:${candidate.end}`;
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);

    const score = scoreCandidate(target, quote, candidate, hint);
    if (!best || score > best.score) {
      best = {
        ...candidate,
        score,
        kind: kind === "exact" || candidate.errors === 0 ? "exact" : "fuzzy",
      };
    }
  }

  return best;
}

// Occurrences starting in [from, to].
function findOccurrences(
  haystack: string,
  needle: string,
  from = 0,
  to = haystack.length,
): Candidate[] {
  const found: Candidate[] = [];

  for (
    let at = haystack.indexOf(needle, from);
    at !== -1 && at <= to;
    at = haystack.indexOf(needle, at + 1)
  ) {
    found.push({ start: at, end: at + needle.length, errors: 0 });
  }

  return found;
}

// Keeps scoring bounded for very common quotes: the candidates nearest the hint.
function closestTo<T extends { start: number }>(
  candidates: T[],
  hint: number | undefined,
  limit = maxCandidates,
): T[] {
  if (candidates.length <= limit) {
    return candidates;
  }

  const anchor = hint ?? 0;
  return [...candidates]
    .sort((a, b) => Math.abs(a.start - anchor) - Math.abs(b.start - anchor))
    .slice(0, limit);
}

// 1 − errors / length of the best match of `pattern` in `text` (Hypothesis' textMatchScore).
function similarity(text: string, pattern: string): number {
  if (text === pattern) {
    return 1;
  }
  if (text.length === 0 || pattern.length === 0) {
    return 0;
  }

  const [best] = approxSearch(text, pattern, pattern.length);
  return best ? 1 - best.errors / pattern.length : 0;
}
