import { describe, expect, it } from "vitest";

import { suggest } from "@/lib/suggestions/suggest";

import { matchSuggestions } from "./match-suggestions";

const codebook = {
  dimensions: [
    { key: "sourcing", labels: [{ id: "vague", key: "vague_attribution" }] },
    { key: "framing", labels: [{ id: "loaded", key: "Loaded_Language" }] },
  ],
};

const text = "Critics say the reckless plan is a disaster.\n\nPost a Comment";

describe("matchSuggestions", () => {
  it("ties rule suggestions to the codebook's labels and keeps page furniture unlabelled", () => {
    const matched = matchSuggestions(suggest(text), codebook, [], new Set());
    const byLabel = matched.map((item) => [item.exact, item.labelId]);
    expect(byLabel).toContainEqual(["Critics say", "vague"]);
    expect(
      matched.some((item) => item.labelId === null && item.exact.includes("Post a Comment")),
    ).toBe(true);
    for (const item of matched) {
      expect(Array.from(text).slice(item.start, item.end).join("")).toBe(item.exact);
    }
  });

  it("drops suggestions whose label the codebook lacks, already tagged ones and dismissed ones", () => {
    const all = matchSuggestions(suggest(text), codebook, [], new Set());
    const vague = all.find((item) => item.labelId === "vague");
    expect(vague).toBeDefined();

    const withoutFraming = matchSuggestions(
      suggest(text),
      { dimensions: [codebook.dimensions[0] as (typeof codebook.dimensions)[number]] },
      [],
      new Set(),
    );
    expect(withoutFraming.some((item) => item.labelId === "loaded")).toBe(false);

    const tagged = matchSuggestions(
      suggest(text),
      codebook,
      [{ start: vague?.start ?? -1, end: vague?.end ?? -1, labelIds: ["vague"] }],
      new Set(),
    );
    expect(tagged.some((item) => item.id === vague?.id)).toBe(false);

    const dismissed = matchSuggestions(suggest(text), codebook, [], new Set([vague?.id ?? ""]));
    expect(dismissed).toHaveLength(all.length - 1);
  });
});
