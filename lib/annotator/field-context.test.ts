import { describe, expect, it } from "vitest";

import { listLinkCandidates, listTargetSuggestions } from "./field-context";

const value = (target: string | null, holder: string | null = null) => ({ target, holder });

describe("listLinkCandidates", () => {
  it("leaves out the highlight being edited and unsaved ones", () => {
    const candidates = listLinkCandidates(
      [
        { id: "a", exact: "the mayor said", values: [] },
        { id: "b", exact: "taxes rise", values: [] },
        { id: "pending-1", exact: "new", values: [], isPending: true },
      ],
      "b",
    );
    expect(candidates).toEqual([{ id: "a", exact: "the mayor said" }]);
  });
});

describe("listTargetSuggestions", () => {
  it("lists targets and holders once, most used first, ignoring case", () => {
    const suggestions = listTargetSuggestions([
      { id: "a", exact: "x", values: [value("The council"), value(null)] },
      { id: "b", exact: "y", values: [value("the council", "Mayor Ortiz")] },
      { id: "c", exact: "z", values: [value("Budget")] },
    ]);
    expect(suggestions).toEqual(["The council", "Budget", "Mayor Ortiz"]);
  });
});
