import { describe, expect, it } from "vitest";

import {
  canSeeAuthor,
  decideViewerPolicy,
  describeAuthor,
  findEditLock,
  isKeyReleased,
  isSubmitted,
  numberStudents,
  type ClassAssignment,
  type ClassMember,
  type DocumentClassContext,
} from "./visibility";

const now = new Date("2026-03-10T12:00:00Z");
const earlier = new Date("2026-03-09T12:00:00Z");
const later = new Date("2026-03-11T12:00:00Z");

const members: ClassMember[] = [
  { userId: "teacher", role: "OWNER", name: "Ms Rivera", displayName: null },
  { userId: "assistant", role: "EDITOR", name: "Sam Helper", displayName: "Mr Helper" },
  { userId: "ana", role: "ANNOTATOR", name: "Ana Lopez", displayName: "Ana L." },
  { userId: "ben", role: "ANNOTATOR", name: "Ben Okafor", displayName: null },
  { userId: "val", role: "VIEWER", name: "Val Visitor", displayName: null },
];

function assignment(values: Partial<ClassAssignment>): ClassAssignment {
  return {
    id: values.id ?? "a1",
    title: values.title ?? "Week 1",
    mode: "OPEN",
    revealNames: false,
    revealedAt: null,
    dueAt: null,
    submissions: [],
    ...values,
  };
}

function context(assignments: ClassAssignment[]): DocumentClassContext {
  const byId = new Map(members.map((member) => [member.userId, member]));
  return {
    documentId: "doc",
    workspaceId: "ws",
    members: byId,
    assignments,
    pseudonyms: numberStudents(members, (userId) => userId),
  };
}

function visibleAuthors(ctx: DocumentClassContext, viewer: string): string[] {
  const policy = decideViewerPolicy(ctx, viewer, now);
  return members.map((member) => member.userId).filter((id) => canSeeAuthor(policy, id));
}

describe("a document in no assignment", () => {
  it("shows every member's highlights to every member, and nothing to outsiders", () => {
    const ctx = context([]);

    expect(visibleAuthors(ctx, "ana")).toEqual(["teacher", "assistant", "ana", "ben", "val"]);
    expect(visibleAuthors(ctx, "val")).toHaveLength(5);
    expect(visibleAuthors(ctx, "stranger")).toEqual([]);
  });
});

describe("blind assignments", () => {
  const blind = assignment({ mode: "BLIND", dueAt: later });

  it("shows a student only their own highlights before they hand in", () => {
    expect(visibleAuthors(context([blind]), "ana")).toEqual(["ana"]);
    expect(decideViewerPolicy(context([blind]), "ana", now).blindTitles).toEqual(["Week 1"]);
  });

  it("shows instructors everything", () => {
    expect(visibleAuthors(context([blind]), "assistant")).toHaveLength(5);
  });

  it("shows classmates (not the instructors' key material) once the student handed in", () => {
    const handedIn = {
      ...blind,
      submissions: [{ userId: "ana", submittedAt: earlier, reopenedAt: null }],
    };

    expect(visibleAuthors(context([handedIn]), "ana")).toEqual(["ana", "ben", "val"]);
    // Ben has not handed in: still blind for him.
    expect(visibleAuthors(context([handedIn]), "ben")).toEqual(["ben"]);
  });

  it("hides classmates again while a hand-in is reopened", () => {
    const reopened = {
      ...blind,
      submissions: [{ userId: "ana", submittedAt: earlier, reopenedAt: now }],
    };

    expect(visibleAuthors(context([reopened]), "ana")).toEqual(["ana"]);
  });

  it("applies the strictest rule when the document is in several assignments", () => {
    const open = assignment({ id: "a2", title: "Open practice", mode: "OPEN" });
    const policy = decideViewerPolicy(context([open, blind]), "ana", now);

    expect(policy.onlyOwn).toBe(true);
    expect(canSeeAuthor(policy, "ben")).toBe(false);
  });

  it("opens everything (but instructors) to students once revealed, anonymised unless names were chosen", () => {
    const revealed = { ...blind, mode: "REVEALED" as const, revealedAt: now };
    const policy = decideViewerPolicy(context([revealed]), "ana", now);

    expect(visibleAuthors(context([revealed]), "ana")).toHaveLength(5);
    expect(policy.anonymise).toBe(true);
    expect(describeAuthor(policy, { id: "ben", name: "Ben Okafor" }).name).toMatch(/^Student \d$/);
    expect(describeAuthor(policy, { id: "ben", name: "Ben Okafor" }).id).not.toContain("ben");
    expect(describeAuthor(policy, { id: "ana", name: "Ana Lopez" })).toEqual({
      id: "ana",
      name: "Ana L.",
    });
    expect(describeAuthor(policy, { id: "assistant", name: "Sam Helper" }).name).toBe("Mr Helper");

    const named = decideViewerPolicy(context([{ ...revealed, revealNames: true }]), "ana", now);
    expect(named.anonymise).toBe(false);
    expect(describeAuthor(named, { id: "ben", name: "Ben Okafor" })).toEqual({
      id: "ben",
      name: "Ben Okafor",
    });
  });

  it("never anonymises for instructors", () => {
    const policy = decideViewerPolicy(context([blind]), "teacher", now);

    expect(describeAuthor(policy, { id: "ben", name: "Ben Okafor" }).name).toBe("Ben Okafor");
  });
});

describe("answer keys", () => {
  it("hides instructors' highlights from students until the due date or a reveal", () => {
    const open = assignment({ mode: "OPEN", dueAt: later });
    const policy = decideViewerPolicy(context([open]), "ben", now);

    expect(canSeeAuthor(policy, "teacher")).toBe(false);
    expect(canSeeAuthor(policy, "ana")).toBe(true);
    expect(policy.expiresAt).toEqual(later);

    const due = decideViewerPolicy(context([{ ...open, dueAt: earlier }]), "ben", now);
    expect(canSeeAuthor(due, "teacher")).toBe(true);
    expect(due.expiresAt).toBeNull();
  });

  it("releases the key on reveal or after the due date, not before", () => {
    expect(isKeyReleased(assignment({ dueAt: later }), now)).toBe(false);
    expect(isKeyReleased(assignment({ dueAt: earlier }), now)).toBe(true);
    expect(isKeyReleased(assignment({ mode: "REVEALED" }), now)).toBe(true);
    expect(isKeyReleased(assignment({}), now)).toBe(false);
  });
});

describe("hand-ins", () => {
  it("counts a hand-in as submitted until it is reopened, and again after a new hand-in", () => {
    expect(isSubmitted(undefined)).toBe(false);
    expect(isSubmitted({ userId: "a", submittedAt: earlier, reopenedAt: null })).toBe(true);
    expect(isSubmitted({ userId: "a", submittedAt: earlier, reopenedAt: now })).toBe(false);
    expect(isSubmitted({ userId: "a", submittedAt: later, reopenedAt: now })).toBe(true);
  });

  it("locks editing on documents of a handed-in assignment", () => {
    const handedIn = assignment({
      submissions: [{ userId: "ana", submittedAt: earlier, reopenedAt: null }],
    });

    expect(findEditLock([handedIn], "ana")?.assignment.id).toBe("a1");
    expect(findEditLock([handedIn], "ben")).toBeNull();
  });
});

describe("numberStudents", () => {
  it("numbers students only, in hash order", () => {
    const numbers = numberStudents(
      members,
      (userId) => ({ ana: "b", ben: "a", val: "c" })[userId] ?? "",
    );

    expect([...numbers.entries()]).toEqual([
      ["ben", "Student 1"],
      ["ana", "Student 2"],
      ["val", "Student 3"],
    ]);
  });
});
