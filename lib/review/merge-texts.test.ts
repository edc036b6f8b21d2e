import { describe, expect, it } from "vitest";

import { hasMergeMarkers, mergeMarkers, mergeTexts } from "./merge-texts";

const base =
  "The minister hailed a historic victory.\n\nCritics say the figures were never published.";

describe("mergeTexts", () => {
  it("combines changes to different words", () => {
    const mine = base.replace("historic", "narrow");
    const theirs = base.replace("Critics say", "Economists at the bank said");

    expect(mergeTexts({ base, mine, theirs })).toEqual({
      ok: true,
      text: "The minister hailed a narrow victory.\n\nEconomists at the bank said the figures were never published.",
      conflicts: 0,
    });
  });

  it("keeps both versions between markers where both changed the same words", () => {
    const mine = base.replace("historic", "narrow");
    const theirs = base.replace("historic", "hard-won");
    const result = mergeTexts({ base, mine, theirs });

    expect(result.ok && result.conflicts).toBe(1);
    const text = result.ok ? result.text : "";
    expect(text).toContain(`${mergeMarkers.mine}\nnarrow\n${mergeMarkers.separator}\nhard-won\n`);
    expect(hasMergeMarkers(text)).toBe(true);
    expect(text.endsWith("Critics say the figures were never published.")).toBe(true);
  });

  it("takes the other side when one side made no change, and agrees with identical edits", () => {
    const theirs = base.replace("never", "not");
    expect(mergeTexts({ base, mine: base, theirs })).toMatchObject({ text: theirs, conflicts: 0 });
    expect(mergeTexts({ base, mine: theirs, theirs: base })).toMatchObject({ text: theirs });
    expect(mergeTexts({ base, mine: theirs, theirs })).toMatchObject({
      text: theirs,
      conflicts: 0,
    });
  });

  it("merges an insertion and a deletion in different paragraphs", () => {
    const mine = `${base}\n\nA third paragraph.`;
    const theirs = base.replace(" historic", "");
    expect(mergeTexts({ base, mine, theirs })).toMatchObject({
      ok: true,
      text: "The minister hailed a victory.\n\nCritics say the figures were never published.\n\nA third paragraph.",
      conflicts: 0,
    });
  });

  it("keeps every difference as a conflict when the base text is unknown", () => {
    const mine = base.replace("never", "not");
    const theirs = base.replace("historic", "narrow");
    const result = mergeTexts({ base: null, mine, theirs });

    expect(result.ok && result.conflicts).toBe(2);
    const text = result.ok ? result.text : "";
    expect(text).toContain(`${mergeMarkers.mine}\nhistoric\n${mergeMarkers.separator}\nnarrow\n`);
    expect(text).toContain(`${mergeMarkers.mine}\nnot\n${mergeMarkers.separator}\nnever\n`);
    expect(mergeTexts({ base: null, mine, theirs: mine })).toEqual({
      ok: true,
      text: mine,
      conflicts: 0,
    });
  });

  it("gives up with a message, rather than hanging, when the versions are rewrites", () => {
    const words = (seed: number) =>
      Array.from({ length: 5000 }, (_, index) => `w${(index * seed) % 7919}`).join(" ");
    const result = mergeTexts({ base: words(3), mine: words(5), theirs: words(11) }, 200);
    expect(result).toMatchObject({ ok: false });
    expect(result.ok ? "" : result.message).toMatch(/differ too much to merge/);
  });
});
