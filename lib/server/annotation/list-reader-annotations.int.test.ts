import { beforeAll, describe, expect, it } from "vitest";

import { createAnnotationSchema } from "@/lib/validations/annotation";
import { makeDocument } from "@/tests/factories";

import {
  classText,
  highlight,
  makeAssignment,
  makeClass,
  type TestClass,
} from "../assignment/class-test-support";
import { useTypedCodebook } from "../codebook/typed-codebook-support";

import { createAnnotation } from "./create-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { listAnnotations } from "./list-annotations";
import { listReaderAnnotations } from "./list-reader-annotations";

let ctx: TestClass;
let labels: Record<string, string>;

// What the reader gets must be what listAnnotations gives, without the quote context.
async function listBoth(userId: string, documentId: string) {
  const full = await listAnnotations({ userId, documentId });
  const reader = await listReaderAnnotations({ userId, documentId });
  const expected = full.map(({ prefix, suffix, ...rest }) => {
    void prefix;
    void suffix;
    return rest;
  });
  return { reader, expected };
}

beforeAll(async () => {
  ctx = await makeClass();
  ({ labels } = await useTypedCodebook(ctx, "typed-fields"));

  const source = await highlight(ctx.ana.id, ctx.document.id, "critics say");
  const at = classText.indexOf("reckless plan");
  await createAnnotation({
    userId: ctx.ben.id,
    documentId: ctx.document.id,
    input: createAnnotationSchema.parse({
      start: at,
      end: at + "reckless plan".length,
      exact: "reckless plan",
      labelIds: [labels["stance:critical"], labels["source:anonymous"]],
      comment: "Loaded",
      confidence: 2,
      values: [
        { dimensionKey: "stance", target: "the minister", holder: "critics" },
        { dimensionKey: "source", linkedAnnotationId: source.id },
      ],
    }),
  });
  // Starts at the same place as a longer one: the order is start, then longest first.
  await highlight(ctx.annotator.id, ctx.document.id, "reckless");
  const deleted = await highlight(ctx.annotator.id, ctx.document.id, "Officials insist");
  await deleteAnnotation({ userId: ctx.annotator.id, annotationId: deleted.id });
});

describe("listing highlights for the reader", () => {
  it("gives what listAnnotations gives without prefix and suffix, in the same order", async () => {
    const { reader, expected } = await listBoth(ctx.owner.id, ctx.document.id);

    expect(reader).toEqual(expected);
    expect(reader.map((annotation) => annotation.exact)).toEqual([
      "reckless plan",
      "reckless",
      "critics say",
    ]);
    expect(reader[0]?.labelIds).toHaveLength(2);
    expect(reader[0]?.values).toHaveLength(2);
  });

  it("applies the class rules: a blind assignment hides classmates' highlights", async () => {
    await makeAssignment(ctx, { mode: "BLIND", documentIds: [ctx.document.id] });

    const { reader, expected } = await listBoth(ctx.ana.id, ctx.document.id);

    expect(reader).toEqual(expected);
    expect(reader.map((annotation) => annotation.author.id)).toEqual([ctx.ana.id]);
  });

  it("gives an empty list for a readable document without highlights", async () => {
    const empty = await makeDocument(ctx.owner.id, ctx.workspace.id, "Nothing marked here.");

    await expect(
      listReaderAnnotations({ userId: ctx.viewer.id, documentId: empty.id }),
    ).resolves.toEqual([]);
  });

  it("answers 'not found' to someone outside the workspace, and for no such document", async () => {
    await expect(
      listReaderAnnotations({ userId: ctx.outsider.id, documentId: ctx.document.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      listReaderAnnotations({ userId: ctx.owner.id, documentId: "nosuchdocument" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
