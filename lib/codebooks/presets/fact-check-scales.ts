import { okabeIto, tolBuRd } from "../palettes";
import type { CodebookPreset } from "../preset-types";

import { withShortcuts } from "./with-shortcuts";

// PolitiFact's Truth-O-Meter as an ordinal scale, keyed by the LIAR dataset strings (Wang
// 2017), plus a free-text verdict for fact-checkers without a scale (Full Fact). Ratings
// run 6 (True) to 1 (Pants on Fire) and export as ClaimReview ratingValue with
// bestRating 6, worstRating 1; the label name goes to reviewRating.alternateName.
// Never compare ratingValue across publishers: each maps its own scale.
export const factCheckScalesPreset: CodebookPreset = {
  key: "fact-check-scales",
  name: "Fact-check ratings",
  description:
    "Rate a claim on PolitiFact's six-level Truth-O-Meter, or write a verdict in your own words as Full Fact does. Source: PolitiFact (rating names) and the LIAR dataset (keys); definitions are Framewise's paraphrase.",
  source:
    "PolitiFact Truth-O-Meter ratings (PolitiFact's explanation 'How we determine Truth-O-Meter ratings', as republished by WRAL; 'Barely True' was renamed 'Mostly False' in 2011). Keys: the LIAR dataset labels (Wang, '“Liar, Liar Pants on Fire”: A New Benchmark Dataset for Fake News Detection', ACL 2017), which keep 'barely-true'. Free-text verdict: Full Fact's claim-and-conclusion format; schema.org ClaimReview reviewRating.alternateName.",
  licence:
    "Rating names are PolitiFact's, used to refer to its scale; definitions are Framewise's paraphrase, not PolitiFact's text. Keys are the LIAR dataset's label strings (identifiers).",
  dimensions: [
    {
      key: "truth_o_meter",
      name: "Truth-O-Meter",
      description:
        "PolitiFact's six ratings for a checked claim, from most to least accurate (the meter prints them in capitals).",
      multiple: false,
      required: false,
      scope: "span",
      fieldType: "ordinal",
      color: okabeIto.vermillion,
      labels: withShortcuts([
        {
          key: "true",
          name: "True",
          description: "Accurate, with nothing significant missing.",
          rating: 6,
          color: tolBuRd[0],
        },
        {
          key: "mostly-true",
          name: "Mostly True",
          description: "Accurate, but needs clarification or more information.",
          rating: 5,
          color: tolBuRd[1],
        },
        {
          key: "half-true",
          name: "Half True",
          description:
            "Partly accurate, but leaves out important details or takes things out of context.",
          rating: 4,
          color: tolBuRd[2],
        },
        {
          key: "barely-true",
          name: "Mostly False",
          description:
            "Has an element of truth but ignores facts that would give a different impression. Called 'Barely True' until 2011; LIAR keeps that key.",
          rating: 3,
          color: tolBuRd[6],
        },
        {
          key: "false",
          name: "False",
          description: "Not accurate.",
          rating: 2,
          color: tolBuRd[7],
        },
        {
          key: "pants-fire",
          name: "Pants on Fire",
          description: "Not accurate, and a ridiculous claim.",
          rating: 1,
          color: tolBuRd[8],
        },
      ]),
    },
    {
      key: "verdict",
      name: "Verdict",
      description:
        "Your conclusion about the claim in your own words, as Full Fact writes it instead of a rating. Exported as ClaimReview reviewRating.alternateName.",
      multiple: false,
      required: false,
      scope: "span",
      fieldType: "text",
      color: okabeIto.blue,
      labels: [],
    },
  ],
};
