import { describe, expect, it } from "vitest";

import { getOrdinalScale } from "../get-ordinal-scale";
import { colourBlindSafeColours } from "../palettes";
import { toCodebookDocument, validateCodebook } from "../validate-codebook";

import {
  codebookPresetList,
  codebookPresets,
  getCodebookPreset,
  isCodebookPresetKey,
} from "./index";
import { aiInvolvementDigitalSourceTypes, newsroomReviewPreset } from "./newsroom-review";
import { persuasionSemeval2023Preset } from "./persuasion-semeval-2023";
import { propagandaSemeval2020Preset } from "./propaganda-semeval-2020";
import { mediaFramesCorpusPreset } from "./media-frames-corpus";
import { allsidesMediaBiasPreset } from "./allsides-media-bias";
import { factCheckScalesPreset } from "./fact-check-scales";

const presets = Object.values(codebookPresets);

function dimensionOf(presetKey: keyof typeof codebookPresets, dimensionKey: string) {
  const dimension = codebookPresets[presetKey].dimensions.find(
    (entry) => entry.key === dimensionKey,
  );
  if (!dimension) {
    throw new Error(`No dimension ${dimensionKey} in ${presetKey}`);
  }
  return dimension;
}

describe("every shipped preset", () => {
  it.each(presets.map((preset) => [preset.key, preset] as const))(
    "%s validates as a codebook document",
    (_key, preset) => {
      const result = validateCodebook({ schemaVersion: 1, ...preset });

      expect(result.ok ? [] : result.problems).toEqual([]);
    },
  );

  it.each(presets.map((preset) => [preset.key, preset] as const))(
    "%s has a source, a licence note, colour-blind-safe colours and shortcuts 1-9 then letters",
    (_key, preset) => {
      expect(preset.source?.length).toBeGreaterThan(40);
      expect(preset.licence?.length).toBeGreaterThan(40);

      for (const dimension of preset.dimensions) {
        expect(colourBlindSafeColours.has(dimension.color), dimension.key).toBe(true);
        expect(dimension.labels.map((label) => label.shortcut).join("")).toBe(
          "123456789abcdefghijklmnopqrstuvwxyz".slice(0, dimension.labels.length),
        );

        for (const label of dimension.labels) {
          if (label.color !== undefined) {
            expect(colourBlindSafeColours.has(label.color), label.key).toBe(true);
          }
        }
      }
    },
  );

  it("round-trips through the JSON document form unchanged", () => {
    for (const preset of presets) {
      const document = toCodebookDocument(JSON.parse(JSON.stringify(preset)));

      expect(document).toEqual({ schemaVersion: 1, ...preset });
    }
  });
});

describe("registry", () => {
  it("keys each preset by its own key and lists them all for the UI", () => {
    for (const [key, preset] of Object.entries(codebookPresets)) {
      expect(preset.key).toBe(key);
    }

    expect(codebookPresetList.map((entry) => entry.key)).toEqual(Object.keys(codebookPresets));
    expect(codebookPresetList[0]).toMatchObject({
      key: "newsroom-review",
      dimensionCount: 5,
      labelCount: 28,
    });
  });

  it("looks presets up by key", () => {
    expect(getCodebookPreset("media-frames-corpus")).toBe(mediaFramesCorpusPreset);
    expect(getCodebookPreset("toString")).toBeNull();
    expect(isCodebookPresetKey("fact-check-scales")).toBe(true);
    expect(isCodebookPresetKey("nope")).toBe(false);
  });
});

describe("newsroom review", () => {
  // Stored data, demo seed and e2e tests refer to these keys and names.
  it("keeps its dimension and label keys and names", () => {
    expect(
      newsroomReviewPreset.dimensions.map((dimension) => [
        dimension.key,
        dimension.name,
        dimension.labels.map((label) => `${label.key}=${label.name}`),
      ]),
    ).toEqual([
      [
        "stance",
        "Stance",
        ["supportive=Supportive", "critical=Critical", "neutral=Neutral", "mixed=Mixed"],
      ],
      [
        "sourcing",
        "Sourcing",
        [
          "named_person=Named person",
          "named_organization=Named organisation",
          "primary_document=Official or primary document",
          "secondary_media=Another outlet",
          "anonymous_source=Anonymous source",
          "vague_attribution=Vague attribution",
          "no_source=No source",
        ],
      ],
      [
        "accuracy",
        "Factual accuracy",
        [
          "accurate=Accurate",
          "missing_context=Accurate but missing context",
          "misleading=Misleading",
          "false=False",
          "unverifiable=Unverifiable",
          "opinion=Opinion, not a factual claim",
        ],
      ],
      [
        "framing",
        "Framing technique",
        [
          "Loaded_Language=Loaded language",
          "Name_Calling-Labeling=Name calling",
          "Exaggeration-Minimisation=Exaggeration or minimisation",
          "Appeal_to_Fear-Prejudice=Appeal to fear",
          "Whataboutism=Whataboutism",
          "False_Dilemma-No_Choice=False dilemma",
          "Doubt=Doubt",
        ],
      ],
      [
        "ai_involvement",
        "AI involvement",
        [
          "none_declared=None declared",
          "ai_assisted=AI-assisted",
          "ai_generated=AI-generated",
          "unknown=Unknown",
        ],
      ],
    ]);
  });

  it("uses SemEval-2023 keys for framing", () => {
    const semeval = new Set(
      persuasionSemeval2023Preset.dimensions[2]?.labels.map((label) => label.key),
    );

    for (const label of dimensionOf("newsroom-review", "framing").labels) {
      expect(semeval.has(label.key), label.key).toBe(true);
    }
  });

  it("asks for a stance target and rates accuracy on an ordinal scale with off-scale labels", () => {
    expect(dimensionOf("newsroom-review", "stance").fieldType).toBe("target");
    expect(getOrdinalScale(dimensionOf("newsroom-review", "accuracy"))).toEqual({
      bestRating: 4,
      worstRating: 1,
      ratings: [
        { labelKey: "accurate", rating: 4 },
        { labelKey: "missing_context", rating: 3 },
        { labelKey: "misleading", rating: 2 },
        { labelKey: "false", rating: 1 },
      ],
    });
  });

  it("maps AI involvement to IPTC digital source type URIs", () => {
    const labels = dimensionOf("newsroom-review", "ai_involvement").labels.map(
      (label) => label.key,
    );

    expect(Object.keys(aiInvolvementDigitalSourceTypes).sort()).toEqual([...labels].sort());
    expect(aiInvolvementDigitalSourceTypes.ai_generated).toBe(
      "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia",
    );
    expect(aiInvolvementDigitalSourceTypes.ai_assisted).toBe(
      "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia",
    );
    expect(aiInvolvementDigitalSourceTypes.none_declared).toBeNull();
  });
});

describe("SemEval-2020 Task 11", () => {
  it("has the 14 task classes with the dataset's own strings", () => {
    expect(propagandaSemeval2020Preset.dimensions[0]?.labels.map((label) => label.key)).toEqual([
      "Appeal_to_Authority",
      "Appeal_to_fear-prejudice",
      "Bandwagon,Reductio_ad_hitlerum",
      "Black-and-White_Fallacy",
      "Causal_Oversimplification",
      "Doubt",
      "Exaggeration,Minimisation",
      "Flag-Waving",
      "Loaded_Language",
      "Name_Calling,Labeling",
      "Repetition",
      "Slogans",
      "Thought-terminating_Cliches",
      "Whataboutism,Straw_Men,Red_Herring",
    ]);
  });

  it("names all 18 original PTC techniques, with the one dropped class in the preset description", () => {
    const descriptions = propagandaSemeval2020Preset.dimensions[0]?.labels
      .map((label) => label.description)
      .join("\n");
    const original = [
      "Loaded Language",
      "Name Calling,Labeling",
      "Repetition",
      "Exaggeration,Minimization",
      "Doubt",
      "Appeal to fear-prejudice",
      "Flag-Waving",
      "Causal Oversimplification",
      "Slogans",
      "Appeal to Authority",
      "Black-and-White Fallacy",
      "Thought-terminating Cliches",
      "Whataboutism",
      "Reductio ad Hitlerum",
      "Red Herring",
      "Bandwagon",
      "Straw Men",
    ];

    for (const name of original) {
      expect(descriptions, name).toContain(name);
    }
    expect(propagandaSemeval2020Preset.description).toContain(
      "Obfuscation, Intentional Vagueness, Confusion dropped",
    );
  });
});

describe("SemEval-2023 Task 3", () => {
  const techniques = dimensionOf("persuasion-semeval-2023", "techniques");

  it("has the 23 techniques, each under one of the six coarse categories", () => {
    const groups = Object.fromEntries(
      techniques.labels
        .filter((label) => label.parent === undefined)
        .map((group) => [
          group.key,
          techniques.labels.filter((label) => label.parent === group.key).map((label) => label.key),
        ]),
    );

    expect(groups).toEqual({
      Attack_on_Reputation: [
        "Name_Calling-Labeling",
        "Guilt_by_Association",
        "Doubt",
        "Appeal_to_Hypocrisy",
        "Questioning_the_Reputation",
      ],
      Justification: [
        "Flag_Waving",
        "Appeal_to_Authority",
        "Appeal_to_Popularity",
        "Appeal_to_Values",
        "Appeal_to_Fear-Prejudice",
      ],
      Simplification: [
        "Causal_Oversimplification",
        "False_Dilemma-No_Choice",
        "Consequential_Oversimplification",
      ],
      Distraction: ["Straw_Man", "Red_Herring", "Whataboutism"],
      Call: ["Slogans", "Conversation_Killer", "Appeal_to_Time"],
      Manipulative_Wording: [
        "Loaded_Language",
        "Obfuscation-Vagueness-Confusion",
        "Exaggeration-Minimisation",
        "Repetition",
      ],
    });
    expect(Object.values(groups).flat()).toHaveLength(23);
  });

  it("has genre and the 14 frames as document-level dimensions with the dataset's strings", () => {
    const genre = dimensionOf("persuasion-semeval-2023", "genre");
    const frames = dimensionOf("persuasion-semeval-2023", "frames");

    expect(genre.scope).toBe("document");
    expect(genre.labels.map((label) => label.key)).toEqual(["opinion", "reporting", "satire"]);
    expect(frames.scope).toBe("document");
    expect(frames.multiple).toBe(true);
    expect(frames.labels.map((label) => label.key)).toEqual([
      "Economic",
      "Capacity_and_resources",
      "Morality",
      "Fairness_and_equality",
      "Legality_Constitutionality_and_jurisprudence",
      "Policy_prescription_and_evaluation",
      "Crime_and_punishment",
      "Security_and_defense",
      "Health_and_safety",
      "Quality_of_life",
      "Cultural_identity",
      "Public_opinion",
      "Political",
      "External_regulation_and_reputation",
    ]);
  });
});

describe("Media Frames Corpus", () => {
  it("has the 15 framing dimensions keyed by their codes.json codes and names", () => {
    const frame = dimensionOf("media-frames-corpus", "frame");

    expect(frame.labels).toHaveLength(15);
    expect(frame.labels[4]).toMatchObject({
      key: "5.0",
      name: "Legality, constitutionality and jurisprudence",
    });
    expect(frame.labels[14]).toMatchObject({ key: "15.0", name: "Other" });

    // The names match the SemEval-2023 frames, which are these without "Other".
    const semeval = dimensionOf("persuasion-semeval-2023", "frames").labels.map((label) =>
      label.name.toLowerCase(),
    );
    expect(frame.labels.slice(0, 14).map((label) => label.name.toLowerCase())).toEqual(semeval);
  });

  it("offers the primary frame per document, with Irrelevant", () => {
    const primary = dimensionOf("media-frames-corpus", "primary_frame");

    expect(primary.scope).toBe("document");
    expect(primary.labels.map((label) => label.key)).toEqual([
      ...Array.from({ length: 15 }, (_, index) => `${index + 1}.2`),
      "16.2",
    ]);
  });
});

describe("AllSides", () => {
  it("has the 16 types in order, with the sub-types of omission and placement", () => {
    const types = dimensionOf("allsides-media-bias", "bias_type").labels;

    expect(types.filter((label) => label.parent === undefined).map((label) => label.name)).toEqual([
      "Spin",
      "Slant",
      "Sensationalism",
      "Bias by Omission",
      "Story Choice",
      "Placement",
      "Word Choice",
      "Unsubstantiated Claims",
      "Opinion Statements Presented as Facts",
      "Subjective Qualifying Adjectives",
      "Mudslinging/Ad Hominem",
      "Mind Reading",
      "Negativity Bias",
      "Flawed Logic",
      "Photo Bias",
      "Elite v. Populist Bias",
    ]);
    expect(
      types
        .filter((label) => label.parent !== undefined)
        .map((label) => [label.parent, label.name]),
    ).toEqual([
      ["bias_by_omission", "Omission of Viewpoint, Information, Stories"],
      ["bias_by_omission", "Omission of Source Attribution"],
      ["placement", "Story Placement"],
      ["placement", "Viewpoint Placement"],
    ]);
    expect(allsidesMediaBiasPreset.dimensions[1]?.labels.map((label) => label.name)).toEqual([
      "Left",
      "Lean Left",
      "Center",
      "Lean Right",
      "Right",
      "Mixed",
    ]);
  });
});

describe("fact-check scales", () => {
  it("rates PolitiFact's six levels 6 to 1 with LIAR keys", () => {
    const meter = dimensionOf("fact-check-scales", "truth_o_meter");

    expect(meter.labels.map((label) => `${label.key}=${label.name}`)).toEqual([
      "true=True",
      "mostly-true=Mostly True",
      "half-true=Half True",
      "barely-true=Mostly False",
      "false=False",
      "pants-fire=Pants on Fire",
    ]);
    expect(getOrdinalScale(meter)).toMatchObject({ bestRating: 6, worstRating: 1 });
  });

  it("has a free-text verdict without labels", () => {
    expect(factCheckScalesPreset.dimensions[1]).toMatchObject({
      key: "verdict",
      fieldType: "text",
      labels: [],
    });
  });
});
