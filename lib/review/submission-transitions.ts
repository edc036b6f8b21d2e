// The review flow of a submission as a pure table: which action moves which status to
// which, and who may take it. The server checks every transition against this table
// (lib/server/submission/transition-submission.ts) and the submission panel uses it to
// offer only the actions the person may take. docs/review.md explains the rules.
import { hasRole } from "@/lib/auth/roles";
import type { Role, SubmissionStatus } from "@/lib/db/generated/enums";

export const submissionActions = [
  "submit",
  "startReview",
  "requestChanges",
  "resubmit",
  "approve",
  "reject",
] as const;

export type SubmissionAction = (typeof submissionActions)[number];

// Who takes a step: the contributor who wrote the submission, the reviewer an editor
// assigned, or an editor (the EDITOR and OWNER roles).
export type SubmissionParty = "author" | "reviewer" | "editor";

type TransitionRule = {
  from: readonly SubmissionStatus[];
  to: SubmissionStatus;
  by: readonly SubmissionParty[];
  // Requesting changes and rejecting must say why; the contributor reads it.
  needsMessage: boolean;
  // "submit this", "approve this": for messages.
  verb: string;
};

export const submissionTransitions: Record<SubmissionAction, TransitionRule> = {
  submit: {
    from: ["DRAFT"],
    to: "SUBMITTED",
    by: ["author"],
    needsMessage: false,
    verb: "submit",
  },
  startReview: {
    from: ["SUBMITTED", "RESUBMITTED"],
    to: "IN_REVIEW",
    by: ["reviewer", "editor"],
    needsMessage: false,
    verb: "start reviewing",
  },
  requestChanges: {
    from: ["IN_REVIEW", "RESUBMITTED"],
    to: "CHANGES_REQUESTED",
    by: ["reviewer", "editor"],
    needsMessage: true,
    verb: "request changes to",
  },
  resubmit: {
    from: ["CHANGES_REQUESTED"],
    to: "RESUBMITTED",
    by: ["author"],
    needsMessage: false,
    verb: "resubmit",
  },
  approve: {
    from: ["IN_REVIEW", "RESUBMITTED"],
    to: "APPROVED",
    by: ["reviewer", "editor"],
    needsMessage: false,
    verb: "approve",
  },
  reject: {
    from: ["IN_REVIEW", "RESUBMITTED"],
    to: "REJECTED",
    by: ["reviewer", "editor"],
    needsMessage: true,
    verb: "reject",
  },
};

export const submissionStatusNames: Record<SubmissionStatus, string> = {
  DRAFT: "draft",
  SUBMITTED: "submitted",
  IN_REVIEW: "in review",
  CHANGES_REQUESTED: "changes requested",
  RESUBMITTED: "resubmitted",
  APPROVED: "approved",
  REJECTED: "rejected",
};

export const submissionActionNames: Record<SubmissionAction, string> = {
  submit: "Submit for review",
  startReview: "Start review",
  requestChanges: "Request changes",
  resubmit: "Resubmit",
  approve: "Approve",
  reject: "Reject",
};

const partyNames: Record<SubmissionParty, string> = {
  author: "the contributor who wrote it",
  reviewer: "its assigned reviewer",
  editor: "an editor",
};

export type TransitionActor = {
  role: Role;
  isAuthor: boolean;
  isReviewer: boolean;
};

export type TransitionCheck =
  | { ok: true; to: SubmissionStatus }
  | {
      ok: false;
      // FORBIDDEN: not this person's step; OUT_OF_ORDER: not from this status;
      // SELF_APPROVAL: the workspace forbids approving one's own work;
      // MESSAGE_REQUIRED: the step needs a reason.
      reason: "FORBIDDEN" | "OUT_OF_ORDER" | "SELF_APPROVAL" | "MESSAGE_REQUIRED";
      message: string;
    };

// The parties this person counts as. Contributors and reviewers need at least the
// annotator role: a member demoted to viewer can no longer act on a submission.
export function partiesOf(actor: TransitionActor): SubmissionParty[] {
  const parties: SubmissionParty[] = [];
  const canContribute = hasRole(actor.role, "ANNOTATOR");

  if (actor.isAuthor && canContribute) {
    parties.push("author");
  }
  if (actor.isReviewer && canContribute) {
    parties.push("reviewer");
  }
  if (hasRole(actor.role, "EDITOR")) {
    parties.push("editor");
  }

  return parties;
}

type CheckTransitionOptions = {
  action: SubmissionAction;
  // A document that never entered the flow counts as a draft.
  from: SubmissionStatus | null;
  actor: TransitionActor;
  allowSelfApproval: boolean;
  message: string;
};

// Role first (is this the person's step at all), then order (is it the step's turn),
// then the workspace's self-approval rule, then the message.
export function checkTransition({
  action,
  from,
  actor,
  allowSelfApproval,
  message,
}: CheckTransitionOptions): TransitionCheck {
  const rule = submissionTransitions[action];
  const status = from ?? "DRAFT";
  const parties = partiesOf(actor);

  if (!rule.by.some((party) => parties.includes(party))) {
    return {
      ok: false,
      reason: "FORBIDDEN",
      message: `Only ${rule.by.map((party) => partyNames[party]).join(" or ")} can ${rule.verb} this submission.`,
    };
  }

  if (!rule.from.includes(status)) {
    return {
      ok: false,
      reason: "OUT_OF_ORDER",
      message: `This submission is ${submissionStatusNames[status]}, so you cannot ${rule.verb} it now${
        rule.from.length > 0
          ? ` (only when it is ${rule.from.map((value) => submissionStatusNames[value]).join(" or ")})`
          : ""
      }.`,
    };
  }

  if (action === "approve" && actor.isAuthor && !allowSelfApproval) {
    return {
      ok: false,
      reason: "SELF_APPROVAL",
      message:
        "This workspace does not let anyone approve their own submission. Ask another editor or reviewer to approve it.",
    };
  }

  if (rule.needsMessage && message.trim().length === 0) {
    return {
      ok: false,
      reason: "MESSAGE_REQUIRED",
      message: `Say why you ${rule.verb === "reject" ? "reject it" : "request changes"}: the contributor reads this message.`,
    };
  }

  return { ok: true, to: rule.to };
}

// The actions this person may take now, in the order the panel offers them.
export function availableActions(options: Omit<CheckTransitionOptions, "action" | "message">) {
  return submissionActions.filter((action) => {
    const check = checkTransition({ ...options, action, message: "x" });
    return check.ok;
  });
}

export function isTerminalStatus(status: SubmissionStatus | null): boolean {
  return status === "APPROVED" || status === "REJECTED";
}
