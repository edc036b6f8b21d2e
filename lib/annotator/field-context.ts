// What the tag popover offers for typed fields, from the highlights the reader holds.

type HighlightLike = {
  id: string;
  exact: string;
  isPending?: boolean;
  values: readonly { target: string | null; holder: string | null }[];
};

// Highlights a link may point at: saved ones other than the highlight being edited, in
// the order given (reading order).
export function listLinkCandidates(
  annotations: readonly HighlightLike[],
  excludeId: string | null,
): { id: string; exact: string }[] {
  return annotations
    .filter((annotation) => annotation.id !== excludeId && !annotation.isPending)
    .map((annotation) => ({ id: annotation.id, exact: annotation.exact }));
}

// Targets and holders already named in the document, most used first, each once
// (compared without case), so the same target is written the same way.
export function listTargetSuggestions(annotations: readonly HighlightLike[]): string[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const annotation of annotations) {
    for (const value of annotation.values) {
      for (const name of [value.target, value.holder]) {
        if (!name) {
          continue;
        }
        const key = name.toLocaleLowerCase();
        const entry = counts.get(key) ?? { name, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
    }
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .map((entry) => entry.name);
}
