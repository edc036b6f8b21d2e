import { describe, expect, it } from "vitest";

import { compareOutlets, isLoadedLanguageLabel } from "./comparison";
import { findOmittedClaims } from "./omitted-claims";
import { extractQuotes, matchQuotesAcrossDocuments } from "./quotes";
import { extractSourceNames, findMidSentenceCapitals, isSameSource } from "./sources";
import { makeInsightDocument, makeSummitScenario, spanOn } from "./testing/fixture-documents";

const { wire, blog, dimensions, wireText, blogText } = makeSummitScenario();

describe("quotations", () => {
  it("finds «guillemet» quotes in the wire report and curly quotes in the blog", () => {
    const wireQuotes = extractQuotes("wire", wireText).map((quote) => quote.text);
    expect(wireQuotes).toContain("strong");
    expect(wireQuotes).toContain("several thousand");
    expect(wireQuotes).toHaveLength(19);
    expect(extractQuotes("blog", blogText).map((quote) => quote.text)).toEqual([
      "politically and legally binding guarantees",
      "historic,",
    ]);
  });

  it("finds no quotation shared by the two real articles, and matches a reworded one", () => {
    expect(
      matchQuotesAcrossDocuments([
        { id: "wire", text: wireText },
        { id: "blog", text: blogText },
      ]),
    ).toEqual([]);

    const third = {
      id: "third",
      text: 'Envoy Steve Witkoff said: "We have largely completed the agreement on security guarantees for Ukraine." Macron praised the "operational alignment".',
    };
    const groups = matchQuotesAcrossDocuments([
      { id: "wire", text: wireText },
      { id: "blog", text: blogText },
      third,
    ]);
    expect(groups.map((group) => [group.text, group.documentIds])).toEqual([
      ["operational alignment", ["wire", "third"]],
      [
        "We have largely completed the agreement on security guarantees for Ukraine, ensuring that when this ends, it ends for good",
        ["wire", "third"],
      ],
    ]);
  });
});

describe("sources", () => {
  const capitals = findMidSentenceCapitals(wireText);

  it("reads names out of attributions, dropping titles and sentence openers", () => {
    expect(extractSourceNames("French President Emmanuel Macron announced", capitals)).toEqual([
      "Emmanuel Macron",
    ]);
    expect(
      extractSourceNames("According to Macron, the security guarantees serve", capitals),
    ).toEqual(["Macron"]);
    expect(
      extractSourceNames(
        "U.S. envoy Steve Witkoff, present at the Paris discussions, stated",
        capitals,
      ),
    ).toEqual(["Steve Witkoff"]);
    expect(extractSourceNames("Witkoff highlighted that", capitals)).toEqual(["Witkoff"]);
    expect(extractSourceNames("Critics say the plan will hurt", capitals)).toEqual([]);
  });

  it("matches surnames and spellings one letter apart", () => {
    expect(isSameSource("Macron", "Emmanuel Macron")).toBe(true);
    expect(isSameSource("Volodymyr Zelenskyy", "Zelensky")).toBe(true);
    expect(isSameSource("Donald Trump", "Melania Trump")).toBe(false);
    expect(isSameSource("Starmer", "Merz")).toBe(false);
  });
});

describe("compareOutlets on the two summit articles", () => {
  const comparison = compareOutlets([wire, blog], dimensions);

  it("puts each outlet's profile, sources and loaded language side by side", () => {
    const [wireColumn, blogColumn] = comparison.outlets;
    expect(comparison.outlets.map((outlet) => outlet.outlet)).toEqual([
      "Wire service",
      "Joab Peter's Blog",
    ]);
    expect(
      wireColumn!.sources.map((source) => [source.name, source.highlights, source.annotators]),
    ).toEqual([
      ["Emmanuel Macron", 2, 2],
      ["Steve Witkoff", 1, 1],
    ]);
    expect(
      blogColumn!.sources.map((source) => [source.name, source.isNamed, source.examples]),
    ).toEqual([
      [
        "Vague attribution",
        false,
        [
          "critics say the U.S. commitments are still more diplomatic than operational",
          "critics say",
        ],
      ],
      ["Zelenskyy", true, ["Zelenskyy called the summit “historic,”"]],
      ["Starmer", true, ["Starmer made it clear"]],
    ]);
    expect(wireColumn!.loadedLanguage).toEqual([
      { text: "assertive foreign policy", highlights: 2, annotators: 2 },
      { text: "deadliest conflict", highlights: 1, annotators: 1 },
    ]);
    expect(blogColumn!.loadedLanguage.map((phrase) => phrase.text)).toEqual([
      "high-stakes diplomatic huddle",
      "put steel behind security guarantees",
    ]);
    expect(comparison.sharedSources).toEqual([]);
    expect(comparison.sharedQuotes).toEqual([]);
  });

  it("finds a source both outlets quote once both are highlighted", () => {
    const blogWithMacron = makeInsightDocument({
      ...blog,
      outlet: blog.outlet,
      spans: [
        ...blog.spans,
        spanOn(blogText, "French President Emmanuel Macron pulled off", "ana", [
          "sourcing:named_person",
        ]),
      ],
    });
    const shared = compareOutlets([wire, blogWithMacron], dimensions).sharedSources;
    expect(shared).toEqual([{ name: "Emmanuel Macron", documentIds: ["wire", "blog"] }]);
  });

  it("lists accuracy-labelled claims the other outlet has no close sentence for, with scores", () => {
    expect(
      comparison.omittedClaims.map((claim) => [claim.documentId, claim.sentence.text.slice(0, 40)]),
    ).toEqual([
      ["wire", "The meeting included delegates from 35 c"],
      ["wire", "Currently, Russia occupies approximately"],
      ["blog", "Leaders from over 30 countries came toge"],
    ]);
    const delegates = comparison.omittedClaims[0]!;
    expect(delegates.verdicts).toEqual([
      { labelId: "accuracy:accurate", name: "Accurate", annotators: 2 },
    ]);
    expect(delegates.others[0]!.similarity).toBeLessThan(0.3);
    expect(delegates.others[0]!.isOmitted).toBe(true);
  });

  it("does not call a claim omitted when another outlet carries it in other words", () => {
    const echo = makeInsightDocument({
      id: "echo",
      text: "Delegates from 35 countries, among them 27 leaders, attended the meeting in Paris.",
      spans: [],
    });
    const accuracy = dimensions.find((dimension) => dimension.key === "accuracy")!;
    const claims = findOmittedClaims([wire, echo], accuracy);
    const delegates = claims.find((claim) =>
      claim.sentence.text.startsWith("The meeting included"),
    );

    expect(delegates).toBeUndefined();
    expect(claims.map((claim) => claim.sentence.text)).toEqual([
      "Currently, Russia occupies approximately 20% of Ukraine and has consistently opposed any NATO presence in Ukraine to oversee the cessation of hostilities.",
    ]);
  });

  it("recognises loaded language by key or by name", () => {
    expect(isLoadedLanguageLabel({ key: "Loaded_Language", name: "x" })).toBe(true);
    expect(isLoadedLanguageLabel({ key: "ll", name: "Loaded language" })).toBe(true);
    expect(isLoadedLanguageLabel({ key: "Doubt", name: "Doubt" })).toBe(false);
  });
});

describe("stance by target across outlets", () => {
  const critical = "stance:critical";
  const supportive = "stance:supportive";
  const wireStance = makeInsightDocument({
    ...wire,
    spans: [
      ...wire.spans,
      spanOn(wireText, "assertive foreign policy", "ana", [critical], {
        targets: { stance: "Donald Trump" },
      }),
      spanOn(wireText, "deadliest conflict", "ben", [critical]),
    ],
  });
  const blogStance = makeInsightDocument({
    ...blog,
    spans: [
      ...blog.spans,
      spanOn(blogText, "high-stakes diplomatic huddle", "ana", [supportive], {
        targets: { stance: "donald trump" },
      }),
      spanOn(blogText, "critics say", "ben", [supportive], {
        targets: { stance: "donald  TRUMP" },
      }),
    ],
  });
  const [stance] = compareOutlets([wireStance, blogStance], dimensions).stanceTargets;

  it("puts one target per row across outlets, in its most common spelling, with 'no target given' last", () => {
    const labelAt = (name: string) => stance!.labels.findIndex((label) => label.name === name);
    expect(stance!.rows.map((row) => row.target)).toEqual(["donald trump", null]);
    const [trump, none] = stance!.rows;
    expect(trump!.perOutlet.map((cell) => [cell.documentId, cell.highlights])).toEqual([
      ["wire", 1],
      ["blog", 2],
    ]);
    expect(trump!.perOutlet[0]!.labels[labelAt("Critical")]).toBe(1);
    expect(trump!.perOutlet[1]!.labels[labelAt("Supportive")]).toBe(2);
    expect(none!.perOutlet.map((cell) => cell.highlights)).toEqual([1, 0]);
  });

  it("has no stance rows when nobody marked a stance", () => {
    expect(compareOutlets([wire, blog], dimensions).stanceTargets).toEqual([]);
  });
});
