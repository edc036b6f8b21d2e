import { okabeIto } from "../palettes";
import type { CodebookPreset } from "../preset-types";

import { withShortcuts } from "./with-shortcuts";

// The 14 technique classes of SemEval-2020 Task 11 (technique classification), keyed by
// the exact strings of the task's .labels files: commas, hyphens and the lower-case
// "hitlerum" included, so exports match the data (quote them in CSV/TSV). Each description
// names the original PTC technique(s) exactly as the PTC README spells them.
export const propagandaSemeval2020Preset: CodebookPreset = {
  key: "propaganda-semeval-2020",
  name: "Propaganda techniques (SemEval-2020 Task 11)",
  description:
    "The 14 propaganda technique classes of SemEval-2020 Task 11, built from the 18 techniques of the Propaganda Techniques Corpus: Bandwagon and Reductio ad Hitlerum merged; Straw Men, Red Herring and Whataboutism merged; Obfuscation, Intentional Vagueness, Confusion dropped (only 11 instances). Spans may overlap. Source: Da San Martino et al. (2019, 2020); the corpus is distributed by the organisers under their own terms.",
  source:
    "Da San Martino, Yu, Barrón-Cedeño, Petrov & Nakov, 'Fine-Grained Analysis of Propaganda in News Articles', EMNLP 2019 (arXiv:1910.02517); Da San Martino et al., 'SemEval-2020 Task 11: Detection of Propaganda Techniques in News Articles', SemEval 2020. Keys: the task's .labels files; original names: the PTC README.",
  licence:
    "Only technique names and keys are reused (identifiers, so exports match the data); descriptions are Framewise's own wording. The PTC articles and annotations are not included; they are distributed by the task organisers under their own terms.",
  dimensions: [
    {
      key: "technique",
      name: "Propaganda technique",
      description:
        "Propaganda techniques used in the span (choose any that apply; spans may overlap).",
      multiple: true,
      required: false,
      scope: "span",
      fieldType: "labels",
      color: okabeIto.vermillion,
      labels: withShortcuts([
        {
          key: "Appeal_to_Authority",
          name: "Appeal to authority",
          description:
            "A claim is presented as true because an authority or expert says so, with no other evidence. Original PTC technique: Appeal to Authority.",
        },
        {
          key: "Appeal_to_fear-prejudice",
          name: "Appeal to fear or prejudice",
          description:
            "Support for an idea is built by stoking anxiety or panic about the alternative, or by playing on prejudice. Original PTC technique: Appeal to fear-prejudice.",
        },
        {
          key: "Bandwagon,Reductio_ad_hitlerum",
          name: "Bandwagon; Reductio ad Hitlerum",
          description:
            "Merged class. Bandwagon: join in because everyone else does. Reductio ad Hitlerum: reject an idea because a hated person or group holds it. Original PTC techniques: Bandwagon; Reductio ad Hitlerum.",
        },
        {
          key: "Black-and-White_Fallacy",
          name: "Black-and-white fallacy",
          description:
            "Two alternatives are presented as the only ones when more exist. Original PTC technique: Black-and-White Fallacy.",
        },
        {
          key: "Causal_Oversimplification",
          name: "Causal oversimplification",
          description:
            "A single cause is assumed for an issue that has several. Original PTC technique: Causal Oversimplification.",
        },
        {
          key: "Doubt",
          name: "Doubt",
          description:
            "The credibility of someone or something is questioned. Original PTC technique: Doubt.",
        },
        {
          key: "Exaggeration,Minimisation",
          name: "Exaggeration or minimisation",
          description:
            "Something is made to look bigger, better or worse than it is, or less important than it is. Original PTC technique: Exaggeration,Minimization (the data strings spell it 'Minimisation').",
        },
        {
          key: "Flag-Waving",
          name: "Flag-waving",
          description:
            "An idea is justified by playing on strong national or group feeling. Original PTC technique: Flag-Waving.",
        },
        {
          key: "Loaded_Language",
          name: "Loaded language",
          description:
            "Words and phrases with strong emotional implications, positive or negative, used to influence the audience. Original PTC technique: Loaded Language.",
        },
        {
          key: "Name_Calling,Labeling",
          name: "Name calling or labelling",
          description:
            "The object of the message is labelled as something the audience fears, hates or finds undesirable, or loves and praises. Original PTC technique: Name Calling,Labeling.",
        },
        {
          key: "Repetition",
          name: "Repetition",
          description:
            "The same message is repeated over and over so that the audience accepts it. Original PTC technique: Repetition.",
        },
        {
          key: "Slogans",
          name: "Slogans",
          description:
            "A brief, striking phrase, often with labelling or stereotyping. Original PTC technique: Slogans.",
        },
        {
          key: "Thought-terminating_Cliches",
          name: "Thought-terminating clichés",
          description:
            "A short, generic phrase that discourages critical thought and ends the discussion. Original PTC technique: Thought-terminating Cliches.",
        },
        {
          key: "Whataboutism,Straw_Men,Red_Herring",
          name: "Whataboutism; straw men; red herring",
          description:
            "Merged class. Whataboutism: discrediting a position by charging the opponent with hypocrisy instead of disproving it. Straw men: refuting a distorted version of the opponent's argument. Red herring: bringing in irrelevant material to distract. Original PTC techniques: Whataboutism; Straw Men; Red Herring.",
        },
      ]),
    },
  ],
};
