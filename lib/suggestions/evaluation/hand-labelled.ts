// A small hand-labelled set for measuring the offline suggestions. The passages are
// original text written for Framewise (no real outlet, person or event), half neutral and
// half loaded or badly sourced. Each lists what a careful annotator would mark with the
// newsroom-review codebook (framing and sourcing dimensions) and the page furniture a
// reviewer would strip; `exact` must occur once in the passage. The labels were written
// before the rules were tuned against them and are not changed to suit the rules.

export type HandLabelledExpectation =
  | { kind: "label"; dimensionKey: "framing" | "sourcing"; labelKey: string; exact: string }
  | { kind: "boilerplate"; exact: string };

export type HandLabelledPassage = {
  id: string;
  text: string;
  expected: HandLabelledExpectation[];
};

const framing = (labelKey: string, exact: string): HandLabelledExpectation => ({
  kind: "label",
  dimensionKey: "framing",
  labelKey,
  exact,
});

const sourcing = (labelKey: string, exact: string): HandLabelledExpectation => ({
  kind: "label",
  dimensionKey: "sourcing",
  labelKey,
  exact,
});

const boilerplate = (exact: string): HandLabelledExpectation => ({ kind: "boilerplate", exact });

export const handLabelledPassages: HandLabelledPassage[] = [
  // Neutral, well-sourced reporting: nothing to suggest.
  {
    id: "neutral-council-vote",
    text: "The city council voted 7 to 2 on Tuesday to extend the tram line to the airport, council minutes show.",
    expected: [],
  },
  {
    id: "neutral-ministry-rules",
    text: "The ministry said the new rules would take effect in April, and that small firms would get an extra six months to comply.",
    expected: [],
  },
  {
    id: "neutral-rainfall",
    text: "Rainfall in March was close to the long-term average, according to the national weather service.",
    expected: [],
  },
  {
    id: "neutral-hospital",
    text: "Doctors at the regional hospital treated 14 people for minor injuries after the crash, a hospital spokeswoman said.",
    expected: [],
  },
  {
    id: "neutral-museum",
    text: "The museum will close for renovation from June and reopen next spring, its director, Ana Ribeiro, told reporters.",
    expected: [],
  },
  {
    id: "neutral-unemployment",
    text: "Unemployment fell to 4.2% in the second quarter, the statistics office said on Friday.",
    expected: [],
  },
  {
    id: "neutral-leaders",
    text: "The two leaders discussed trade, energy and a planned rail link, and agreed to meet again in the autumn.",
    expected: [],
  },
  {
    id: "neutral-trains",
    text: "Some of the trains will run on a reduced timetable while the works last.",
    expected: [],
  },
  {
    id: "neutral-auction",
    text: "The most expensive item in the sale, a 17th-century clock, went for €12,000.",
    expected: [],
  },
  {
    id: "neutral-named-critics",
    text: "Critics of the bill, including the bar association and two opposition parties, have asked for a longer consultation.",
    expected: [],
  },
  {
    id: "neutral-central-bank",
    text: "The report, published by the central bank, shows that household debt rose 3% last year.",
    expected: [],
  },
  {
    id: "neutral-engineers",
    text: "Experts at the university’s engineering department said the bridge was safe to reopen.",
    expected: [],
  },

  // Framing.
  {
    id: "loaded-reckless-scheme",
    text: "The mayor’s reckless scheme will ruin the high street.",
    expected: [
      framing("Loaded_Language", "reckless scheme"),
      framing("Appeal_to_Fear-Prejudice", "will ruin the high street"),
    ],
  },
  {
    id: "name-calling-bureaucrats",
    text: "Out-of-touch bureaucrats in the capital have once again ignored the people who pay their wages.",
    expected: [framing("Name_Calling-Labeling", "Out-of-touch bureaucrats")],
  },
  {
    id: "exaggeration-worst-government",
    text: "This is the worst government in the history of the country.",
    expected: [
      framing("Exaggeration-Minimisation", "the worst government in the history of the country"),
    ],
  },
  {
    id: "doubt-so-called-experts",
    text: "The so-called experts who designed the plan have never run a business.",
    expected: [
      framing("Doubt", "so-called experts who designed the plan have never run a business"),
    ],
  },
  {
    id: "fear-flooded-with-crime",
    text: "If we let this bill pass, our towns will be flooded with crime and no family will be safe.",
    expected: [
      framing(
        "Appeal_to_Fear-Prejudice",
        "our towns will be flooded with crime and no family will be safe",
      ),
    ],
  },
  {
    id: "false-dilemma-taxes",
    text: "Either we cut taxes now or the economy collapses.",
    expected: [
      framing("False_Dilemma-No_Choice", "Either we cut taxes now or the economy collapses"),
    ],
  },
  {
    id: "whataboutism-donations",
    text: "Why are reporters attacking the senator when the governor took far bigger donations?",
    expected: [
      framing(
        "Whataboutism",
        "Why are reporters attacking the senator when the governor took far bigger donations?",
      ),
    ],
  },
  {
    id: "minimisation-handful",
    text: "Only a handful of residents turned up to complain, so the protest hardly matters.",
    expected: [
      framing("Exaggeration-Minimisation", "Only a handful of residents"),
      framing("Exaggeration-Minimisation", "hardly matters"),
    ],
  },
  {
    id: "loaded-shameful-betrayal",
    text: "The minister’s shameful betrayal of farmers will not be forgotten.",
    expected: [framing("Loaded_Language", "shameful betrayal")],
  },
  {
    id: "staggering-unsourced-figure",
    text: "A staggering 80% of voters now oppose the deal.",
    expected: [
      framing("Exaggeration-Minimisation", "staggering"),
      sourcing("no_source", "A staggering 80% of voters now oppose the deal"),
    ],
  },
  {
    id: "name-calling-thugs",
    text: "Thugs and vandals hijacked what began as a peaceful march.",
    expected: [
      framing("Name_Calling-Labeling", "Thugs and vandals"),
      framing("Loaded_Language", "hijacked"),
    ],
  },
  {
    id: "doubt-regulator",
    text: "Can we really trust a regulator that keeps changing its story?",
    expected: [framing("Doubt", "Can we really trust a regulator that keeps changing its story?")],
  },
  {
    id: "fear-invasion",
    text: "Migrants are pouring across the border in an invasion that threatens our way of life.",
    expected: [
      framing("Appeal_to_Fear-Prejudice", "an invasion that threatens our way of life"),
      framing("Loaded_Language", "pouring across the border"),
    ],
  },

  // Sourcing.
  {
    id: "vague-critics-stadium",
    text: "Critics say the new stadium will cost far more than promised.",
    expected: [sourcing("vague_attribution", "Critics say")],
  },
  {
    id: "vague-some-experts",
    text: "Some experts believe the vaccine rollout was too slow.",
    expected: [sourcing("vague_attribution", "Some experts believe")],
  },
  {
    id: "vague-according-to-reports",
    text: "According to reports, the company is preparing to cut 500 jobs.",
    expected: [sourcing("vague_attribution", "According to reports")],
  },
  {
    id: "vague-widely-believed",
    text: "It is widely believed that the minister will resign before the summer.",
    expected: [sourcing("vague_attribution", "It is widely believed")],
  },
  {
    id: "anonymous-senior-official",
    text: "A senior official, speaking on condition of anonymity, said the talks had collapsed.",
    expected: [
      sourcing("anonymous_source", "A senior official, speaking on condition of anonymity"),
    ],
  },
  {
    id: "vague-reportedly",
    text: "The company reportedly lost two of its biggest clients last month.",
    expected: [sourcing("vague_attribution", "reportedly")],
  },
  {
    id: "no-source-crime-figure",
    text: "Crime in the city centre has risen by 40% since the new policy came in.",
    expected: [
      sourcing(
        "no_source",
        "Crime in the city centre has risen by 40% since the new policy came in",
      ),
    ],
  },
  {
    id: "vague-many-people",
    text: "Many people feel the changes were rushed through without debate.",
    expected: [sourcing("vague_attribution", "Many people feel")],
  },
  {
    id: "anonymous-familiar",
    text: "People familiar with the negotiations said a deal could come within days.",
    expected: [sourcing("anonymous_source", "People familiar with the negotiations")],
  },
  {
    id: "vague-many-residents",
    text: "Many residents said they welcomed the new park, which opened on Saturday.",
    expected: [sourcing("vague_attribution", "Many residents said")],
  },

  // Page furniture.
  {
    id: "boilerplate-share-subscribe",
    text: "The council will publish its decision next week.\n\nShare this article\n\nSubscribe to our newsletter for more local news",
    expected: [
      boilerplate("Share this article"),
      boilerplate("Subscribe to our newsletter for more local news"),
    ],
  },
  {
    id: "boilerplate-skip-ai-illustration",
    text: "Skip to content\n\nFlood defences to be raised along the river\n\nWork starts in May and will take two years, the environment agency said.\n\nAI-generated illustration",
    expected: [boilerplate("Skip to content"), boilerplate("AI-generated illustration")],
  },
  {
    id: "boilerplate-blog-footer",
    text: "The market reopens on Sunday.\n\nThanks for reading!\n\nPost a Comment\n\nPrevious Post Next Post",
    expected: [
      boilerplate("Thanks for reading!"),
      boilerplate("Post a Comment"),
      boilerplate("Previous Post Next Post"),
    ],
  },
];
