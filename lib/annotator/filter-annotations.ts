// Side-panel filters and counts. Pure, so the reader and tests share one definition.

export type FilterableAnnotation = {
  id: string;
  labelIds: string[];
  author: { id: string };
  origin: "PERSON" | "SUGGESTION";
};

export type AnnotationFilter = {
  dimensionId: string | null;
  labelId: string | null;
  authorId: string | null;
  // Status: made by a person, or an accepted suggestion.
  origin: FilterableAnnotation["origin"] | null;
};

export const noFilter: AnnotationFilter = {
  dimensionId: null,
  labelId: null,
  authorId: null,
  origin: null,
};

export function isFilterActive(filter: AnnotationFilter): boolean {
  return Object.values(filter).some((value) => value !== null);
}

export function filterAnnotations<T extends FilterableAnnotation>(
  annotations: T[],
  filter: AnnotationFilter,
  dimensionOfLabel: ReadonlyMap<string, string>,
): T[] {
  return annotations.filter((annotation) => {
    if (filter.authorId && annotation.author.id !== filter.authorId) {
      return false;
    }
    if (filter.origin && annotation.origin !== filter.origin) {
      return false;
    }
    if (filter.labelId && !annotation.labelIds.includes(filter.labelId)) {
      return false;
    }
    if (
      filter.dimensionId &&
      !annotation.labelIds.some((labelId) => dimensionOfLabel.get(labelId) === filter.dimensionId)
    ) {
      return false;
    }
    return true;
  });
}

// How many highlights carry each label.
export function countByLabel(
  annotations: Pick<FilterableAnnotation, "labelIds">[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const annotation of annotations) {
    for (const labelId of new Set(annotation.labelIds)) {
      counts.set(labelId, (counts.get(labelId) ?? 0) + 1);
    }
  }
  return counts;
}
