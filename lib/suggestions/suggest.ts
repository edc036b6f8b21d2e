import { createOffsetIndex } from "@/lib/anchoring/text-position";

import { findBoilerplate } from "./boilerplate";
import { suggestionRules } from "./suggestion-rules";
import type { LabelSuggestion, Suggestion, SuggestOptions } from "./types";

// Offline pre-annotation: candidate passages for the newsroom-review "framing" and
// "sourcing" dimensions, and page furniture, found by rules with no network or model.
// Sorted by position; each (span, label) once; a span inside a longer span with the same
// label is dropped, and so are label suggestions inside page furniture.
export function suggest(text: string, options: SuggestOptions = {}): Suggestion[] {
  const index = createOffsetIndex(text);
  const wanted = options.dimensions ? new Set(options.dimensions) : null;

  function toSpan(utf16Start: number, utf16End: number) {
    return {
      start: index.toCodePoint(utf16Start, "floor"),
      end: index.toCodePoint(utf16End, "ceil"),
      exact: text.slice(utf16Start, utf16End),
    };
  }

  const boilerplate: Suggestion[] = findBoilerplate(text).map((match) => ({
    kind: "boilerplate",
    ...toSpan(match.utf16Start, match.utf16End),
    dimensionKey: null,
    labelKey: null,
    ruleId: match.ruleId,
    ruleDescription: match.ruleDescription,
  }));

  const labels: LabelSuggestion[] = suggestionRules
    .filter((rule) => wanted === null || wanted.has(rule.dimensionKey))
    .flatMap((rule) =>
      rule.find(text).map((match) => ({
        kind: "label" as const,
        ...toSpan(match.utf16Start, match.utf16End),
        dimensionKey: rule.dimensionKey,
        labelKey: rule.labelKey,
        ruleId: rule.id,
        ruleDescription: rule.description,
      })),
    )
    .filter(
      (suggestion) =>
        !boilerplate.some((item) => item.start <= suggestion.start && suggestion.end <= item.end),
    );

  const kept = options.boilerplate === false ? [] : boilerplate;

  return [...kept, ...dropContained(labels)].sort(compareSuggestions);
}

// Per label, keeps only spans not covered by another span of the same label; of identical
// spans, the first in rule order.
function dropContained(suggestions: LabelSuggestion[]): LabelSuggestion[] {
  const byLabel = new Map<string, LabelSuggestion[]>();

  for (const suggestion of suggestions) {
    const id = `${suggestion.dimensionKey}\u0000${suggestion.labelKey}`;
    const group = byLabel.get(id);
    if (group) {
      group.push(suggestion);
    } else {
      byLabel.set(id, [suggestion]);
    }
  }

  const kept: LabelSuggestion[] = [];

  for (const group of byLabel.values()) {
    // Stable sort: among equal spans the earlier rule stays first.
    const ordered = [...group].sort((a, b) => a.start - b.start || b.end - a.end);
    let coveredUntil = -1;

    for (const suggestion of ordered) {
      if (suggestion.end <= coveredUntil) {
        continue;
      }
      kept.push(suggestion);
      coveredUntil = suggestion.end;
    }
  }

  return kept;
}

function compareSuggestions(a: Suggestion, b: Suggestion): number {
  return (
    a.start - b.start ||
    a.end - b.end ||
    (a.dimensionKey ?? "").localeCompare(b.dimensionKey ?? "") ||
    (a.labelKey ?? "").localeCompare(b.labelKey ?? "") ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
