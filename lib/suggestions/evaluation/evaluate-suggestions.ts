import { suggest } from "../suggest";
import type { Suggestion } from "../types";

import type { HandLabelledExpectation, HandLabelledPassage } from "./hand-labelled";

export type SuggestionScores = {
  predicted: number;
  correct: number;
  expected: number;
  found: number;
  precision: number;
  recall: number;
};

export type SuggestionEvaluation = {
  overall: SuggestionScores;
  byKind: Record<"framing" | "sourcing" | "boilerplate", SuggestionScores>;
  // Predictions that overlap no expectation of their label, and expectations nobody found.
  falsePositives: { passageId: string; suggestion: Suggestion }[];
  misses: { passageId: string; expectation: HandLabelledExpectation }[];
};

type Group = keyof SuggestionEvaluation["byKind"];

// Lenient span matching, as in the PTC scorer's partial-overlap spirit: a suggestion is
// correct when it overlaps an expected span with the same label (or is page furniture and
// overlaps expected page furniture); an expectation is found when a correct suggestion
// overlaps it. Offsets are code points.
export function evaluateSuggestions(passages: HandLabelledPassage[]): SuggestionEvaluation {
  const tallies = {
    framing: emptyTally(),
    sourcing: emptyTally(),
    boilerplate: emptyTally(),
  };
  const falsePositives: SuggestionEvaluation["falsePositives"] = [];
  const misses: SuggestionEvaluation["misses"] = [];

  for (const passage of passages) {
    const suggestions = suggest(passage.text, { dimensions: ["framing", "sourcing"] });
    const codePoints = [...passage.text];
    const expected = passage.expected.map((expectation) => ({
      expectation,
      ...locate(codePoints, expectation.exact, passage.id),
    }));

    for (const suggestion of suggestions) {
      const group = groupOf(suggestion);
      tallies[group].predicted += 1;

      if (
        expected.some(
          (entry) => isSameLabel(entry.expectation, suggestion) && overlaps(entry, suggestion),
        )
      ) {
        tallies[group].correct += 1;
      } else {
        falsePositives.push({ passageId: passage.id, suggestion });
      }
    }

    for (const entry of expected) {
      const group = groupOf(entry.expectation);
      tallies[group].expected += 1;

      if (
        suggestions.some(
          (suggestion) => isSameLabel(entry.expectation, suggestion) && overlaps(entry, suggestion),
        )
      ) {
        tallies[group].found += 1;
      } else {
        misses.push({ passageId: passage.id, expectation: entry.expectation });
      }
    }
  }

  const all = Object.values(tallies).reduce(
    (sum, tally) => ({
      predicted: sum.predicted + tally.predicted,
      correct: sum.correct + tally.correct,
      expected: sum.expected + tally.expected,
      found: sum.found + tally.found,
    }),
    emptyTally(),
  );

  return {
    overall: score(all),
    byKind: {
      framing: score(tallies.framing),
      sourcing: score(tallies.sourcing),
      boilerplate: score(tallies.boilerplate),
    },
    falsePositives,
    misses,
  };
}

type Tally = Omit<SuggestionScores, "precision" | "recall">;

function emptyTally(): Tally {
  return { predicted: 0, correct: 0, expected: 0, found: 0 };
}

function score(tally: Tally): SuggestionScores {
  return {
    ...tally,
    // No predictions: nothing wrong was said. No expectations: nothing was missed.
    precision: tally.predicted === 0 ? 1 : tally.correct / tally.predicted,
    recall: tally.expected === 0 ? 1 : tally.found / tally.expected,
  };
}

function groupOf(item: Suggestion | HandLabelledExpectation): Group {
  return item.kind === "boilerplate" ? "boilerplate" : (item.dimensionKey as Group);
}

function isSameLabel(expectation: HandLabelledExpectation, suggestion: Suggestion): boolean {
  if (expectation.kind === "boilerplate" || suggestion.kind === "boilerplate") {
    return expectation.kind === suggestion.kind;
  }

  return (
    expectation.dimensionKey === suggestion.dimensionKey &&
    expectation.labelKey === suggestion.labelKey
  );
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

// Code-point span of the one occurrence of `exact`; the set guarantees it is unique.
function locate(codePoints: string[], exact: string, passageId: string) {
  const needle = [...exact];
  const starts: number[] = [];

  for (let start = 0; start + needle.length <= codePoints.length; start += 1) {
    if (needle.every((char, offset) => codePoints[start + offset] === char)) {
      starts.push(start);
    }
  }

  const start = starts[0];
  if (starts.length !== 1 || start === undefined) {
    throw new Error(
      `"${exact}" occurs ${starts.length} times in passage ${passageId}; it must occur once.`,
    );
  }

  return { start, end: start + needle.length };
}
