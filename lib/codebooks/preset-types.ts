// The shape of a codebook preset. The JSON document form (with `schemaVersion`) and its
// checks live in validate-codebook.ts; keep the two in step.

// Where a dimension's values attach: to a highlighted span, or to the whole document.
export const dimensionScopes = ["span", "document"] as const;
export type DimensionScope = (typeof dimensionScopes)[number];

// How a dimension is filled in:
// - "labels": pick from the labels (one, or several when `multiple`).
// - "ordinal": pick one label from a scale. Labels are listed best first; each label's
//   `rating` places it on the scale, or, when no label has one, the order does (first =
//   best). With explicit ratings, a label without one is off the scale (e.g. "Opinion").
//   See get-ordinal-scale.ts; the scale exports to ClaimReview bestRating/worstRating.
// - "text": a free-text value (e.g. a fact-check verdict); the dimension has no labels.
// - "target": pick a label and name what it is about (e.g. stance *toward* a policy).
// - "link": pick a label and point at another highlight (a sourcing label linked to the
//   span that names the source).
export const dimensionFieldTypes = ["labels", "ordinal", "text", "target", "link"] as const;
export type DimensionFieldType = (typeof dimensionFieldTypes)[number];

export type PresetLabel = {
  // Machine key, stable across versions and exports. Where a dataset exists, its own
  // string (commas and capitals included), so exports line up with it.
  key: string;
  name: string;
  description: string;
  // Short passages that are (or are not) this label; shown to annotators in the codebook.
  examples?: string[];
  counterExamples?: string[];
  // Key of a coarse group label in the same dimension (e.g. SemEval-2023's six categories).
  parent?: string;
  // One letter or digit, unique within the dimension.
  shortcut?: string;
  // Overrides the dimension colour; "#RRGGBB" from a colour-blind-safe palette.
  color?: string;
  // Position on an ordinal scale; higher is better.
  rating?: number;
};

export type PresetDimension = {
  key: string;
  name: string;
  description: string;
  multiple: boolean;
  required: boolean;
  // Default "span".
  scope?: DimensionScope;
  // Default "labels".
  fieldType?: DimensionFieldType;
  // "#RRGGBB" from a colour-blind-safe palette (palettes.ts: Okabe–Ito, Paul Tol).
  color: string;
  labels: PresetLabel[];
};

export type CodebookPreset = {
  key: string;
  name: string;
  description: string;
  // Where the scheme comes from (citation) and what may be reused under which terms.
  // Optional in the type so user-made codebooks need not say; every shipped preset does.
  source?: string;
  licence?: string;
  dimensions: PresetDimension[];
};
