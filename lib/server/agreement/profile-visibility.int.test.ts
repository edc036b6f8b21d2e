import { beforeAll, describe, expect, it } from "vitest";

import {
  highlight,
  makeAssignment,
  makeClass,
  type TestClass,
} from "../assignment/class-test-support";

import { getDocumentProfile } from "./get-document-profile";

let ctx: TestClass;

beforeAll(async () => {
  ctx = await makeClass();
  await makeAssignment(ctx, { mode: "BLIND" });
  await highlight(ctx.ana.id, ctx.document.id, "reckless", [
    ctx.labels["framing:Loaded_Language"]!,
  ]);
  await highlight(ctx.ben.id, ctx.document.id, "critics say", [
    ctx.labels["sourcing:vague_attribution"]!,
  ]);
});

describe("a document profile in a blind assignment", () => {
  it("pools only what the viewer may see: a student's own highlights, everything for the instructor", async () => {
    const student = await getDocumentProfile({ userId: ctx.ana.id, documentId: ctx.document.id });
    const instructor = await getDocumentProfile({
      userId: ctx.editor.id,
      documentId: ctx.document.id,
    });

    expect(student.profile.basis).toMatchObject({ annotators: 1, highlights: 1 });
    expect(instructor.profile.basis).toMatchObject({ annotators: 2, highlights: 2 });
    // Ben's vague attribution does not show through Ana's sourcing counts.
    const sourcing = (profile: typeof student.profile) =>
      profile.distributions.find((item) => item.dimensionKey === "sourcing")?.highlights ?? 0;
    expect(sourcing(student.profile)).toBe(0);
    expect(sourcing(instructor.profile)).toBe(1);
  });
});
