import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { newsroomReviewPreset } from "@/lib/codebooks/presets/newsroom-review";
import { normalizeText } from "@/lib/text/normalize-text";

import { suggest } from "./suggest";
import { suggestionRules } from "./suggestion-rules";
import type { Suggestion } from "./types";

// The fixtures as the app stores them (normalised once on save).
function readFixture(name: string): string {
  return normalizeText(
    readFileSync(path.resolve(process.cwd(), "../shared/fixtures/articles", name), "utf8"),
  );
}

function sliceCodePoints(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join("");
}

function brief(suggestions: Suggestion[]) {
  return suggestions.map(({ start, end, exact, labelKey, kind }) => ({
    start,
    end,
    exact,
    label: kind === "boilerplate" ? "boilerplate" : labelKey,
  }));
}

function expectOffsetsMatchExact(text: string, suggestions: Suggestion[]) {
  for (const suggestion of suggestions) {
    expect(sliceCodePoints(text, suggestion.start, suggestion.end)).toBe(suggestion.exact);
  }
}

describe("suggest on the blog fixture", () => {
  const blog = readFixture("paris-summit-blog.txt");
  const suggestions = suggest(blog);

  it("finds the vague attributions with code-point offsets after the emoji", () => {
    const sourcing = suggestions.filter((entry) => entry.dimensionKey === "sourcing");

    expect(brief(sourcing)).toEqual([
      { start: 2236, end: 2247, exact: "critics say", label: "vague_attribution" },
      { start: 2881, end: 2907, exact: "Some leaders quietly worry", label: "vague_attribution" },
    ]);
    // Two 🔹 (outside the BMP) come first, so UTF-16 indexes are 2 higher.
    expect(blog.indexOf("critics say")).toBe(2238);
    expectOffsetsMatchExact(blog, suggestions);
  });

  it("marks the page furniture at the end and nothing inside it", () => {
    const furniture = suggestions.filter((entry) => entry.kind === "boilerplate");

    expect(brief(furniture)).toEqual([
      { start: 3401, end: 3415, exact: "Post a Comment", label: "boilerplate" },
      {
        start: 3417,
        end: 3473,
        exact: "Please Select Embedded Mode To Show The Comment System.*",
        label: "boilerplate",
      },
      { start: 3475, end: 3498, exact: "Previous Post Next Post", label: "boilerplate" },
    ]);
    expect(furniture.every((entry) => entry.ruleId.startsWith("boilerplate."))).toBe(true);
  });

  it("suggests exaggeration for 'the catch is massive'", () => {
    expect(
      suggestions.some(
        (entry) => entry.labelKey === "Exaggeration-Minimisation" && entry.exact === "massive",
      ),
    ).toBe(true);
  });
});

describe("suggest on the wire fixture", () => {
  const wire = readFixture("paris-summit-wire.txt");
  const suggestions = suggest(wire);

  it("flags only the unattributed figure for sourcing: every quote there is attributed by name", () => {
    expect(brief(suggestions.filter((entry) => entry.dimensionKey === "sourcing"))).toEqual([
      {
        start: 3387,
        end: 3540,
        exact:
          "Currently, Russia occupies approximately 20% of Ukraine and has consistently opposed any NATO presence in Ukraine to oversee the cessation of hostilities",
        label: "no_source",
      },
    ]);
    expectOffsetsMatchExact(wire, suggestions);
  });

  it("has no page furniture", () => {
    expect(suggestions.filter((entry) => entry.kind === "boilerplate")).toEqual([]);
  });
});

describe("suggest", () => {
  it("counts offsets in code points when emoji come before the match", () => {
    const text = "😀👍 Critics say the 🔹 scheme is a disgrace.";
    const suggestions = suggest(text);

    expect(brief(suggestions)).toEqual([
      { start: 3, end: 14, exact: "Critics say", label: "vague_attribution" },
      { start: 33, end: 41, exact: "disgrace", label: "Loaded_Language" },
    ]);
    expectOffsetsMatchExact(text, suggestions);
  });

  it("ignores case and matches whole words only", () => {
    expect(brief(suggest("CRITICS SAY it is EVIL."))).toEqual([
      { start: 0, end: 11, exact: "CRITICS SAY", label: "vague_attribution" },
      { start: 18, end: 22, exact: "EVIL", label: "Loaded_Language" },
    ]);
    expect(suggest("The devil is in the thuggery of medieval skyrocketry.")).toEqual([]);
    // Letters outside ASCII are word characters too.
    expect(suggest("évil thugé")).toEqual([]);
  });

  it("matches straight and curly apostrophes and Unicode hyphens, but not a hyphen as a space", () => {
    expect(brief(suggest("It’s no secret that the so‑called plan failed."))).toEqual([
      { start: 0, end: 14, exact: "It’s no secret", label: "vague_attribution" },
      { start: 24, end: 33, exact: "so‑called", label: "Doubt" },
    ]);
    expect(suggest("The guarantees would be strong.")).toEqual([]);
  });

  it("returns the suggestion's rule and a description", () => {
    const [suggestion] = suggest("Experts warn of delays.");

    expect(suggestion).toMatchObject({
      kind: "label",
      dimensionKey: "sourcing",
      labelKey: "vague_attribution",
      ruleId: "sourcing.bare-plural",
    });
    expect(suggestion?.ruleDescription).toMatch(/critics say/);
  });

  it("sorts by position and suggests each label for a span once", () => {
    const text = "A shocking, shocking betrayal. Critics say so; critics say more.";
    const suggestions = suggest(text);
    const starts = suggestions.map((entry) => entry.start);

    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(brief(suggestions).map((entry) => entry.exact)).toEqual([
      "shocking",
      "shocking",
      "betrayal",
      "Critics say",
      "critics say",
    ]);
  });

  it("drops a span inside a longer span with the same label", () => {
    const labels = suggest("He is a snake-oil salesman.").map((entry) => entry.exact);

    expect(labels).toEqual(["snake-oil salesman"]);
  });

  it("keeps different labels on the same words", () => {
    const suggestions = suggest("A staggering 80% of voters oppose the deal.");

    expect(brief(suggestions)).toEqual([
      {
        start: 0,
        end: 42,
        exact: "A staggering 80% of voters oppose the deal",
        label: "no_source",
      },
      { start: 2, end: 12, exact: "staggering", label: "Exaggeration-Minimisation" },
    ]);
  });

  it("filters by dimension and can leave out page furniture", () => {
    const text = "Critics say it is a disgrace.\n\nShare this article";

    expect(suggest(text, { dimensions: ["framing"] }).map((entry) => entry.exact)).toEqual([
      "disgrace",
      "Share this article",
    ]);
    expect(
      suggest(text, { dimensions: ["sourcing"], boilerplate: false }).map((entry) => entry.exact),
    ).toEqual(["Critics say"]);
    expect(suggest(text, { dimensions: [] }).map((entry) => entry.exact)).toEqual([
      "Share this article",
    ]);
  });

  it("does not suggest labels inside page furniture", () => {
    expect(brief(suggest("Subscribe for shocking stories"))).toEqual([
      { start: 0, end: 30, exact: "Subscribe for shocking stories", label: "boilerplate" },
    ]);
  });

  it("leaves long article paragraphs that mention furniture words alone", () => {
    const text =
      "Share prices fell after the announcement. Readers who subscribe to the print edition will get the new supplement on Sunday, the publisher said in a statement to staff.";

    expect(suggest(text).filter((entry) => entry.kind === "boilerplate")).toEqual([]);
  });

  it("recognises the common kinds of page furniture", () => {
    const lines = [
      "Skip to main content",
      "AI-generated illustration",
      "Image: AI-generated image of a flooded street",
      "Illustration created with Midjourney",
      "Share on Facebook",
      "Facebook Twitter WhatsApp Email",
      "Follow us on Instagram for more",
      "Already a subscriber? Log in",
      "Sign up for our daily newsletter",
      "Previous article",
      "Next Post »",
      "Leave a Reply",
      "12 Comments",
      "Advertisement",
      "© 2025 Example Media. All rights reserved.",
      "Read more: Council approves budget",
      "3 min read",
    ];
    const text = lines.join("\n\n");

    expect(suggest(text).map((entry) => entry.exact)).toEqual(lines);
  });

  describe("sourcing rules", () => {
    const exactFor = (text: string) =>
      suggest(text, { dimensions: ["sourcing"] }).map(
        (entry) => `${entry.labelKey}: ${entry.exact}`,
      );

    it("marks weasel words and vague attribution", () => {
      expect(exactFor("Some experts believe it is too late.")).toEqual([
        "vague_attribution: Some experts believe",
      ]);
      expect(exactFor("Many senior officials have privately warned against it.")).toEqual([
        "vague_attribution: Many senior officials have privately warned",
      ]);
      expect(exactFor("Critics of the scheme argue it is unfair.")).toEqual([
        "vague_attribution: Critics of the scheme argue",
      ]);
      expect(exactFor("According to reports, the deal is off.")).toEqual([
        "vague_attribution: According to reports",
      ]);
      expect(exactFor("It is said that the mayor will stand down.")).toEqual([
        "vague_attribution: It is said",
      ]);
      expect(exactFor("Studies show that the scheme works.")).toEqual([
        "vague_attribution: Studies show",
      ]);
      expect(exactFor("Some say the tax is too high.")).toEqual(["vague_attribution: Some say"]);
      expect(exactFor("The minister is said to be furious. He allegedly shouted.")).toEqual([
        "vague_attribution: is said to be",
        "vague_attribution: allegedly",
      ]);
    });

    it("leaves named or determined sources alone", () => {
      expect(exactFor("The critics said they would appeal.")).toEqual([]);
      expect(exactFor("Two experts said the bridge was safe.")).toEqual([]);
      expect(exactFor("Critics, including the retailers’ association, say it will hurt.")).toEqual(
        [],
      );
      expect(exactFor("Parliament will have some say in the decision.")).toEqual([]);
      expect(exactFor("The study shows a small effect, its authors said.")).toEqual([]);
    });

    it("marks unnamed sources and granted anonymity", () => {
      expect(exactFor("A senior government official said the talks had stalled.")).toEqual([
        "anonymous_source: A senior government official said",
      ]);
      expect(exactFor("Sources close to the minister denied it.")).toEqual([
        "anonymous_source: Sources close to",
      ]);
      expect(exactFor("He spoke on condition of anonymity.")).toEqual([
        "anonymous_source: on condition of anonymity",
      ]);
      expect(exactFor("An aide, who asked not to be named, confirmed it.")).toEqual([
        "anonymous_source: who asked not to be named",
      ]);
      expect(exactFor("People familiar with the matter expect a deal.")).toEqual([
        "anonymous_source: People familiar with the matter",
      ]);
    });

    it("marks sentences with a statistic and no attribution", () => {
      expect(exactFor("One in five children now lives in poverty. Prices have doubled.")).toEqual([
        "no_source: One in five children now lives in poverty",
        "no_source: Prices have doubled",
      ]);
      expect(exactFor("The scheme cost £3bn.")).toEqual(["no_source: The scheme cost £3bn"]);
      expect(exactFor("Inflation rose to 4%, the central bank said.")).toEqual([]);
      expect(exactFor("Leaders from 35 countries met in 2024.")).toEqual([]);
    });

    it("finds every sentence in one long line, with offsets intact", () => {
      const sentence = "Rents rose 7% in a year and the waiting list grew. ";
      const text = `🔹 ${sentence.repeat(200)}`;
      const suggestions = suggest(text, { dimensions: ["sourcing"] });

      expect(suggestions).toHaveLength(200);
      expect(suggestions[150]?.start).toBe(2 + 150 * sentence.length);
      expectOffsetsMatchExact(text, suggestions);
    });
  });

  describe("framing rules", () => {
    const exactFor = (text: string) =>
      suggest(text, { dimensions: ["framing"] }).map(
        (entry) => `${entry.labelKey}: ${entry.exact}`,
      );

    it("marks absolute superlatives but not plain ones", () => {
      expect(exactFor("It was the biggest cover-up ever.")).toEqual([
        "Exaggeration-Minimisation: the biggest cover-up ever",
      ]);
      expect(exactFor("The country’s worst decision in living memory.")).toEqual([
        "Exaggeration-Minimisation: country’s worst decision in living memory",
      ]);
      expect(exactFor("It is the largest city in the region.")).toEqual([]);
    });

    it("marks false dilemmas and whataboutism", () => {
      expect(exactFor("Either we act now, or we lose everything.")).toEqual([
        "False_Dilemma-No_Choice: Either we act now, or we lose everything",
      ]);
      expect(exactFor("Either way, the vote is on Monday.")).toEqual([]);
      expect(exactFor("Why are they angry when their own party did worse?")).toEqual([
        "Whataboutism: Why are they angry when their own party did worse?",
      ]);
    });
  });
});

describe("label mapping", () => {
  it("suggests only labels that exist in the newsroom-review codebook", () => {
    const labels = new Set(
      newsroomReviewPreset.dimensions.flatMap((dimension) =>
        dimension.labels.map((label) => `${dimension.key}:${label.key}`),
      ),
    );

    for (const rule of suggestionRules) {
      expect(labels.has(`${rule.dimensionKey}:${rule.labelKey}`), rule.id).toBe(true);
    }
  });

  it("has unique rule ids", () => {
    const ids = suggestionRules.map((rule) => rule.id);

    expect(new Set(ids).size).toBe(ids.length);
  });
});
