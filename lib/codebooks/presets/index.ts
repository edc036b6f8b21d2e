import type { CodebookPreset } from "../preset-types";

import { allsidesMediaBiasPreset } from "./allsides-media-bias";
import { factCheckScalesPreset } from "./fact-check-scales";
import { mediaFramesCorpusPreset } from "./media-frames-corpus";
import { newsroomReviewPreset } from "./newsroom-review";
import { persuasionSemeval2023Preset } from "./persuasion-semeval-2023";
import { propagandaSemeval2020Preset } from "./propaganda-semeval-2020";

// Every shipped preset by key; the order here is the order the UI lists them in.
export const codebookPresets = {
  "newsroom-review": newsroomReviewPreset,
  "persuasion-semeval-2023": persuasionSemeval2023Preset,
  "propaganda-semeval-2020": propagandaSemeval2020Preset,
  "media-frames-corpus": mediaFramesCorpusPreset,
  "allsides-media-bias": allsidesMediaBiasPreset,
  "fact-check-scales": factCheckScalesPreset,
} as const satisfies Record<string, CodebookPreset>;

export type CodebookPresetKey = keyof typeof codebookPresets;

export const defaultCodebookPresetKey: CodebookPresetKey = "newsroom-review";

// What a preset picker needs, without the labels.
export type CodebookPresetSummary = {
  key: CodebookPresetKey;
  name: string;
  description: string;
  source: string;
  licence: string;
  dimensionCount: number;
  labelCount: number;
};

export const codebookPresetList: CodebookPresetSummary[] = (
  Object.entries(codebookPresets) as [CodebookPresetKey, CodebookPreset][]
).map(([key, preset]) => ({
  key,
  name: preset.name,
  description: preset.description,
  source: preset.source ?? "",
  licence: preset.licence ?? "",
  dimensionCount: preset.dimensions.length,
  labelCount: preset.dimensions.reduce((sum, dimension) => sum + dimension.labels.length, 0),
}));

export function isCodebookPresetKey(value: string): value is CodebookPresetKey {
  return Object.hasOwn(codebookPresets, value);
}

export function getCodebookPreset(key: string): CodebookPreset | null {
  return isCodebookPresetKey(key) ? codebookPresets[key] : null;
}
