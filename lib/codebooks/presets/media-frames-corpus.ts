import { okabeIto } from "../palettes";
import type { CodebookPreset, PresetLabel } from "../preset-types";

import { withShortcuts } from "./with-shortcuts";

// Code, name (exactly as in codes.json) and our own one-line definition.
const frames: [code: number, name: string, description: string][] = [
  [1, "Economic", "Costs, benefits and other financial implications of the issue."],
  [
    2,
    "Capacity and resources",
    "Whether there are enough physical, human or financial resources, or capacity in existing systems.",
  ],
  [3, "Morality", "Religious or ethical implications: duty, honour, right and wrong."],
  [
    4,
    "Fairness and equality",
    "Whether laws, burdens, rewards and resources are distributed fairly between individuals or groups.",
  ],
  [
    5,
    "Legality, constitutionality and jurisprudence",
    "Legal rights, freedoms and authority; court cases and constitutional interpretation.",
  ],
  [
    6,
    "Policy prescription and evaluation",
    "Particular policies proposed for the issue, and whether existing or proposed policies will work.",
  ],
  [7, "Crime and punishment", "Breaking the law, enforcement, sentencing and punishment."],
  [
    8,
    "Security and defense",
    "Threats to the welfare of a nation, community or person, and defending against them.",
  ],
  [9, "Health and safety", "Health care, disease, injury, sanitation and public safety."],
  [
    10,
    "Quality of life",
    "Effects on people's and communities' well-being, wealth, mobility and daily routines.",
  ],
  [11, "Cultural identity", "Traditions, customs and values of a social group."],
  [12, "Public opinion", "The public's attitudes: polls, protests, popular mood."],
  [13, "Political", "Partisan manoeuvring, elections, lobbying and political actors."],
  [
    14,
    "External regulation and reputation",
    "Relations with other countries or states, and a country's standing abroad.",
  ],
  [15, "Other", "A frame that none of the other dimensions covers."],
];

function frameLabels(suffix: "0" | "2"): Omit<PresetLabel, "shortcut">[] {
  return frames.map(([code, name, description]) => ({
    key: `${code}.${suffix}`,
    name,
    description,
  }));
}

// Media Frames Corpus (Card et al. 2015): 15 framing dimensions for spans, keyed by the
// codes in annotations/codes.json ("1.0" … "15.0"), and the article's primary frame ("X.2"
// codes, plus "16.2" Irrelevant). The "X.1" headline codes are left out: a span in the
// headline already says the frame is in the headline.
export const mediaFramesCorpusPreset: CodebookPreset = {
  key: "media-frames-corpus",
  name: "Media Frames Corpus",
  description:
    "The 15 framing dimensions of the Media Frames Corpus (Card et al. 2015), from the Boydstun et al. policy frames codebook: mark spans by frame, and choose the article's primary frame. Keys are the corpus codes. Source: dallascard/media_frames_corpus (GPL-3.0-or-later); only the dimension names are reused.",
  source:
    "Card, Boydstun, Gross, Resnik & Smith, 'The Media Frames Corpus: Annotations of Frames Across Issues', ACL 2015 (P15-2072); codes and names from annotations/codes.json in github.com/dallascard/media_frames_corpus. The dimensions come from the policy frames codebook of Boydstun et al., as cited by Card et al. (2015).",
  licence:
    "The corpus repository is GPL-3.0-or-later. Only the 15 dimension names and their codes are reused (identifiers, so exports match the data); descriptions are Framewise's own wording. The articles are not included (they come from LexisNexis).",
  dimensions: [
    {
      key: "frame",
      name: "Framing dimension",
      description:
        "The framing dimension a span cues. Spans may overlap and carry several dimensions.",
      multiple: true,
      required: false,
      scope: "span",
      fieldType: "labels",
      color: okabeIto.bluishGreen,
      labels: withShortcuts(frameLabels("0")),
    },
    {
      key: "primary_frame",
      name: "Primary frame",
      description:
        "The dominant framing dimension of the whole article (codes.json 'X.2', e.g. 'Economic primary'), or Irrelevant.",
      multiple: false,
      required: false,
      scope: "document",
      fieldType: "labels",
      color: okabeIto.blue,
      labels: withShortcuts([
        ...frameLabels("2"),
        {
          key: "16.2",
          name: "Irrelevant",
          description: "The article is not about the issue being coded.",
        },
      ]),
    },
  ],
};
