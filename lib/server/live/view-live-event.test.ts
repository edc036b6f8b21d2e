import { describe, expect, it } from "vitest";

import {
  decideViewerPolicy,
  numberStudents,
  type ClassAssignment,
  type ClassMember,
  type DocumentClassContext,
} from "@/lib/classes/visibility";

import { viewLiveEvent } from "./view-live-event";

const members: ClassMember[] = [
  { userId: "teacher", role: "OWNER", name: "Ms Rivera", displayName: null },
  { userId: "ana", role: "ANNOTATOR", name: "Ana Lopez", displayName: null },
  { userId: "ben", role: "ANNOTATOR", name: "Ben Okafor", displayName: null },
];

function context(mode: ClassAssignment["mode"], submitted: string[] = []): DocumentClassContext {
  const now = new Date("2026-03-01T00:00:00Z");
  return {
    documentId: "doc",
    workspaceId: "ws",
    members: new Map(members.map((member) => [member.userId, member])),
    assignments: [
      {
        id: "a1",
        title: "Week 1",
        mode,
        revealNames: false,
        revealedAt: mode === "REVEALED" ? now : null,
        dueAt: null,
        submissions: submitted.map((userId) => ({ userId, submittedAt: now, reopenedAt: null })),
      },
    ],
    pseudonyms: numberStudents(members, (userId) => userId),
  };
}

const bensHighlight = {
  annotation: {
    id: "h1",
    documentId: "doc",
    documentVersion: 1,
    start: 0,
    end: 4,
    exact: "Fake",
    prefix: "",
    suffix: "",
    comment: "",
    confidence: null,
    anchorStatus: "ANCHORED",
    origin: "PERSON",
    revision: 1,
    createdAt: "2026-03-01T00:00:00.000Z",
    updatedAt: "2026-03-01T00:00:00.000Z",
    author: { id: "ben", name: "Ben Okafor" },
    labelIds: [],
  },
};

const now = new Date("2026-03-02T00:00:00Z");

describe("viewLiveEvent", () => {
  it("drops a classmate's highlight, its deletion, thread and reactions for a blind student", () => {
    const policy = decideViewerPolicy(context("BLIND"), "ana", now);

    expect(viewLiveEvent(policy, "annotation.created", bensHighlight).message).toBeNull();
    expect(
      viewLiveEvent(policy, "annotation.deleted", { annotationId: "h1", authorId: "ben" }).message,
    ).toBeNull();
    expect(
      viewLiveEvent(policy, "comment.created", {
        annotationId: "h1",
        annotationAuthorId: "ben",
        comment: {
          id: "c1",
          annotationId: "h1",
          parentId: null,
          body: "secret",
          mentions: [],
          isPinned: false,
          isHidden: false,
          createdAt: "",
          updatedAt: "",
          author: { id: "teacher", name: "Ms Rivera" },
        },
      }).message,
    ).toBeNull();
    expect(
      viewLiveEvent(policy, "reaction.changed", {
        annotationId: "h1",
        annotationAuthorId: "ben",
        userId: "teacher",
        kind: "AGREE",
        agree: 1,
        disagree: 0,
      }).message,
    ).toBeNull();
  });

  it("delivers it to the instructor by name, and to a student who handed in anonymised", () => {
    const teacher = viewLiveEvent(
      decideViewerPolicy(context("BLIND"), "teacher", now),
      "annotation.created",
      bensHighlight,
    );
    expect(teacher.message).toMatchObject({
      annotation: { author: { id: "ben", name: "Ben Okafor" } },
    });

    const ana = viewLiveEvent(
      decideViewerPolicy(context("BLIND", ["ana"]), "ana", now),
      "annotation.created",
      bensHighlight,
    );
    const author = (ana.message as { annotation: { author: { id: string; name: string } } })
      .annotation.author;
    expect(author.name).toMatch(/^Student \d$/);
    expect(author.id).not.toBe("ben");
    expect(ana.cacheKey).not.toBe(teacher.cacheKey);
  });

  it("tells only the reactor which reaction is theirs", () => {
    const payload = {
      annotationId: "h1",
      annotationAuthorId: "ben",
      userId: "ana",
      kind: "AGREE",
      agree: 1,
      disagree: 0,
    };

    expect(
      viewLiveEvent(decideViewerPolicy(context("OPEN"), "ana", now), "reaction.changed", payload)
        .message,
    ).toMatchObject({
      mine: "AGREE",
    });
    expect(
      viewLiveEvent(
        decideViewerPolicy(context("OPEN"), "teacher", now),
        "reaction.changed",
        payload,
      ).message,
    ).not.toHaveProperty("mine");
  });
});
