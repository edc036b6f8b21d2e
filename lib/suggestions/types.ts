// A candidate passage for an annotator to confirm or dismiss; never an annotation by itself.
// Offsets are Unicode code points, end exclusive (docs/offsets.md), like stored highlights.
type SuggestionSpan = {
  start: number;
  end: number;
  // The text at [start, end), as `[...text].slice(start, end).join("")`.
  exact: string;
  ruleId: string;
  ruleDescription: string;
};

// A label from the newsroom-review codebook (see label-mapping.ts).
export type LabelSuggestion = SuggestionSpan & {
  kind: "label";
  dimensionKey: string;
  labelKey: string;
};

// Page furniture (subscription prompts, share buttons, comment widgets): text that is not
// part of the article. No codebook label fits it, so it carries none: the reader can grey
// it out or offer to trim it.
export type BoilerplateSuggestion = SuggestionSpan & {
  kind: "boilerplate";
  dimensionKey: null;
  labelKey: null;
};

export type Suggestion = LabelSuggestion | BoilerplateSuggestion;

export type SuggestOptions = {
  // Only suggest labels of these newsroom-review dimensions ("framing", "sourcing").
  // Default: all dimensions the rules cover.
  dimensions?: readonly string[];
  // Include page furniture. Default true.
  boilerplate?: boolean;
};

// A match in UTF-16 code units, before conversion to code points.
export type RuleMatch = {
  utf16Start: number;
  utf16End: number;
};

export type SuggestionRule = {
  id: string;
  description: string;
  dimensionKey: string;
  labelKey: string;
  find: (text: string) => RuleMatch[];
};
