import { okabeIto } from "../palettes";
import type { CodebookPreset } from "../preset-types";

import { withShortcuts } from "./with-shortcuts";

const iptcDigitalSourceType = "http://cv.iptc.org/newscodes/digitalsourcetype/";

// AI involvement label → IPTC Digital Source Type URI, for exports (schema.org
// `digitalSourceType`, C2PA). Null where no code applies: "none declared" is not evidence
// of human authorship, so it must not become `digitalCapture` or `humanEdits`.
export const aiInvolvementDigitalSourceTypes = {
  none_declared: null,
  ai_assisted: `${iptcDigitalSourceType}compositeWithTrainedAlgorithmicMedia`,
  ai_generated: `${iptcDigitalSourceType}trainedAlgorithmicMedia`,
  unknown: null,
} as const satisfies Record<string, string | null>;

// The default codebook. Framing keys are SemEval-2023 Task 3 strings and sourcing keys
// follow the attribution classes in docs/domain (shared reference §1.7), so exports line up.
// Keys and names are stored data and used by tests (e2e selects labels by name): change
// them only with a data migration.
export const newsroomReviewPreset: CodebookPreset = {
  key: "newsroom-review",
  name: "Newsroom review",
  description:
    "Stance, sourcing, factual accuracy, framing technique and AI involvement for reviewing news text. Framing keys follow SemEval-2023 Task 3 (Piskorski et al. 2023); AI involvement maps to IPTC digital source types.",
  source:
    "Framewise's own scheme. Framing keys and definitions follow SemEval-2023 Task 3 (Piskorski, Stefanovitch, Da San Martino & Nakov 2023, doi:10.18653/v1/2023.semeval-1.317). Sourcing classes synthesise attribution research (PARC 3.0, PolNeAR) and AllSides' 'omission of source attribution'. The accuracy scale follows fact-checkers' practice (PolitiFact, Full Fact). AI involvement maps to the IPTC Digital Source Type NewsCodes (cv.iptc.org/newscodes/digitalsourcetype).",
  licence:
    "Names, definitions and examples written for Framewise and released with it. SemEval-2023 technique keys and IPTC codes are identifiers, reused so exports interoperate; no text from the guidelines is copied.",
  dimensions: [
    {
      key: "stance",
      name: "Stance",
      description:
        "The position the passage takes toward a target: the person, group, policy or idea it is about. Name the target with the label (SemEval-2016 Task 6 stance is always toward a target).",
      multiple: false,
      required: false,
      scope: "span",
      fieldType: "target",
      color: okabeIto.blue,
      labels: withShortcuts([
        {
          key: "supportive",
          name: "Supportive",
          description: "Presents the target favourably.",
          examples: ["The new bus lanes have already cut journey times, a welcome change."],
        },
        {
          key: "critical",
          name: "Critical",
          description: "Presents the target unfavourably.",
          examples: ["The council pushed the charge through with barely any consultation."],
        },
        {
          key: "neutral",
          name: "Neutral",
          description: "Reports without taking a side.",
          examples: ["The charge takes effect on 1 March and applies to vehicles in the old town."],
        },
        {
          key: "mixed",
          name: "Mixed",
          description: "Both favourable and unfavourable.",
          examples: ["The plan has eased congestion, though shopkeepers say trade has suffered."],
        },
      ]),
    },
    {
      key: "sourcing",
      name: "Sourcing",
      description:
        "Who a claim is attributed to, if anyone. Highlight the claim or the attribution (the reporting verb and its subject).",
      multiple: false,
      required: false,
      scope: "span",
      fieldType: "labels",
      color: okabeIto.orange,
      labels: withShortcuts([
        {
          key: "named_person",
          name: "Named person",
          description: "Attributed to a person by name.",
          examples: ["“We expect delays,” said Tom Okafor, the port’s director."],
        },
        {
          key: "named_organization",
          name: "Named organisation",
          description: "Attributed to an organisation by name.",
          examples: ["The national statistics office said inflation fell to 2.1%."],
        },
        {
          key: "primary_document",
          name: "Official or primary document",
          description: "A court filing, dataset, transcript or official record.",
          examples: ["The court filing shows the contract was signed in May."],
        },
        {
          key: "secondary_media",
          name: "Another outlet",
          description: "Another outlet's report.",
          examples: ["The plan was first reported by a regional newspaper on Monday."],
        },
        {
          key: "anonymous_source",
          name: "Anonymous source",
          description: "An unnamed source.",
          examples: ["A senior official, who asked not to be named, said the talks had stalled."],
        },
        {
          key: "vague_attribution",
          name: "Vague attribution",
          description: 'Weasel words such as "critics say" or "experts believe".',
          examples: ["Critics say the plan will hurt small businesses."],
          counterExamples: [
            "Critics, including the retailers’ association, say the plan will hurt.",
          ],
        },
        {
          key: "no_source",
          name: "No source",
          description: "A factual claim with no attribution.",
          examples: ["Burglaries in the city have doubled since 2020."],
          counterExamples: ["Burglaries have doubled since 2020, police figures show."],
        },
      ]),
    },
    {
      key: "accuracy",
      name: "Factual accuracy",
      description:
        "Your verdict on the factual claim in the passage. An ordinal scale from Accurate (best) to False; Unverifiable and Opinion are off the scale.",
      multiple: false,
      required: false,
      scope: "span",
      fieldType: "ordinal",
      color: okabeIto.vermillion,
      labels: withShortcuts([
        { key: "accurate", name: "Accurate", description: "The claim is accurate.", rating: 4 },
        {
          key: "missing_context",
          name: "Accurate but missing context",
          description: "True as stated, but leaves out what changes its meaning.",
          rating: 3,
        },
        {
          key: "misleading",
          name: "Misleading",
          description: "Creates a false impression.",
          rating: 2,
        },
        { key: "false", name: "False", description: "The claim is not accurate.", rating: 1 },
        {
          key: "unverifiable",
          name: "Unverifiable",
          description: "Cannot be checked with what is available.",
        },
        {
          key: "opinion",
          name: "Opinion, not a factual claim",
          description: "Nothing here to fact-check.",
        },
      ]),
    },
    {
      key: "framing",
      name: "Framing technique",
      description: "Persuasion techniques used in the passage (choose any that apply).",
      multiple: true,
      required: false,
      scope: "span",
      fieldType: "labels",
      color: okabeIto.reddishPurple,
      labels: withShortcuts([
        {
          key: "Loaded_Language",
          name: "Loaded language",
          description: "Words with strong emotional connotations used to sway the reader.",
          examples: ["The council’s reckless scheme"],
          counterExamples: ["The council’s new scheme"],
        },
        {
          key: "Name_Calling-Labeling",
          name: "Name calling",
          description: "Labelling the subject with a term the audience fears, hates or admires.",
          examples: ["out-of-touch bureaucrats"],
        },
        {
          key: "Exaggeration-Minimisation",
          name: "Exaggeration or minimisation",
          description: "Making something seem bigger or smaller than it is.",
          examples: ["the worst decision in the town’s history", "just a handful of complaints"],
        },
        {
          key: "Appeal_to_Fear-Prejudice",
          name: "Appeal to fear",
          description: "Building support or rejection through anxiety or prejudice.",
          examples: ["If this passes, no family in the city will be safe."],
        },
        {
          key: "Whataboutism",
          name: "Whataboutism",
          description: "Deflecting criticism by pointing to someone else's wrongdoing.",
          examples: ["Why single out the mayor when her predecessor did far worse?"],
        },
        {
          key: "False_Dilemma-No_Choice",
          name: "False dilemma",
          description: "Presenting two options as the only ones possible.",
          examples: ["Either we build the road or the town dies."],
        },
        {
          key: "Doubt",
          name: "Doubt",
          description: "Questioning credibility without evidence.",
          examples: ["Can we really trust a minister who changes her mind every week?"],
        },
      ]),
    },
    {
      key: "ai_involvement",
      name: "AI involvement",
      description:
        "Your assessment of whether the passage was produced with AI (a judgement, not a detection). Exports carry the IPTC Digital Source Type code where one applies.",
      multiple: false,
      required: false,
      scope: "span",
      fieldType: "labels",
      color: okabeIto.bluishGreen,
      labels: withShortcuts([
        {
          key: "none_declared",
          name: "None declared",
          description:
            "No sign or statement of AI use. Not evidence of human authorship, so no IPTC digital source type is exported.",
        },
        {
          key: "ai_assisted",
          name: "AI-assisted",
          description:
            "Human text edited or extended with AI (IPTC compositeWithTrainedAlgorithmicMedia).",
        },
        {
          key: "ai_generated",
          name: "AI-generated",
          description: "Text produced by a model (IPTC trainedAlgorithmicMedia).",
        },
        {
          key: "unknown",
          name: "Unknown",
          description: "Cannot tell. No IPTC digital source type is exported.",
        },
      ]),
    },
  ],
};
