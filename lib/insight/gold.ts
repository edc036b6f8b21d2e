// Which highlights form the agreed (gold) set, and which a lead made while adjudicating
// (docs/review.md). Pure, so the loader and the tests read the same rule.

export type ReviewFields = {
  authorId: string;
  isGold: boolean;
  reviewState: "PENDING" | "ACCEPTED" | "REJECTED" | "EDITED";
  reviewedById: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
};

// Gold: isGold with the review state ACCEPTED or EDITED.
export function isInGoldSet(row: Pick<ReviewFields, "isGold" | "reviewState">): boolean {
  return row.isGold && (row.reviewState === "ACCEPTED" || row.reviewState === "EDITED");
}

// Made in adjudication (an edited copy or a lead's addition): reviewed by its own author at
// the moment it was created. Such a highlight is the lead's ruling, not an annotation, so it
// is in the gold set only and never counts as an annotator's work.
export function isAdjudicationHighlight(row: ReviewFields): boolean {
  return (
    row.isGold &&
    row.reviewedById === row.authorId &&
    row.reviewedAt !== null &&
    row.reviewedAt.getTime() === row.createdAt.getTime()
  );
}
