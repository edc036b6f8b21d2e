// Audit events in words, for the history panel and the audit log: what was done, and
// which fields changed from what to what (the full before/after JSON stays available).

const actionNames: Record<string, string> = {
  "annotation.create": "created the highlight",
  "annotation.update": "edited the highlight",
  "annotation.delete": "deleted the highlight",
  "annotation.restore": "restored the highlight",
  "annotation.review.accept": "accepted it into the gold set",
  "annotation.review.reject": "rejected it for the gold set",
  "annotation.review.edit": "edited it for the gold set",
  "annotation.review.add": "added it to the gold set",
  "annotation.reanchor.unchanged": "kept it in place after a text edit",
  "annotation.reanchor.moved": "moved it to match an edited text",
  "annotation.reanchor.fuzzy": "moved it onto an edited passage",
  "annotation.reanchor.orphaned": "orphaned it: its passage was edited away",
  "document.create": "added the document",
  "document.update": "edited the document",
  "submission.submit": "submitted it for review",
  "submission.startReview": "started reviewing it",
  "submission.requestChanges": "requested changes",
  "submission.resubmit": "resubmitted it",
  "submission.approve": "approved it",
  "submission.reject": "rejected it",
  "submission.assign": "assigned a reviewer",
};

export function describeAuditAction(action: string): string {
  return actionNames[action] ?? action;
}

// The fields worth naming, in the order they are listed.
const fieldNames: Record<string, string> = {
  exact: "passage",
  start: "start",
  end: "end",
  labelIds: "labels",
  comment: "comment",
  confidence: "confidence",
  anchorStatus: "placement",
  reviewState: "review",
  isGold: "gold",
  reviewReason: "reason",
  title: "title",
  version: "version",
  submissionStatus: "status",
  reviewerId: "reviewer",
  message: "message",
  deletedAt: "deleted",
};

export type FieldChange = { field: string; before: string; after: string };

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") {
    return "—";
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? "none" : `${value.length}`;
  }
  if (typeof value === "string") {
    return value.length > 80 ? `${value.slice(0, 79)}…` : value;
  }
  return JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function describeFieldChanges(before: unknown, after: unknown): FieldChange[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const changes: FieldChange[] = [];

  for (const [key, field] of Object.entries(fieldNames)) {
    if (!(key in from) && !(key in to)) {
      continue;
    }
    const was = show(from[key]);
    const now = show(to[key]);
    const isSame = JSON.stringify(from[key] ?? null) === JSON.stringify(to[key] ?? null);
    if (!isSame) {
      changes.push({ field, before: was, after: now });
    }
  }

  return changes;
}
