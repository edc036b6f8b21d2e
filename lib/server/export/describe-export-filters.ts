import "server-only";

import type { ExportPlan } from "./resolve-export";

// The filters in words, for the "nothing matches" message and the datasheet. Annotators
// are counted, never named: the datasheet may be pseudonymised.
export function describeExportFilters(plan: ExportPlan): string[] {
  const { filters, codebook } = plan;
  const parts: string[] = [];

  if (plan.collection) {
    parts.push(`documents of the collection “${plan.collection.name}”`);
  } else if (filters.documentIds.length > 0) {
    parts.push(`${plural(filters.documentIds.length, "chosen document")}`);
  } else {
    parts.push("every document of the workspace");
  }

  const dimensionNames = codebook.dimensions.map((dimension) => dimension.name);
  parts.push(
    `codebook “${codebook.name}” (${codebook.key}, version ${codebook.version}), ${
      filters.dimensions.length > 0 || plan.format === "claim-review"
        ? `${dimensionNames.length === 1 ? "dimension" : "dimensions"} ${dimensionNames.join(", ")}`
        : "every dimension and notes without labels"
    }`,
  );

  if (filters.annotatorIds.length > 0) {
    parts.push(plural(filters.annotatorIds.length, "chosen annotator"));
  }
  if (filters.origins.length > 0) {
    parts.push(
      `made by ${filters.origins.map((origin) => (origin === "person" ? "a person" : "a suggestion rule")).join(" or ")}`,
    );
  }
  if (filters.reviewStates.length > 0) {
    parts.push(`review state ${filters.reviewStates.join(" or ")}`);
  }
  if (filters.createdFrom && filters.createdTo) {
    parts.push(`created ${filters.createdFrom} to ${filters.createdTo} (UTC)`);
  } else if (filters.createdFrom) {
    parts.push(`created on or after ${filters.createdFrom} (UTC)`);
  } else if (filters.createdTo) {
    parts.push(`created on or before ${filters.createdTo} (UTC)`);
  }
  parts.push(filters.includeComments ? "comments included" : "comments left out");

  return parts;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
