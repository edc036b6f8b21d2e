import type { Suggestion } from "@/lib/suggestions/types";

// Suggestions as the reader shows them: tied to a label of the workspace's codebook,
// or page furniture (no label). Rules name newsroom-review keys; a codebook without
// that label simply gets no such suggestion.
export type ReaderSuggestion = {
  id: string;
  start: number;
  end: number;
  exact: string;
  labelId: string | null;
  ruleId: string;
  ruleDescription: string;
};

type CodebookLabels = {
  dimensions: { key: string; labels: { id: string; key: string }[] }[];
};

type ExistingSpan = { start: number; end: number; labelIds: string[] };

export function matchSuggestions(
  suggestions: Suggestion[],
  codebook: CodebookLabels,
  existing: ExistingSpan[],
  dismissed: ReadonlySet<string>,
): ReaderSuggestion[] {
  const labelByKey = new Map(
    codebook.dimensions.flatMap((dimension) =>
      dimension.labels.map((label) => [`${dimension.key}:${label.key}`, label.id] as const),
    ),
  );

  const matched: ReaderSuggestion[] = [];
  for (const suggestion of suggestions) {
    const labelId =
      suggestion.kind === "label"
        ? labelByKey.get(`${suggestion.dimensionKey}:${suggestion.labelKey}`)
        : null;
    if (labelId === undefined) {
      continue;
    }
    // Stable across reloads, so a dismissal sticks to the same suggestion.
    const id = `suggestion:${suggestion.start}-${suggestion.end}-${suggestion.ruleId}`;
    const isAlreadyTagged = existing.some(
      (span) =>
        span.start === suggestion.start &&
        span.end === suggestion.end &&
        (labelId === null || span.labelIds.includes(labelId)),
    );
    if (!isAlreadyTagged && !dismissed.has(id)) {
      matched.push({
        id,
        start: suggestion.start,
        end: suggestion.end,
        exact: suggestion.exact,
        labelId,
        ruleId: suggestion.ruleId,
        ruleDescription: suggestion.ruleDescription,
      });
    }
  }
  return matched;
}
