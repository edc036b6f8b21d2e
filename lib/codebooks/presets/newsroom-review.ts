import type { CodebookPreset } from "../preset-types";

// The default codebook. Framing keys are SemEval-2023 Task 3 strings and sourcing keys
// follow the attribution classes in docs/domain (shared reference §1.7), so exports line up.
export const newsroomReviewPreset: CodebookPreset = {
  key: "newsroom-review",
  name: "Newsroom review",
  description:
    "Stance, sourcing, factual accuracy, framing technique and AI involvement for reviewing news text. Framing keys follow SemEval-2023 Task 3 (Piskorski et al. 2023); AI involvement maps to IPTC digital source types.",
  dimensions: [
    {
      key: "stance",
      name: "Stance",
      description: "The position the passage takes toward its subject.",
      multiple: false,
      required: false,
      color: "#0072B2",
      labels: [
        { key: "supportive", name: "Supportive", description: "Presents the subject favourably." },
        { key: "critical", name: "Critical", description: "Presents the subject unfavourably." },
        { key: "neutral", name: "Neutral", description: "Reports without taking a side." },
        { key: "mixed", name: "Mixed", description: "Both favourable and unfavourable." },
      ],
    },
    {
      key: "sourcing",
      name: "Sourcing",
      description: "Who a claim is attributed to, if anyone.",
      multiple: false,
      required: false,
      color: "#E69F00",
      labels: [
        {
          key: "named_person",
          name: "Named person",
          description: "Attributed to a person by name.",
        },
        {
          key: "named_organization",
          name: "Named organisation",
          description: "Attributed to an organisation by name.",
        },
        {
          key: "primary_document",
          name: "Official or primary document",
          description: "A court filing, dataset, transcript or official record.",
        },
        { key: "secondary_media", name: "Another outlet", description: "Another outlet's report." },
        { key: "anonymous_source", name: "Anonymous source", description: "An unnamed source." },
        {
          key: "vague_attribution",
          name: "Vague attribution",
          description: 'Weasel words such as "critics say" or "experts believe".',
        },
        {
          key: "no_source",
          name: "No source",
          description: "A factual claim with no attribution.",
        },
      ],
    },
    {
      key: "accuracy",
      name: "Factual accuracy",
      description: "Your verdict on the factual claim in the passage.",
      multiple: false,
      required: false,
      color: "#D55E00",
      labels: [
        { key: "accurate", name: "Accurate", description: "The claim is accurate." },
        {
          key: "missing_context",
          name: "Accurate but missing context",
          description: "True as stated, but leaves out what changes its meaning.",
        },
        { key: "misleading", name: "Misleading", description: "Creates a false impression." },
        { key: "false", name: "False", description: "The claim is not accurate." },
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
      ],
    },
    {
      key: "framing",
      name: "Framing technique",
      description: "Persuasion techniques used in the passage (choose any that apply).",
      multiple: true,
      required: false,
      color: "#CC79A7",
      labels: [
        {
          key: "Loaded_Language",
          name: "Loaded language",
          description: "Words with strong emotional connotations used to sway the reader.",
        },
        {
          key: "Name_Calling-Labeling",
          name: "Name calling",
          description: "Labelling the subject with a term the audience fears, hates or admires.",
        },
        {
          key: "Exaggeration-Minimisation",
          name: "Exaggeration or minimisation",
          description: "Making something seem bigger or smaller than it is.",
        },
        {
          key: "Appeal_to_Fear-Prejudice",
          name: "Appeal to fear",
          description: "Building support or rejection through anxiety or prejudice.",
        },
        {
          key: "Whataboutism",
          name: "Whataboutism",
          description: "Deflecting criticism by pointing to someone else's wrongdoing.",
        },
        {
          key: "False_Dilemma-No_Choice",
          name: "False dilemma",
          description: "Presenting two options as the only ones possible.",
        },
        { key: "Doubt", name: "Doubt", description: "Questioning credibility without evidence." },
      ],
    },
    {
      key: "ai_involvement",
      name: "AI involvement",
      description:
        "Your assessment of whether the passage was produced with AI (a judgement, not a detection).",
      multiple: false,
      required: false,
      color: "#009E73",
      labels: [
        {
          key: "none_declared",
          name: "None declared",
          description: "No sign or statement of AI use.",
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
        { key: "unknown", name: "Unknown", description: "Cannot tell." },
      ],
    },
  ],
};
