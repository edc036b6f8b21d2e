// Issue 5: an edit of a document's text reaches its readers live, and the highlights they
// then fetch are re-anchored on the new text under the class rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listAnnotations } from "@/lib/server/annotation/list-annotations";
import {
  classText,
  highlight,
  makeAssignment,
  makeClass,
  type TestClass,
} from "@/lib/server/assignment/class-test-support";
import { updateDocument } from "@/lib/server/document/update-document";
import { updateDocumentSchema } from "@/lib/validations/document";

import { open } from "./live-test-support";
import { getLiveCursor } from "./open-live-stream";

let ctx: TestClass;
const streams: { close: () => void }[] = [];

beforeAll(async () => {
  ctx = await makeClass();
  await makeAssignment(ctx, { mode: "BLIND" });
  await highlight(ctx.ana.id, ctx.document.id, "reckless");
  await highlight(ctx.ben.id, ctx.document.id, "critics say");
  await highlight(ctx.ben.id, ctx.document.id, "Officials insist");
});

afterAll(() => {
  for (const stream of streams) stream.close();
});

const newText = `Budget day. ${classText.replace("Officials insist", "The treasury claims")}`;

describe("a live edit of a document's text", () => {
  it("tells every reader the new version, and each then gets their re-anchored highlights", async () => {
    const cursor = BigInt(await getLiveCursor(ctx.workspace.id));
    const ana = await open(ctx.ana.id, ctx.document.id, cursor);
    const teacher = await open(ctx.owner.id, ctx.document.id, cursor);
    streams.push(ana, teacher);

    await updateDocument({
      userId: ctx.owner.id,
      documentId: ctx.document.id,
      input: updateDocumentSchema.parse({ title: "Budget day", text: newText, version: 1 }),
    });

    for (const stream of [ana, teacher]) {
      const event = await stream.waitFor(
        (received) => received.data.kind === "document.changed",
        "the text change",
      );
      expect(event.data).toMatchObject({
        kind: "document.changed",
        version: 2,
        title: "Budget day",
      });
      expect(event.id).not.toBeNull();
    }
    // The event carries no highlights: nothing of Ben's reaches Ana's stream.
    expect(ana.raw).not.toContain(ctx.ben.id);
    expect(ana.raw).not.toContain("critics say");

    const anas = await listAnnotations({ userId: ctx.ana.id, documentId: ctx.document.id });
    expect(anas.map((annotation) => annotation.exact)).toEqual(["reckless"]);
    const at = Array.from(newText.slice(0, newText.indexOf("reckless"))).length;
    expect(anas[0]).toMatchObject({ start: at, end: at + 8, documentVersion: 2 });

    const all = await listAnnotations({ userId: ctx.owner.id, documentId: ctx.document.id });
    const byQuote = new Map(all.map((annotation) => [annotation.exact, annotation]));
    expect(byQuote.get("critics say")?.anchorStatus).toBe("ANCHORED");
    expect(byQuote.get("Officials insist")?.anchorStatus).toBe("ORPHANED");
  });

  it("replays the text change to a reader who reconnects after it", async () => {
    const before = BigInt(await getLiveCursor(ctx.workspace.id));
    await updateDocument({
      userId: ctx.owner.id,
      documentId: ctx.document.id,
      input: updateDocumentSchema.parse({
        title: "Budget day",
        text: `${newText} More.`,
        version: 2,
      }),
    });
    const late = await open(ctx.ben.id, ctx.document.id, before);
    streams.push(late);
    const event = await late.waitFor(
      (received) => received.data.kind === "document.changed",
      "the replayed text change",
    );
    expect(event.data.version).toBe(3);
  });

  it("sends the new title alone (same version) when only the title changes, and nothing for a save that changes nothing", async () => {
    const cursor = BigInt(await getLiveCursor(ctx.workspace.id));
    const teacher = await open(ctx.owner.id, ctx.document.id, cursor);
    streams.push(teacher);
    const save = (title: string) =>
      updateDocument({
        userId: ctx.owner.id,
        documentId: ctx.document.id,
        input: updateDocumentSchema.parse({ title, text: `${newText} More.`, version: 3 }),
      });

    await save("Budget day (2)");
    const renamed = await teacher.waitFor(
      (received) => received.data.kind === "document.changed",
      "the new title",
    );
    expect(renamed.data).toMatchObject({ version: 3, title: "Budget day (2)" });

    await save("Budget day (2)");
    await highlight(ctx.owner.id, ctx.document.id, "devastate", [], `${newText} More.`);
    await teacher.waitFor((received) => received.data.kind === "annotation.created", "a marker");
    expect(
      teacher.events.filter((received) => received.data.kind === "document.changed"),
    ).toHaveLength(1);
  });
});
