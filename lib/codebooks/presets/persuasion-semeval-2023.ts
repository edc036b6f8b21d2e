import { okabeIto } from "../palettes";
import type { CodebookPreset, PresetLabel } from "../preset-types";

import { withShortcuts } from "./with-shortcuts";

type Technique = Omit<PresetLabel, "shortcut" | "parent" | "color">;

type Group = {
  key: string;
  name: string;
  description: string;
  color: string;
  techniques: Technique[];
};

// The six coarse categories of Stefanovitch & Piskorski (2023), Table 1 (their
// abbreviations AR, J, S, D, C, MW in the descriptions). The groups are not dataset labels,
// so their keys are ours, in the dataset's style. Each technique inherits its group's colour.
//
// Uncertain: the stored copy of that table abbreviates False Dilemma as "D:FDNC", which
// would put it under Distraction. We follow the task's published technique order (and the
// JRC guidelines as we recall them), which list it with the two oversimplifications under
// Simplification. Check the JRC132862 guidelines before relying on the grouping.
const groups: Group[] = [
  {
    key: "Attack_on_Reputation",
    name: "Attack on reputation",
    description:
      "Coarse category AR: techniques that attack the person or group behind an argument rather than the argument.",
    color: okabeIto.vermillion,
    techniques: [
      {
        key: "Name_Calling-Labeling",
        name: "Name calling or labelling",
        description:
          "A loaded label for the target, positive or negative, that invites the audience to judge it without evidence (AR:NCL).",
        examples: ["the mayor’s army of paper-pushers"],
      },
      {
        key: "Guilt_by_Association",
        name: "Guilt by association",
        description:
          "The target is attacked by linking it to a person, group or idea the audience already rejects (AR:GA).",
      },
      {
        key: "Doubt",
        name: "Casting doubt",
        description:
          "The credibility, character or competence of the target is questioned without evidence (AR:D).",
        examples: ["Is this really someone we can trust with the budget?"],
      },
      {
        key: "Appeal_to_Hypocrisy",
        name: "Appeal to hypocrisy",
        description:
          "The target is attacked as a hypocrite, for a gap between what it says and what it does or did (AR:AH).",
      },
      {
        key: "Questioning_the_Reputation",
        name: "Questioning the reputation",
        description:
          "The target's character or moral standing is undermined with claims unrelated to the argument at hand (AR:QR).",
      },
    ],
  },
  {
    key: "Justification",
    name: "Justification",
    description:
      "Coarse category J: techniques that back a claim with an appeal instead of evidence.",
    color: okabeIto.blue,
    techniques: [
      {
        key: "Flag_Waving",
        name: "Flag waving",
        description:
          "An idea is justified by pride in, or the interests of, a group such as a nation or party (J:FW).",
      },
      {
        key: "Appeal_to_Authority",
        name: "Appeal to authority",
        description:
          "A claim is presented as true because an authority or expert backs it, with no other evidence (J:AA).",
      },
      {
        key: "Appeal_to_Popularity",
        name: "Appeal to popularity",
        description:
          "A claim is presented as true or right because many people accept it; the 2020 scheme's Bandwagon (J:AP).",
        examples: ["Everyone on this street already knows the scheme has failed."],
      },
      {
        key: "Appeal_to_Values",
        name: "Appeal to values",
        description:
          "An idea is justified by linking it to values the audience holds, such as freedom, tradition or fairness (J:AV).",
      },
      {
        key: "Appeal_to_Fear-Prejudice",
        name: "Appeal to fear or prejudice",
        description:
          "An idea is promoted or rejected by exploiting fear, anxiety or prejudice about it or its alternative (J:AF).",
        examples: ["If this passes, no family in the city will be safe."],
      },
    ],
  },
  {
    key: "Simplification",
    name: "Simplification",
    description: "Coarse category S: techniques that reduce a complex issue to a too-simple form.",
    color: okabeIto.bluishGreen,
    techniques: [
      {
        key: "Causal_Oversimplification",
        name: "Causal oversimplification",
        description:
          "One cause is assumed for an outcome that has several, or one party is blamed for a complex problem (S:CaO).",
      },
      {
        key: "False_Dilemma-No_Choice",
        name: "False dilemma or no choice",
        description:
          "Two options are presented as the only ones, or one option as the only possible one.",
        examples: ["Either we build the road or the town dies."],
      },
      {
        key: "Consequential_Oversimplification",
        name: "Consequential oversimplification",
        description:
          "A first step is claimed to lead inevitably to a chain of, usually bad, consequences: the slippery slope (S:CoO).",
      },
    ],
  },
  {
    key: "Distraction",
    name: "Distraction",
    description: "Coarse category D: techniques that move attention away from the issue.",
    color: okabeIto.orange,
    techniques: [
      {
        key: "Straw_Man",
        name: "Straw man",
        description:
          "An opponent's position is replaced with a distorted version, which is then refuted (D:S).",
      },
      {
        key: "Red_Herring",
        name: "Red herring",
        description:
          "Irrelevant material is brought in to shift attention from the point at issue (D:RH).",
      },
      {
        key: "Whataboutism",
        name: "Whataboutism",
        description:
          "Criticism is deflected by pointing at the critic's, or someone else's, wrongdoing (D:W).",
        examples: ["Why single out the mayor when her predecessor did far worse?"],
      },
    ],
  },
  {
    key: "Call",
    name: "Call",
    description: "Coarse category C: techniques that push the audience to act or to stop thinking.",
    color: okabeIto.reddishPurple,
    techniques: [
      {
        key: "Slogans",
        name: "Slogans",
        description: "A short, striking phrase that may carry labelling or stereotypes (C:S).",
      },
      {
        key: "Conversation_Killer",
        name: "Conversation killer",
        description:
          "A phrase that discourages critical thought and closes the discussion; the 2020 scheme's thought-terminating clichés (C:CK).",
      },
      {
        key: "Appeal_to_Time",
        name: "Appeal to time",
        description: "The argument that now is the moment to act, before it is too late (C:AT).",
      },
    ],
  },
  {
    key: "Manipulative_Wording",
    name: "Manipulative wording",
    description:
      "Coarse category MW: techniques that work through word choice rather than argument.",
    color: okabeIto.skyBlue,
    techniques: [
      {
        key: "Loaded_Language",
        name: "Loaded language",
        description:
          "Words and phrases with strong emotional connotations, used to influence the audience (MW:LL).",
        examples: ["a reckless, ruinous scheme"],
        counterExamples: ["a costly scheme"],
      },
      {
        key: "Obfuscation-Vagueness-Confusion",
        name: "Obfuscation, vagueness or confusion",
        description:
          "Deliberately unclear wording that lets the audience read into it what it wants (MW:OVC).",
      },
      {
        key: "Exaggeration-Minimisation",
        name: "Exaggeration or minimisation",
        description:
          "Something is made to look bigger, better or worse than it is, or is played down (MW:EM).",
        examples: ["the worst decision in the town’s history"],
      },
      {
        key: "Repetition",
        name: "Repetition",
        description:
          "The same word, phrase or idea is repeated so that the audience accepts it (MW:R).",
      },
    ],
  },
];

const techniqueLabels: Omit<PresetLabel, "shortcut">[] = groups.flatMap((group) => [
  { key: group.key, name: group.name, description: group.description, color: group.color },
  ...group.techniques.map((technique) => ({
    ...technique,
    parent: group.key,
    color: group.color,
  })),
]);

// SemEval-2023 Task 3: genre (subtask 1) and frames (subtask 2) per article, 23 persuasion
// techniques (subtask 3) per span. Label keys are the dataset's own strings.
export const persuasionSemeval2023Preset: CodebookPreset = {
  key: "persuasion-semeval-2023",
  name: "Persuasion techniques (SemEval-2023 Task 3)",
  description:
    "Genre and framing of the whole article, and 23 persuasion techniques in six coarse categories for spans, as in SemEval-2023 Task 3. Label keys are the dataset strings (underscores and hyphens). Source: Piskorski et al. (2023) and the JRC annotation guidelines; only the label names are reused.",
  source:
    "Piskorski, Stefanovitch, Da San Martino & Nakov, 'SemEval-2023 Task 3: Detecting the Category, the Framing, and the Persuasion Techniques in Online News in a Multi-lingual Setup', SemEval 2023, pp. 2343–2361, doi:10.18653/v1/2023.semeval-1.317; annotation guidelines: JRC technical report JRC132862; coarse categories: Stefanovitch & Piskorski, 'Holistic Inter-Annotator Agreement and Corpus Coherence Estimation in a Large-scale Multilingual Annotation Campaign', EMNLP 2023. Frames: the Media Frames Corpus dimensions (Card et al. 2015) without 'Other'.",
  licence:
    "Only label names and keys are reused (identifiers, so exports match the data); descriptions and examples are Framewise's own wording. The SemEval-2023 articles and annotations are not included; the organisers distribute them under their own terms.",
  dimensions: [
    {
      key: "genre",
      name: "Genre",
      description: "What kind of article this is (subtask 1: one label per article).",
      multiple: false,
      required: false,
      scope: "document",
      fieldType: "labels",
      color: okabeIto.blue,
      labels: withShortcuts([
        {
          key: "opinion",
          name: "Opinion",
          description: "Argues a point of view: editorials, columns, commentary.",
        },
        {
          key: "reporting",
          name: "Reporting",
          description: "Informs about events, aiming to be objective.",
        },
        {
          key: "satire",
          name: "Satire",
          description: "Mimics news with humour or irony to criticise or mock.",
        },
      ]),
    },
    {
      key: "frames",
      name: "Frames",
      description:
        "The frames the article uses (subtask 2: any number per article). The Media Frames Corpus framing dimensions, without 'Other'.",
      multiple: true,
      required: false,
      scope: "document",
      fieldType: "labels",
      color: okabeIto.bluishGreen,
      labels: withShortcuts([
        {
          key: "Economic",
          name: "Economic",
          description: "Costs, benefits and other financial implications.",
        },
        {
          key: "Capacity_and_resources",
          name: "Capacity and resources",
          description: "Whether there are enough physical, human or financial resources.",
        },
        {
          key: "Morality",
          name: "Morality",
          description: "Religious or ethical implications: duty, honour, right and wrong.",
        },
        {
          key: "Fairness_and_equality",
          name: "Fairness and equality",
          description: "Whether laws, burdens and rewards are distributed fairly between groups.",
        },
        {
          key: "Legality_Constitutionality_and_jurisprudence",
          name: "Legality, constitutionality and jurisprudence",
          description: "Legal rights, constraints and authority; courts and the constitution.",
        },
        {
          key: "Policy_prescription_and_evaluation",
          name: "Policy prescription and evaluation",
          description: "Policies proposed for the issue, and whether policies will work.",
        },
        {
          key: "Crime_and_punishment",
          name: "Crime and punishment",
          description: "Breaking the law, enforcement, sentencing and punishment.",
        },
        {
          key: "Security_and_defense",
          name: "Security and defense",
          description: "Threats to a nation or community, and defending against them.",
        },
        {
          key: "Health_and_safety",
          name: "Health and safety",
          description: "Health care, disease, injury, sanitation and public safety.",
        },
        {
          key: "Quality_of_life",
          name: "Quality of life",
          description: "Effects on people's well-being, wealth, mobility and daily lives.",
        },
        {
          key: "Cultural_identity",
          name: "Cultural identity",
          description: "Traditions, customs and values of a social group.",
        },
        {
          key: "Public_opinion",
          name: "Public opinion",
          description: "What the public thinks: polls, protests, popular mood.",
        },
        {
          key: "Political",
          name: "Political",
          description: "Partisan manoeuvring, elections, lobbying and political actors.",
        },
        {
          key: "External_regulation_and_reputation",
          name: "External regulation and reputation",
          description: "Relations with other countries and a country's standing abroad.",
        },
      ]),
    },
    {
      key: "techniques",
      name: "Persuasion technique",
      description:
        "Persuasion techniques used in the span (subtask 3). Pick a technique, or only its coarse category when unsure which technique it is.",
      multiple: true,
      required: false,
      scope: "span",
      fieldType: "labels",
      color: okabeIto.vermillion,
      labels: withShortcuts(techniqueLabels),
    },
  ],
};
