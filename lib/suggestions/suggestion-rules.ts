import { attributionRules } from "./attribution-rules";
import { framingRules } from "./framing-rules";
import type { SuggestionRule } from "./types";
import { unattributedStatisticsRule } from "./unattributed-statistics";

// Every label rule, in priority order: where two rules suggest the same label for the same
// span, the first one's id and description are kept.
export const suggestionRules: SuggestionRule[] = [
  ...attributionRules,
  unattributedStatisticsRule,
  ...framingRules,
];
