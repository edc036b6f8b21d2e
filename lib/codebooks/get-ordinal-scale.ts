import type { PresetDimension } from "./preset-types";

export type OrdinalScale = {
  bestRating: number;
  worstRating: number;
  // Labels on the scale, best first; labels off the scale are left out.
  ratings: { labelKey: string; rating: number }[];
};

// The scale of an ordinal dimension, in the terms of schema.org Rating (ClaimReview
// reviewRating): explicit `rating`s when any label has one, else the label order with the
// first label best (n) and the last worst (1). Null for other field types or no labels.
export function getOrdinalScale(
  dimension: Pick<PresetDimension, "fieldType" | "labels">,
): OrdinalScale | null {
  if (dimension.fieldType !== "ordinal" || dimension.labels.length === 0) {
    return null;
  }

  const hasExplicitRatings = dimension.labels.some((label) => label.rating !== undefined);
  const count = dimension.labels.length;
  const ratings = dimension.labels
    .map((label, index) => ({
      labelKey: label.key,
      rating: hasExplicitRatings ? label.rating : count - index,
    }))
    .filter((entry): entry is { labelKey: string; rating: number } => entry.rating !== undefined)
    .sort((a, b) => b.rating - a.rating);

  const best = ratings[0];
  const worst = ratings[ratings.length - 1];
  if (best === undefined || worst === undefined) {
    return null;
  }

  return { bestRating: best.rating, worstRating: worst.rating, ratings };
}
