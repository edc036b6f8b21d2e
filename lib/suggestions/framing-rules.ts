import type { LexiconLabelKey } from "./lexicon";
import { lexicon } from "./lexicon";
import { createPatternRule, oneOf } from "./pattern-rule";
import { compilePhrases, findMatches } from "./phrase-pattern";
import type { SuggestionRule } from "./types";

const lexiconDescriptions: Record<LexiconLabelKey, string> = {
  Loaded_Language: "A word or phrase from the loaded-language lexicon.",
  "Name_Calling-Labeling": "A derogatory or glorifying label from the name-calling lexicon.",
  "Exaggeration-Minimisation": "An intensifier or minimiser from the exaggeration lexicon.",
  "Appeal_to_Fear-Prejudice": "A fear or threat phrase from the appeal-to-fear lexicon.",
  Doubt: "A phrase that casts doubt on credibility, from the doubt lexicon.",
  Whataboutism: "A whataboutism phrase from the lexicon.",
  "False_Dilemma-No_Choice": "A no-alternative phrase from the false-dilemma lexicon.",
};

const lexiconRules: SuggestionRule[] = (Object.keys(lexicon) as LexiconLabelKey[]).map(
  (labelKey) => {
    const pattern = compilePhrases(lexicon[labelKey]);

    return {
      id: `framing.lexicon.${labelKey}`,
      description: lexiconDescriptions[labelKey],
      dimensionKey: "framing",
      labelKey,
      find: (text: string) => findMatches(pattern, text),
    };
  },
);

const superlatives = oneOf([
  "biggest",
  "largest",
  "greatest",
  "worst",
  "best",
  "deadliest",
  "highest",
  "lowest",
  "strongest",
  "weakest",
  "fastest",
  "longest",
  "richest",
  "poorest",
  "costliest",
  "bloodiest",
  "darkest",
  "finest",
  "proudest",
  "smartest",
  "dumbest",
  "toughest",
  "harshest",
  "most",
  "least",
]);

const historyWords = oneOf([
  "the",
  "our",
  "its",
  "their",
  "his",
  "her",
  "living",
  "recent",
  "modern",
  "recorded",
  "human",
  "world",
  "political",
]);

export const framingRules: SuggestionRule[] = [
  ...lexiconRules,
  createPatternRule({
    id: "framing.absolute-superlative",
    description:
      'A superlative made absolute: "the worst ... in history", "the biggest ... ever", "of all time".',
    dimensionKey: "framing",
    labelKey: "Exaggeration-Minimisation",
    // "most"/"least" take the next word ("the most corrupt"). Plain superlatives ("the
    // largest city") are left alone: only the absolute frame makes them an exaggeration.
    pattern: String.raw`(?:the\s+|[\p{L}]+['’]s\s+)?${superlatives}\s+(?:[\p{L}’'-]+\s+){0,4}?(?:ever|in\s+(?:${historyWords}\s+){0,2}(?:history|memory)(?:\s+of\s+(?:the\s+|this\s+|our\s+)?[\p{L}-]+)?|of\s+all\s+time|the\s+world\s+has\s+(?:ever\s+)?seen)`,
  }),
  createPatternRule({
    id: "framing.either-or",
    description: 'Two options offered as the only ones: "either we ... or ...".',
    dimensionKey: "framing",
    labelKey: "False_Dilemma-No_Choice",
    pattern: String.raw`either\s+(?:we|you|they|i|it['’]s|it\s+is)\s+[^.!?\n]{1,150}?\s+or\s+[^.!?\n]*[^\s.!?,;:]`,
  }),
  createPatternRule({
    id: "framing.why-when",
    description: 'Deflecting with someone else\'s conduct: "why criticise X when Y did worse?".',
    dimensionKey: "framing",
    labelKey: "Whataboutism",
    pattern: String.raw`why\s+${oneOf(["are", "is", "do", "does", "did", "should", "would", "were", "was", "has", "have"])}\s+[^.!?\n]{3,120}?\s+when\s+[^.!?\n]{3,150}?\?`,
  }),
];
