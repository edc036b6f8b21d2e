// Issue 5: workspace-wide presence, named as the class rules name people.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  makeAssignment,
  makeClass,
  type TestClass,
} from "@/lib/server/assignment/class-test-support";
import { setAssignmentMode } from "@/lib/server/assignment/set-assignment-mode";

import { listen, open, type Received } from "./live-test-support";
import { openPresenceStream } from "./open-presence-stream";

let ctx: TestClass;
let assignmentId: string;
const streams: { close: () => void }[] = [];

async function watch(userId: string, workspaceId: string) {
  const abort = new AbortController();
  const stream = await openPresenceStream({ userId, workspaceId, signal: abort.signal });
  const listener = listen(stream, abort);
  streams.push(listener);
  return listener;
}

type Documents = { documentId: string; readers: { id: string; name: string }[] }[];
const readersIn = (event: Received, documentId: string) =>
  ((event.data.documents as Documents | undefined) ?? []).find(
    (item) => item.documentId === documentId,
  )?.readers ?? [];

beforeAll(async () => {
  ctx = await makeClass();
  ({ id: assignmentId } = await makeAssignment(ctx, { mode: "BLIND" }));
});

afterAll(() => {
  for (const stream of streams) stream.close();
});

describe("workspace presence", () => {
  it("shows the instructor which student reads which document, by name", async () => {
    const teacher = await watch(ctx.owner.id, ctx.workspace.id);
    streams.push(await open(ctx.ana.id, ctx.document.id));

    const seen = await teacher.waitFor(
      (event) => readersIn(event, ctx.document.id).some((reader) => reader.id === ctx.ana.id),
      "Ana on the document",
    );
    expect(readersIn(seen, ctx.document.id)).toEqual([{ id: ctx.ana.id, name: "Ana L." }]);
  });

  it("shows a student in a blind assignment that a classmate is reading, as Student N, and leaves the student out", async () => {
    const ben = await watch(ctx.ben.id, ctx.workspace.id);
    streams.push(await open(ctx.ben.id, ctx.document.id));
    const seen = await ben.waitFor(
      (event) => readersIn(event, ctx.document.id).length > 0,
      "a reader on the document",
    );
    const readers = readersIn(seen, ctx.document.id);
    expect(readers).toHaveLength(1);
    expect(readers[0]!.name).toMatch(/^Student \d+$/);
    expect(ben.raw).not.toContain(ctx.ana.id);
    expect(ben.raw).not.toContain("Ana");
    expect(ben.raw).not.toContain(ctx.ben.id);
  });

  it("names classmates once the assignment is revealed with names", async () => {
    const ben = await watch(ctx.ben.id, ctx.workspace.id);
    await ben.waitFor((event) => event.data.kind === "presence", "a first list");
    await setAssignmentMode({
      userId: ctx.owner.id,
      assignmentId,
      mode: "REVEALED",
      revealNames: true,
    });
    await ben.waitFor(
      (event) => readersIn(event, ctx.document.id).some((reader) => reader.name === "Ana L."),
      "Ana by name after the reveal",
    );
  });

  it("refuses outsiders", async () => {
    await expect(
      openPresenceStream({ userId: ctx.outsider.id, workspaceId: ctx.workspace.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
