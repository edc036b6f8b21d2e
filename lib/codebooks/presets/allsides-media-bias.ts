import { okabeIto } from "../palettes";
import type { CodebookPreset } from "../preset-types";

import { withShortcuts } from "./with-shortcuts";

// AllSides, "How to Spot 16 Types of Media Bias": the 16 types for spans, with the two
// types that AllSides splits (4a/4b, 6a/6b) as child labels of their type via `parent`.
// Names are AllSides' own; keys are ours (AllSides publishes no machine strings).
export const allsidesMediaBiasPreset: CodebookPreset = {
  key: "allsides-media-bias",
  name: "AllSides: 16 types of media bias",
  description:
    "AllSides' 16 types of media bias for marking spans, a classroom-friendly checklist (Bias by Omission and Placement have sub-types), plus your rating of the article on AllSides' Left–Right scale. Source: AllSides, 'How to Spot 16 Types of Media Bias'; type names only, descriptions are Framewise's own.",
  source:
    "AllSides, 'How to Spot 16 Types of Media Bias' (next.allsides.com/content/normal/how-spot-16-types-media-bias); rating scale from the AllSides Media Bias Ratings methodology (allsides.com/media-bias/media-bias-rating-methods). Older versions of the list had 11 or 12 types, with some names differing (e.g. 'Sensationalism/Emotionalism').",
  licence:
    "The type names are AllSides' and are used here to refer to their checklist; no AllSides text is copied (descriptions are Framewise's own wording). AllSides content is copyrighted; check AllSides' terms before reproducing its definitions or ratings.",
  dimensions: [
    {
      key: "bias_type",
      name: "Type of media bias",
      description: "The types of media bias the span shows (choose any that apply).",
      multiple: true,
      required: false,
      scope: "span",
      fieldType: "labels",
      color: okabeIto.reddishPurple,
      labels: withShortcuts([
        {
          key: "spin",
          name: "Spin",
          description:
            "Vague, dramatic or sensational language that puts a favourable or unfavourable gloss on the facts.",
        },
        {
          key: "slant",
          name: "Slant",
          description:
            "Telling only part of a story, or highlighting the facts that favour one side.",
        },
        {
          key: "sensationalism",
          name: "Sensationalism",
          description:
            "Presenting information as more shocking, alarming or emotional than it is, to provoke a reaction.",
        },
        {
          key: "bias_by_omission",
          name: "Bias by Omission",
          description:
            "Leaving out what would give a fuller picture. Use a sub-type when you can tell which.",
        },
        {
          key: "omission_of_viewpoint_information_stories",
          name: "Omission of Viewpoint, Information, Stories",
          description:
            "Only one side's views, facts or stories are reported; the other side's are missing.",
          parent: "bias_by_omission",
        },
        {
          key: "omission_of_source_attribution",
          name: "Omission of Source Attribution",
          description: "A claim is presented without saying who made it or where it comes from.",
          parent: "bias_by_omission",
        },
        {
          key: "story_choice",
          name: "Story Choice",
          description:
            "A pattern in which stories get covered and which are ignored that favours one side.",
        },
        {
          key: "placement",
          name: "Placement",
          description:
            "Where a story or viewpoint appears signals how much it matters. Use a sub-type when you can tell which.",
        },
        {
          key: "story_placement",
          name: "Story Placement",
          description: "Stories that favour one side are placed prominently; others are buried.",
          parent: "placement",
        },
        {
          key: "viewpoint_placement",
          name: "Viewpoint Placement",
          description:
            "One side's view comes first or gets the most space; the other side's comes late, if at all.",
          parent: "placement",
        },
        {
          key: "word_choice",
          name: "Word Choice",
          description:
            "Words and phrases with political connotations, chosen to shape how readers see the issue.",
        },
        {
          key: "unsubstantiated_claims",
          name: "Unsubstantiated Claims",
          description: "A claim is presented as fact without evidence to back it.",
        },
        {
          key: "opinion_statements_presented_as_facts",
          name: "Opinion Statements Presented as Facts",
          description: "A subjective judgement is stated as if it were an objective fact.",
        },
        {
          key: "subjective_qualifying_adjectives",
          name: "Subjective Qualifying Adjectives",
          description:
            "Adjectives that pass judgement on a person, idea or event (e.g. 'hardline', 'baffling').",
        },
        {
          key: "mudslinging_ad_hominem",
          name: "Mudslinging/Ad Hominem",
          description: "Attacking a person's character instead of engaging with their argument.",
        },
        {
          key: "mind_reading",
          name: "Mind Reading",
          description:
            "Claiming to know what someone thinks, feels or intends without evidence of it.",
        },
        {
          key: "negativity_bias",
          name: "Negativity Bias",
          description: "Emphasising bad news over good, or casting events in a negative light.",
        },
        {
          key: "flawed_logic",
          name: "Flawed Logic",
          description: "Faulty reasoning: conclusions that the evidence given does not support.",
        },
        {
          key: "photo_bias",
          name: "Photo Bias",
          description:
            "Images chosen or cropped to make a subject look good or bad (mark the caption or image placeholder).",
        },
        {
          key: "elite_v_populist_bias",
          name: "Elite v. Populist Bias",
          description:
            "Deferring to the views of elites (officials, experts, institutions) over ordinary people, or the reverse.",
        },
      ]),
    },
    {
      key: "bias_rating",
      name: "Bias rating",
      description:
        "Your rating of the whole article on AllSides' scale. AllSides itself rates outlets, not single articles, and does not rate accuracy.",
      multiple: false,
      required: false,
      scope: "document",
      fieldType: "labels",
      color: okabeIto.blue,
      labels: withShortcuts([
        { key: "left", name: "Left", description: "Strongly aligned with left-wing views." },
        { key: "lean_left", name: "Lean Left", description: "Somewhat left of centre." },
        {
          key: "center",
          name: "Center",
          description: "No predictable lean, or a balance of left and right views.",
        },
        { key: "lean_right", name: "Lean Right", description: "Somewhat right of centre." },
        { key: "right", name: "Right", description: "Strongly aligned with right-wing views." },
        {
          key: "mixed",
          name: "Mixed",
          description:
            "Deliberately presents several perspectives (AllSides uses it for aggregators).",
        },
      ]),
    },
  ],
};
