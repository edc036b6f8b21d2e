import { describe, expect, it } from "vitest";

import { describeAuditAction, describeFieldChanges } from "./describe-audit-event";

describe("describeAuditAction", () => {
  it("names known actions in words and leaves unknown ones as they are", () => {
    expect(describeAuditAction("annotation.review.accept")).toBe("accepted it into the gold set");
    expect(describeAuditAction("codebook.publish")).toBe("codebook.publish");
  });
});

describe("describeFieldChanges", () => {
  it("lists the fields that changed, from what to what", () => {
    expect(
      describeFieldChanges(
        { comment: "", labelIds: ["a"], start: 1, reviewState: "PENDING" },
        { comment: "Who?", labelIds: ["a", "b"], start: 1, reviewState: "ACCEPTED" },
      ),
    ).toEqual([
      { field: "labels", before: "1", after: "2" },
      { field: "comment", before: "—", after: "Who?" },
      { field: "review", before: "PENDING", after: "ACCEPTED" },
    ]);
  });

  it("shows a creation as fields appearing and copes with missing sides", () => {
    expect(describeFieldChanges(null, { exact: "Critics say" })).toEqual([
      { field: "passage", before: "—", after: "Critics say" },
    ]);
    expect(describeFieldChanges(undefined, undefined)).toEqual([]);
  });
});
