import { describe, expect, it } from "vitest";

import type { Role, SubmissionStatus } from "@/lib/db/generated/enums";

import {
  availableActions,
  checkTransition,
  submissionActions,
  type SubmissionAction,
  type TransitionActor,
} from "./submission-transitions";

const statuses: (SubmissionStatus | null)[] = [
  null,
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "RESUBMITTED",
  "APPROVED",
  "REJECTED",
];

const actors: Record<string, TransitionActor> = {
  "contributor (annotator, author)": { role: "ANNOTATOR", isAuthor: true, isReviewer: false },
  "assigned reviewer (annotator)": { role: "ANNOTATOR", isAuthor: false, isReviewer: true },
  "editor (not involved)": { role: "EDITOR", isAuthor: false, isReviewer: false },
  "owner (not involved)": { role: "OWNER", isAuthor: false, isReviewer: false },
  "annotator (not involved)": { role: "ANNOTATOR", isAuthor: false, isReviewer: false },
  "viewer (not involved)": { role: "VIEWER", isAuthor: false, isReviewer: false },
  "viewer who wrote it (demoted)": { role: "VIEWER", isAuthor: true, isReviewer: false },
  "viewer assigned to review (demoted)": { role: "VIEWER", isAuthor: false, isReviewer: true },
  "editor who wrote it": { role: "EDITOR", isAuthor: true, isReviewer: false },
};

const reviewing: SubmissionStatus[] = ["IN_REVIEW", "RESUBMITTED"];
const decisions = (from: SubmissionStatus[]) =>
  (["requestChanges", "approve", "reject"] as const).flatMap((action) =>
    from.map((status) => [action, status] as const),
  );
const reviewerSteps: (readonly [SubmissionAction, SubmissionStatus | null])[] = [
  ["startReview", "SUBMITTED"],
  ["startReview", "RESUBMITTED"],
  ...decisions(reviewing),
];
const authorSteps: (readonly [SubmissionAction, SubmissionStatus | null])[] = [
  ["submit", null],
  ["submit", "DRAFT"],
  ["resubmit", "CHANGES_REQUESTED"],
];

// Written out by hand (not derived from the table): every legal step per person.
const legal: Record<string, (readonly [SubmissionAction, SubmissionStatus | null])[]> = {
  "contributor (annotator, author)": authorSteps,
  "assigned reviewer (annotator)": reviewerSteps,
  "editor (not involved)": reviewerSteps,
  "owner (not involved)": reviewerSteps,
  "annotator (not involved)": [],
  "viewer (not involved)": [],
  "viewer who wrote it (demoted)": [],
  "viewer assigned to review (demoted)": [],
  // Approving their own work is refused separately (self-approval), below.
  "editor who wrote it": [
    ...authorSteps,
    ...reviewerSteps.filter(([action]) => action !== "approve"),
  ],
};

const cases = Object.keys(actors).flatMap((actorName) =>
  submissionActions.flatMap((action) =>
    statuses.map((status) => [actorName, action, status] as const),
  ),
);

describe("checkTransition, every action from every status for every kind of person", () => {
  it.each(cases)("%s: %s from %s", (actorName, action, status) => {
    const actor = actors[actorName] as TransitionActor;
    const isLegal = (legal[actorName] ?? []).some(
      ([legalAction, legalStatus]) => legalAction === action && legalStatus === status,
    );
    const check = checkTransition({
      action,
      from: status,
      actor,
      allowSelfApproval: false,
      message: "A reason",
    });

    expect(check.ok).toBe(isLegal);
    if (!check.ok) {
      const mayEverTakeIt = (legal[actorName] ?? []).some(
        ([legalAction]) => legalAction === action,
      );
      const isOwnApproval =
        action === "approve" && actor.isAuthor && actorName.startsWith("editor");
      const expected = isOwnApproval
        ? reviewing.includes(status as SubmissionStatus)
          ? "SELF_APPROVAL"
          : "OUT_OF_ORDER"
        : mayEverTakeIt
          ? "OUT_OF_ORDER"
          : "FORBIDDEN";
      expect(check.reason).toBe(expected);
      expect(check.message.length).toBeGreaterThan(20);
    }
  });
});

describe("the results of legal steps", () => {
  it.each([
    ["startReview", "SUBMITTED", "IN_REVIEW"],
    ["startReview", "RESUBMITTED", "IN_REVIEW"],
    ["requestChanges", "IN_REVIEW", "CHANGES_REQUESTED"],
    ["requestChanges", "RESUBMITTED", "CHANGES_REQUESTED"],
    ["approve", "IN_REVIEW", "APPROVED"],
    ["approve", "RESUBMITTED", "APPROVED"],
    ["reject", "IN_REVIEW", "REJECTED"],
    ["reject", "RESUBMITTED", "REJECTED"],
  ] as const)("%s from %s leads to %s", (action, from, to) => {
    const check = checkTransition({
      action,
      from,
      actor: { role: "OWNER", isAuthor: false, isReviewer: false },
      allowSelfApproval: false,
      message: "Because",
    });
    expect(check).toEqual({ ok: true, to });
  });

  it("lets the contributor submit a draft", () => {
    expect(
      checkTransition({
        action: "submit",
        from: "DRAFT",
        actor: { role: "ANNOTATOR", isAuthor: true, isReviewer: false },
        allowSelfApproval: false,
        message: "",
      }),
    ).toEqual({ ok: true, to: "SUBMITTED" });
  });

  it("lets the contributor resubmit after changes were requested", () => {
    expect(
      checkTransition({
        action: "resubmit",
        from: "CHANGES_REQUESTED",
        actor: { role: "ANNOTATOR", isAuthor: true, isReviewer: false },
        allowSelfApproval: false,
        message: "",
      }),
    ).toEqual({ ok: true, to: "RESUBMITTED" });
  });
});

describe("self-approval", () => {
  const author: TransitionActor = { role: "EDITOR", isAuthor: true, isReviewer: false };

  it("is refused when the workspace forbids it, with a message that says so", () => {
    const check = checkTransition({
      action: "approve",
      from: "IN_REVIEW",
      actor: author,
      allowSelfApproval: false,
      message: "",
    });
    expect(check).toMatchObject({ ok: false, reason: "SELF_APPROVAL" });
    expect(check.ok ? "" : check.message).toMatch(/does not let anyone approve their own/);
  });

  it("is allowed when the workspace allows it", () => {
    expect(
      checkTransition({
        action: "approve",
        from: "IN_REVIEW",
        actor: author,
        allowSelfApproval: true,
        message: "",
      }),
    ).toEqual({ ok: true, to: "APPROVED" });
  });

  it("applies to an author who is also the assigned reviewer", () => {
    const check = checkTransition({
      action: "approve",
      from: "RESUBMITTED",
      actor: { role: "ANNOTATOR", isAuthor: true, isReviewer: true },
      allowSelfApproval: false,
      message: "",
    });
    expect(check).toMatchObject({ ok: false, reason: "SELF_APPROVAL" });
  });
});

describe("messages", () => {
  it.each(["requestChanges", "reject"] as const)("%s needs a message", (action) => {
    const check = checkTransition({
      action,
      from: "IN_REVIEW",
      actor: { role: "EDITOR", isAuthor: false, isReviewer: false },
      allowSelfApproval: false,
      message: "   ",
    });
    expect(check).toMatchObject({ ok: false, reason: "MESSAGE_REQUIRED" });
  });

  it("names the current status and the statuses the step needs when out of order", () => {
    const check = checkTransition({
      action: "approve",
      from: "DRAFT",
      actor: { role: "EDITOR", isAuthor: false, isReviewer: false },
      allowSelfApproval: false,
      message: "",
    });
    expect(check.ok ? "" : check.message).toBe(
      "This submission is draft, so you cannot approve it now (only when it is in review or resubmitted).",
    );
  });
});

describe("availableActions", () => {
  it.each([
    ["contributor (annotator, author)", "DRAFT", ["submit"]],
    ["contributor (annotator, author)", "CHANGES_REQUESTED", ["resubmit"]],
    ["contributor (annotator, author)", "IN_REVIEW", []],
    ["assigned reviewer (annotator)", "IN_REVIEW", ["requestChanges", "approve", "reject"]],
    ["editor (not involved)", "SUBMITTED", ["startReview"]],
    [
      "editor (not involved)",
      "RESUBMITTED",
      ["startReview", "requestChanges", "approve", "reject"],
    ],
    ["editor who wrote it", "IN_REVIEW", ["requestChanges", "reject"]],
    ["owner (not involved)", "APPROVED", []],
    ["viewer (not involved)", "IN_REVIEW", []],
  ] as const)("%s, %s: %j", (actorName, from, expected) => {
    expect(
      availableActions({
        from,
        actor: actors[actorName] as TransitionActor,
        allowSelfApproval: false,
      }),
    ).toEqual(expected);
  });
});

describe("roles", () => {
  it.each<[Role, boolean]>([
    ["OWNER", true],
    ["EDITOR", true],
    ["ANNOTATOR", false],
    ["VIEWER", false],
  ])("an uninvolved %s may approve: %s", (role, expected) => {
    const check = checkTransition({
      action: "approve",
      from: "IN_REVIEW",
      actor: { role, isAuthor: false, isReviewer: false },
      allowSelfApproval: false,
      message: "",
    });
    expect(check.ok).toBe(expected);
  });
});
