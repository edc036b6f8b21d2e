import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { createAnnotationSchema, updateAnnotationSchema } from "@/lib/validations/annotation";
import { saveDocumentAnswerSchema } from "@/lib/validations/document-answer";
import { makeDocument } from "@/tests/factories";

import {
  classText,
  highlight,
  makeAssignment,
  makeClass,
  type TestClass,
} from "../assignment/class-test-support";
import { useTypedCodebook } from "../codebook/typed-codebook-support";
import { exportRequest, exportText } from "../export/testing/export-test-support";
import { listDocumentAnswers } from "../document-answer/list-document-answers";
import { saveDocumentAnswer } from "../document-answer/save-document-answer";

import { createAnnotation } from "./create-annotation";
import { deleteAnnotation } from "./delete-annotation";
import { listAnnotations } from "./list-annotations";
import { updateAnnotation } from "./update-annotation";

function spanOf(phrase: string) {
  const at = classText.indexOf(phrase);
  const start = Array.from(classText.slice(0, at)).length;
  return { start, end: start + Array.from(phrase).length, exact: phrase };
}

let ctx: TestClass;
let labels: Record<string, string>;

beforeAll(async () => {
  ctx = await makeClass();
  ({ labels } = await useTypedCodebook(ctx, "typed-fields"));
});

describe("typed field values on highlights", () => {
  it("stores a target with its holder, a verdict and a link; lists and audits them", async () => {
    const source = await highlight(ctx.annotator.id, ctx.document.id, "critics say");
    const annotation = await createAnnotation({
      userId: ctx.annotator.id,
      documentId: ctx.document.id,
      input: createAnnotationSchema.parse({
        ...spanOf("reckless plan"),
        labelIds: [labels["stance:critical"], labels["source:anonymous"]],
        values: [
          { dimensionKey: "stance", target: " the minister ", holder: "critics" },
          // As the popover sends them: the parts a field does not take are null.
          {
            dimensionKey: "verdict",
            text: "Opinion presented as fact",
            target: null,
            holder: null,
            linkedAnnotationId: null,
          },
          { dimensionKey: "source", linkedAnnotationId: source.id },
        ],
      }),
    });

    expect(annotation.values).toEqual([
      {
        dimensionKey: "source",
        text: null,
        target: null,
        holder: null,
        linkedAnnotationId: source.id,
      },
      {
        dimensionKey: "stance",
        text: null,
        target: "the minister",
        holder: "critics",
        linkedAnnotationId: null,
      },
      {
        dimensionKey: "verdict",
        text: "Opinion presented as fact",
        target: null,
        holder: null,
        linkedAnnotationId: null,
      },
    ]);

    const listed = await listAnnotations({ userId: ctx.editor.id, documentId: ctx.document.id });
    expect(listed.find((item) => item.id === annotation.id)?.values).toEqual(annotation.values);

    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { entityId: annotation.id, action: "annotation.create" },
    });
    expect(audit.after).toMatchObject({ values: annotation.values });
  });

  it("replaces the values on edit, keeps them when only labels change, and audits both", async () => {
    const annotation = await createAnnotation({
      userId: ctx.annotator.id,
      documentId: ctx.document.id,
      input: createAnnotationSchema.parse({
        ...spanOf("devastate families"),
        labelIds: [labels["stance:critical"]],
        values: [{ dimensionKey: "stance", target: "the plan" }],
      }),
    });

    const relabelled = await updateAnnotation({
      userId: ctx.annotator.id,
      annotationId: annotation.id,
      input: updateAnnotationSchema.parse({
        revision: 1,
        labelIds: [labels["stance:supportive"]],
      }),
    });
    expect(relabelled.values.map((value) => value.target)).toEqual(["the plan"]);

    const edited = await updateAnnotation({
      userId: ctx.annotator.id,
      annotationId: annotation.id,
      input: updateAnnotationSchema.parse({
        revision: 2,
        values: [{ dimensionKey: "verdict", text: "Unverifiable" }],
      }),
    });
    expect(edited.values).toEqual([
      expect.objectContaining({ dimensionKey: "verdict", text: "Unverifiable" }),
    ]);

    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { entityId: annotation.id, action: "annotation.update" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.before).toMatchObject({ values: [{ dimensionKey: "stance" }] });
    expect(audit.after).toMatchObject({ values: [{ dimensionKey: "verdict" }] });
  });

  it("refuses values that do not fit the codebook, naming the field, and writes nothing", async () => {
    const before = await getDb().annotation.count({ where: { documentId: ctx.document.id } });
    const attempt = (values: unknown) =>
      createAnnotation({
        userId: ctx.annotator.id,
        documentId: ctx.document.id,
        input: createAnnotationSchema.parse({ ...spanOf("Officials insist"), values }),
      });

    await expect(attempt([{ dimensionKey: "verdict", target: "x" }])).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Verdict does not take a target.",
      fieldErrors: { "values.verdict": ["Verdict does not take a target."] },
    });
    await expect(attempt([{ dimensionKey: "genre", text: "x" }])).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("“genre” is not a passage dimension"),
    });
    await expect(attempt([{ dimensionKey: "nope", text: "x" }])).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(attempt([{ dimensionKey: "stance", holder: "the mayor" }])).rejects.toMatchObject({
      message: "Stance: name the target before the stance holder.",
    });
    expect(() =>
      createAnnotationSchema.parse({
        ...spanOf("Officials insist"),
        values: [{ dimensionKey: "stance", target: "x".repeat(201) }],
      }),
    ).toThrow(/at most 200 characters/);

    expect(await getDb().annotation.count({ where: { documentId: ctx.document.id } })).toBe(before);
  });

  it("refuses a link to the highlight itself, to another document, or to a deleted highlight", async () => {
    const own = await highlight(ctx.annotator.id, ctx.document.id, "the budget");
    const elsewhereDoc = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "Other");
    const elsewhere = await highlight(ctx.annotator.id, elsewhereDoc.id, "the budget");
    const gone = await highlight(ctx.annotator.id, ctx.document.id, "is balanced");
    await deleteAnnotation({ userId: ctx.annotator.id, annotationId: gone.id });

    const link = (linkedAnnotationId: string) =>
      updateAnnotation({
        userId: ctx.annotator.id,
        annotationId: own.id,
        input: updateAnnotationSchema.parse({
          revision: 1,
          values: [{ dimensionKey: "source", linkedAnnotationId }],
        }),
      });

    await expect(link(own.id)).rejects.toMatchObject({
      message: "A highlight cannot link to itself.",
    });
    for (const id of [elsewhere.id, gone.id]) {
      await expect(link(id)).rejects.toMatchObject({
        code: "INVALID_INPUT",
        message: expect.stringContaining("not a highlight of this document that you can see"),
      });
    }
  });

  it("in a blind assignment, refuses a student's link to a classmate's highlight", async () => {
    const blindDoc = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "Blind");
    await makeAssignment(ctx, { mode: "BLIND", documentIds: [blindDoc.id] });
    const bens = await highlight(ctx.ben.id, blindDoc.id, "critics say");
    const anas = await highlight(ctx.ana.id, blindDoc.id, "Officials insist");

    const linkFromAna = (linkedAnnotationId: string) =>
      createAnnotation({
        userId: ctx.ana.id,
        documentId: blindDoc.id,
        input: createAnnotationSchema.parse({
          ...spanOf("reckless plan"),
          labelIds: [labels["source:anonymous"]],
          values: [{ dimensionKey: "source", linkedAnnotationId }],
        }),
      });

    await expect(linkFromAna(bens.id)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(linkFromAna(anas.id)).resolves.toMatchObject({
      values: [{ dimensionKey: "source", linkedAnnotationId: anas.id }],
    });
  });
});

describe("required dimensions", () => {
  it("refuses a highlight that leaves a required field empty, naming it", async () => {
    const other = await makeClass();
    const { labels: own } = await useTypedCodebook(other, "typed-required", true);

    await expect(
      createAnnotation({
        userId: other.annotator.id,
        documentId: other.document.id,
        input: createAnnotationSchema.parse({
          ...spanOf("reckless plan"),
          labelIds: [own["stance:critical"]],
        }),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "Stance is required: give it a target.",
      fieldErrors: { "values.stance": ["Stance is required: give it a target."] },
    });

    await expect(
      createAnnotation({
        userId: other.annotator.id,
        documentId: other.document.id,
        input: createAnnotationSchema.parse({
          ...spanOf("reckless plan"),
          labelIds: [own["stance:critical"]],
          values: [{ dimensionKey: "stance", target: "the minister" }],
        }),
      }),
    ).resolves.toMatchObject({ labelIds: [own["stance:critical"]] });
  });
});

describe("whole-document answers", () => {
  const save = (userId: string, documentId: string, input: unknown) =>
    saveDocumentAnswer({ userId, documentId, input: saveDocumentAnswerSchema.parse(input) });

  it("saves, replaces and clears a person's answer, with audit events", async () => {
    const first = await save(ctx.annotator.id, ctx.document.id, {
      dimensionKey: "genre",
      labelIds: [labels["genre:opinion"]],
    });
    expect(first).toMatchObject({ dimensionKey: "genre", labelIds: [labels["genre:opinion"]] });

    const second = await save(ctx.annotator.id, ctx.document.id, {
      dimensionKey: "genre",
      labelIds: [labels["genre:reporting"]],
      text: " Mostly quotes ",
    });
    expect(second).toMatchObject({ id: first?.id, text: "Mostly quotes" });
    expect(second?.labelIds).toEqual([labels["genre:reporting"]]);

    await save(ctx.annotator.id, ctx.document.id, {
      dimensionKey: "frames",
      labelIds: [labels["frames:Economic"], labels["frames:Political"]],
    });
    const listed = await listDocumentAnswers({
      userId: ctx.annotator.id,
      documentId: ctx.document.id,
    });
    expect(listed.map((answer) => answer.dimensionKey).sort()).toEqual(["frames", "genre"]);

    expect(await save(ctx.annotator.id, ctx.document.id, { dimensionKey: "frames" })).toBeNull();
    const actions = await getDb().auditEvent.findMany({
      where: { actorId: ctx.annotator.id, action: { startsWith: "document.answer." } },
      select: { action: true },
    });
    expect(actions.map((event) => event.action).sort()).toEqual([
      "document.answer.delete",
      "document.answer.save",
      "document.answer.save",
      "document.answer.save",
    ]);
  });

  it("refuses labels of another dimension, two labels on a one-choice dimension, and passage dimensions", async () => {
    await expect(
      save(ctx.annotator.id, ctx.document.id, {
        dimensionKey: "genre",
        labelIds: [labels["genre:opinion"], labels["genre:reporting"]],
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: "Genre takes one label." });
    await expect(
      save(ctx.annotator.id, ctx.document.id, {
        dimensionKey: "genre",
        labelIds: [labels["frames:Economic"]],
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      save(ctx.annotator.id, ctx.document.id, { dimensionKey: "stance", text: "x" }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("not a whole-document dimension"),
    });
  });

  it("lets viewers read but not answer, and outsiders neither", async () => {
    const input = { dimensionKey: "genre", labelIds: [labels["genre:opinion"]] };
    await expect(save(ctx.viewer.id, ctx.document.id, input)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(save(ctx.outsider.id, ctx.document.id, input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      listDocumentAnswers({ userId: ctx.outsider.id, documentId: ctx.document.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      listDocumentAnswers({ userId: ctx.viewer.id, documentId: ctx.document.id }),
    ).resolves.toEqual(expect.any(Array));
  });

  it("in a blind assignment, shows a student only their own answers; the instructor sees all", async () => {
    const blindDoc = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "Blind 2");
    await makeAssignment(ctx, { mode: "BLIND", documentIds: [blindDoc.id] });
    await save(ctx.ana.id, blindDoc.id, {
      dimensionKey: "genre",
      labelIds: [labels["genre:opinion"]],
    });
    await save(ctx.ben.id, blindDoc.id, {
      dimensionKey: "genre",
      labelIds: [labels["genre:reporting"]],
    });

    const ana = await listDocumentAnswers({ userId: ctx.ana.id, documentId: blindDoc.id });
    expect(ana.map((answer) => answer.author.id)).toEqual([ctx.ana.id]);
    const editor = await listDocumentAnswers({ userId: ctx.editor.id, documentId: blindDoc.id });
    expect(editor.map((answer) => answer.author.id).sort()).toEqual(
      [ctx.ana.id, ctx.ben.id].sort(),
    );
  });
});

describe("exports", () => {
  it("JSONL carries a highlight's values and the document's answers", async () => {
    const other = await makeClass();
    const { labels: own } = await useTypedCodebook(other, "typed-export");
    const source = await highlight(other.annotator.id, other.document.id, "critics say", [
      own["source:named"]!,
    ]);
    const tagged = await createAnnotation({
      userId: other.annotator.id,
      documentId: other.document.id,
      input: createAnnotationSchema.parse({
        ...spanOf("reckless plan"),
        labelIds: [own["stance:critical"]],
        values: [
          { dimensionKey: "stance", target: "the minister" },
          { dimensionKey: "verdict", text: "Loaded" },
        ],
      }),
    });
    await saveDocumentAnswer({
      userId: other.annotator.id,
      documentId: other.document.id,
      input: saveDocumentAnswerSchema.parse({
        dimensionKey: "frames",
        labelIds: [own["frames:Political"], own["frames:Economic"]],
      }),
    });

    const { text } = await exportText(other.owner.id, other.workspace.id, exportRequest("jsonl"));
    const line = JSON.parse(text.trim()) as {
      spans: { annotation_id: string; values?: unknown[] }[];
      meta: { document_answers?: { dimension: string; labels: string[] }[] };
    };
    const span = line.spans.find((item) => item.annotation_id === tagged.id);
    expect(span?.values).toEqual([
      {
        dimension: "stance",
        text: null,
        target: "the minister",
        holder: null,
        linked_annotation_id: null,
      },
      {
        dimension: "verdict",
        text: "Loaded",
        target: null,
        holder: null,
        linked_annotation_id: null,
      },
    ]);
    expect(line.spans.find((item) => item.annotation_id === source.id)?.values).toBeUndefined();
    expect(line.meta.document_answers).toEqual([
      expect.objectContaining({
        dimension: "frames",
        labels: ["Economic", "Political"],
        text: null,
      }),
    ]);
  });
});
