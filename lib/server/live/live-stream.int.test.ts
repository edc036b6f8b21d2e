import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { createAnnotation } from "@/lib/server/annotation/create-annotation";
import {
  highlight,
  makeAssignment,
  makeClass,
  type TestClass,
} from "@/lib/server/assignment/class-test-support";
import { setAssignmentMode } from "@/lib/server/assignment/set-assignment-mode";
import { createComment } from "@/lib/server/discussion/create-comment";
import { removeMember } from "@/lib/server/membership/remove-member";
import { createAnnotationSchema } from "@/lib/validations/annotation";
import { createCommentSchema } from "@/lib/validations/discussion";

import { annotationIdOf, open } from "./live-test-support";
import { getLiveCursor, openLiveStream } from "./open-live-stream";
import { publishLiveEvent } from "./publish-live-event";

let ctx: TestClass;
let assignmentId: string;
const streams: { close: () => void }[] = [];

beforeAll(async () => {
  ctx = await makeClass();
  ({ id: assignmentId } = await makeAssignment(ctx, { mode: "BLIND" }));
});

afterAll(() => {
  for (const stream of streams) stream.close();
});

describe("the live stream of a blind assignment's document", () => {
  it("never carries a classmate's highlight (or its thread) to a student, but everything to the instructor", async () => {
    const ana = await open(
      ctx.ana.id,
      ctx.document.id,
      BigInt(await getLiveCursor(ctx.workspace.id)),
    );
    const teacher = await open(
      ctx.owner.id,
      ctx.document.id,
      BigInt(await getLiveCursor(ctx.workspace.id)),
    );
    streams.push(ana, teacher);

    const bens = await highlight(ctx.ben.id, ctx.document.id, "critics say");
    await createComment({
      userId: ctx.owner.id,
      annotationId: bens.id,
      input: createCommentSchema.parse({ body: "Which critics, Ben?" }),
    });
    const anas = await highlight(ctx.ana.id, ctx.document.id, "reckless");

    await teacher.waitFor(
      (event) => annotationIdOf(event) === bens.id,
      "Ben's highlight at the instructor",
    );
    await teacher.waitFor(
      (event) => annotationIdOf(event) === anas.id,
      "Ana's highlight at the instructor",
    );
    // Ana's own highlight was saved after Ben's and his reply: once hers arrives, his would have.
    const own = await ana.waitFor(
      (event) => annotationIdOf(event) === anas.id,
      "Ana's own highlight",
    );
    expect(own.data.kind).toBe("annotation.created");
    expect(ana.events.some((event) => annotationIdOf(event) === bens.id)).toBe(false);
    expect(ana.raw).not.toContain(bens.id);
    expect(ana.raw).not.toContain("Which critics");
    expect(ana.raw).not.toContain("Ben Student");
  });

  it("replays exactly the missed events after a reconnect with Last-Event-ID", async () => {
    const first = await open(
      ctx.owner.id,
      ctx.document.id,
      BigInt(await getLiveCursor(ctx.workspace.id)),
    );
    const marker = await highlight(ctx.ben.id, ctx.document.id, "devastate");
    const seen = await first.waitFor((event) => annotationIdOf(event) === marker.id, "the marker");
    first.close();

    const missed: string[] = [];
    for (const phrase of ["families", "Officials", "budget"]) {
      missed.push((await highlight(ctx.ben.id, ctx.document.id, phrase)).id);
    }

    const again = await open(ctx.owner.id, ctx.document.id, BigInt(seen.id!));
    streams.push(again);
    await again.waitFor(
      (event) => annotationIdOf(event) === missed[2],
      "the last missed highlight",
    );
    const after = await highlight(ctx.ben.id, ctx.document.id, "balanced");
    await again.waitFor(
      (event) => annotationIdOf(event) === after.id,
      "a live highlight after the replay",
    );

    const annotationEvents = again.events.filter((event) => event.id !== null).map(annotationIdOf);
    expect(annotationEvents).toEqual([...missed, after.id]);
    const ids = again.events.filter((event) => event.id !== null).map((event) => BigInt(event.id!));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("tells a student's stream to reload on reveal, then delivers classmates anonymised", async () => {
    const ana = await open(
      ctx.ana.id,
      ctx.document.id,
      BigInt(await getLiveCursor(ctx.workspace.id)),
    );
    streams.push(ana);

    await setAssignmentMode({
      userId: ctx.owner.id,
      assignmentId,
      mode: "REVEALED",
      revealNames: false,
    });
    await ana.waitFor((event) => event.data.kind === "refresh", "the refresh on reveal");

    const later = await createAnnotation({
      userId: ctx.ben.id,
      documentId: ctx.document.id,
      input: createAnnotationSchema.parse({ start: 0, end: 3, exact: "The" }),
    });
    const delivered = await ana.waitFor(
      (event) => annotationIdOf(event) === later.id,
      "Ben's highlight after reveal",
    );
    const author = (delivered.data.annotation as { author: { id: string; name: string } }).author;
    expect(author.name).toMatch(/^Student \d+$/);
    expect(author.id).not.toBe(ctx.ben.id);
    expect(ana.raw).not.toContain(ctx.ben.id);
  });

  it("shows who is reading, and closes the stream of someone removed from the class", async () => {
    const ben = await open(ctx.ben.id, ctx.document.id);
    streams.push(ben);
    type Readers = { id: string; name: string }[];
    const first = await ben.waitFor((event) => event.data.kind === "presence", "a first list");
    const before = (first.data.readers as Readers).length;
    const viewer = await open(ctx.viewer.id, ctx.document.id);
    streams.push(viewer);

    // The assignment was revealed without names: the viewer appears as "Student N".
    const seen = await ben.waitFor(
      (event) =>
        event.data.kind === "presence" && (event.data.readers as Readers).length === before + 1,
      "the viewer in Ben's presence list",
    );
    const added = (seen.data.readers as Readers).filter(
      (reader) => !(first.data.readers as Readers).some((known) => known.id === reader.id),
    );
    expect(added).toHaveLength(1);
    expect(added[0]!.name).toMatch(/^Student \d+$/);
    expect(ben.raw).not.toContain(ctx.viewer.id);

    await removeMember({
      userId: ctx.owner.id,
      input: { workspaceId: ctx.workspace.id, userId: ctx.viewer.id },
    });
    await viewer.waitFor((event) => event.data.kind === "gone", "the gone message");
    const deadline = Date.now() + 5_000;
    while (!viewer.closed && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(viewer.closed).toBe(true);
  });

  it("commits a workspace's events in id order even when transactions overlap", async () => {
    const db = getDb();
    let firstId = 0n;
    let releaseFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (releaseFirst = resolve));

    // The first transaction takes its id, then waits before committing.
    const first = db.$transaction(
      async (tx) => {
        firstId = await publishLiveEvent({
          tx,
          workspaceId: ctx.workspace.id,
          documentId: ctx.document.id,
          kind: "class.changed",
          payload: { reason: "test-first" },
        });
        await firstMayCommit;
      },
      { timeout: 20_000 },
    );
    while (firstId === 0n) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // The second starts meanwhile: it must wait, and take a later id.
    let secondId = 0n;
    const second = db.$transaction(async (tx) => {
      secondId = await publishLiveEvent({
        tx,
        workspaceId: ctx.workspace.id,
        documentId: ctx.document.id,
        kind: "class.changed",
        payload: { reason: "test-second" },
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondId).toBe(0n);

    releaseFirst();
    await Promise.all([first, second]);
    expect(secondId).toBeGreaterThan(firstId);
  });

  it("delivers an event too large for a notification by reading it from the table, in order", async () => {
    const teacher = await open(
      ctx.owner.id,
      ctx.document.id,
      BigInt(await getLiveCursor(ctx.workspace.id)),
    );
    streams.push(teacher);
    const ids: bigint[] = [];
    for (const size of [10, 9_000, 10]) {
      ids.push(
        await getDb().$transaction((tx) =>
          publishLiveEvent({
            tx,
            workspaceId: ctx.workspace.id,
            documentId: ctx.document.id,
            kind: "class.changed",
            payload: { reason: "x".repeat(size) },
          }),
        ),
      );
    }
    await teacher.waitFor((event) => event.id === String(ids[2]), "the last event");
    const received = teacher.events.filter((event) => event.id !== null).map((event) => event.id);
    expect(received).toEqual(ids.map(String));
  });

  it("refuses outsiders before any stream opens", async () => {
    await expect(
      openLiveStream({ userId: ctx.outsider.id, documentId: ctx.document.id, lastEventId: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
