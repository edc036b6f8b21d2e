import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { noGoldMessage } from "@/lib/insight/gold-agreement";
import { addGoldAnnotation } from "@/lib/server/review/add-gold-annotation";
import { decideAnnotationReview } from "@/lib/server/review/decide-annotation-review";
import { makeDocument } from "@/tests/factories";

import {
  classText,
  highlight,
  makeAssignment,
  makeClass,
  type TestClass,
} from "../assignment/class-test-support";
import { getCollectionComparison } from "../collection/get-collection-comparison";

import { getDocumentAgreement } from "./get-document-agreement";
import { getDocumentProfile } from "./get-document-profile";
import { countDocumentAnnotators } from "./load-insight-documents";

let ctx: TestClass;
const loaded = "framing:Loaded_Language";
const nameCalling = "framing:Name_Calling-Labeling";
const exaggeration = "framing:Exaggeration-Minimisation";

function spanOf(phrase: string) {
  const at = classText.indexOf(phrase);
  const start = Array.from(classText.slice(0, at)).length;
  return { start, end: start + Array.from(phrase).length, exact: phrase };
}

async function addGold(documentId: string, phrase: string, labelIds: string[]) {
  return addGoldAnnotation({
    userId: ctx.owner.id,
    input: { documentId, documentVersion: 1, ...spanOf(phrase), labelIds, reason: "" },
  });
}

async function setTarget(annotationId: string, target: string) {
  await getDb().annotationValue.create({
    data: { annotationId, dimensionKey: "stance", target },
  });
}

beforeAll(async () => {
  ctx = await makeClass();
});

describe("annotators against the gold set", () => {
  let documentId: string;

  beforeAll(async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "Gold day");
    documentId = document.id;
    const ana = await highlight(ctx.ana.id, documentId, "reckless", [ctx.labels[loaded]!]);
    await highlight(ctx.ben.id, documentId, "reckless", [ctx.labels[nameCalling]!]);
    await highlight(ctx.ben.id, documentId, "devastate families", [ctx.labels[loaded]!]);
    // The lead accepts Ana's highlight and adds one nobody proposed.
    await decideAnnotationReview({
      userId: ctx.owner.id,
      input: { annotationId: ana.id, revision: ana.revision, decision: "accept", reason: "" },
    });
    await addGold(documentId, "devastate families", [ctx.labels[exaggeration]!]);
  });

  it("does not count the lead's adjudication highlights as another annotator", async () => {
    expect(await countDocumentAnnotators(documentId)).toBe(2);
    const result = await getDocumentAgreement({ userId: ctx.editor.id, documentId });
    if (result.status !== "ok") {
      throw new Error(result.status);
    }
    expect(result.view.annotators.map((annotator) => annotator.name)).toEqual([
      "Ana Student",
      "Ben Student",
    ]);
    const framing = result.view.dimensions.find((entry) => entry.dimension.key === "framing")!;
    expect(framing.annotatorIds).toEqual([ctx.ana.id, ctx.ben.id]);
  });

  it("scores each annotator against the gold set, with label confusion", async () => {
    const result = await getDocumentAgreement({ userId: ctx.owner.id, documentId });
    if (result.status !== "ok" || !result.gold.hasGold) {
      throw new Error("expected a gold set");
    }
    expect(result.gold.goldHighlights).toBe(2);
    const framingId = result.view.dimensions.find((entry) => entry.dimension.key === "framing")!
      .dimension.id;
    const framing = result.gold.dimensions.find((entry) => entry.dimensionId === framingId)!;
    const ana = framing.annotators.find((row) => row.annotatorId === ctx.ana.id)!;
    const ben = framing.annotators.find((row) => row.annotatorId === ctx.ben.id)!;
    // Ana found one of two gold highlights, with its label: P = 1, R = 1/2.
    expect(ana.scores.exact).toMatchObject({
      defined: true,
      detail: { precision: 1, recall: 0.5 },
    });
    expect(ana.scores.exact.defined && ana.scores.exact.value).toBeCloseTo(2 / 3, 10);
    // Ben marked both passages with other labels than the gold set.
    expect(ben.scores.overlap).toMatchObject({ defined: true, value: 0 });
    const position = (labelId: string) => ben.confusion.labelIds.indexOf(labelId);
    expect(
      ben.confusion.counts[position(ctx.labels[loaded]!)]![position(ctx.labels[nameCalling]!)],
    ).toBe(1);
    expect(
      ben.confusion.counts[position(ctx.labels[exaggeration]!)]![position(ctx.labels[loaded]!)],
    ).toBe(1);
  });

  it("is for leads only: an annotator is refused, an outsider sees nothing", async () => {
    await expect(
      getDocumentAgreement({ userId: ctx.annotator.id, documentId }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await getDocumentAgreement({ userId: ctx.outsider.id, documentId }).catch(
      (error: unknown) => error,
    );
    expect(outsider).toBeInstanceOf(AppError);
    expect((outsider as AppError).code).toBe("NOT_FOUND");
  });

  it("says plainly when a document has no gold set", async () => {
    const plain = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "No gold");
    await highlight(ctx.ana.id, plain.id, "reckless", [ctx.labels[loaded]!]);
    await highlight(ctx.ben.id, plain.id, "reckless", [ctx.labels[loaded]!]);
    const result = await getDocumentAgreement({ userId: ctx.editor.id, documentId: plain.id });
    expect(result.status === "ok" && result.gold).toEqual({
      hasGold: false,
      message: noGoldMessage,
    });
    const profile = await getDocumentProfile({ userId: ctx.viewer.id, documentId: plain.id });
    expect(profile.profile.basis).toMatchObject({ kind: "all-annotators", annotators: 2 });
    expect(profile.profile.basis.note).toMatch(/^From all 2 annotators’ highlights pooled/);
  });

  it("gives every member a profile from the gold set", async () => {
    const profile = await getDocumentProfile({ userId: ctx.viewer.id, documentId });
    expect(profile.profile.basis).toMatchObject({ kind: "gold", highlights: 2 });
    expect(profile.profile.basis.note).toMatch(/^From the agreed \(gold\) set, 2 highlights/);
    const framing = profile.profile.distributions.find(
      (entry) => entry.dimensionKey === "framing",
    )!;
    expect(
      framing.labels.filter((label) => label.highlights > 0).map((label) => label.key),
    ).toEqual(["Loaded_Language", "Exaggeration-Minimisation"]);
  });
});

describe("blind assignments and the gold set", () => {
  beforeAll(async () => {
    await makeAssignment(ctx, { mode: "BLIND" });
    await highlight(ctx.ana.id, ctx.document.id, "reckless", [ctx.labels[loaded]!]);
    await highlight(ctx.ben.id, ctx.document.id, "critics say", [
      ctx.labels["sourcing:vague_attribution"]!,
    ]);
    await addGold(ctx.document.id, "reckless", [ctx.labels[loaded]!]);
  });

  it("a student's profile pools only their own highlights, not the lead's gold set", async () => {
    const student = await getDocumentProfile({ userId: ctx.ana.id, documentId: ctx.document.id });
    expect(student.profile.basis).toMatchObject({
      kind: "all-annotators",
      annotators: 1,
      highlights: 1,
    });
    const instructor = await getDocumentProfile({
      userId: ctx.editor.id,
      documentId: ctx.document.id,
    });
    expect(instructor.profile.basis).toMatchObject({ kind: "gold", highlights: 1 });
  });

  it("the outlet comparison follows the same rule", async () => {
    const other = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "Other outlet");
    const collection = await getDb().collection.create({
      data: {
        workspaceId: ctx.workspace.id,
        name: "Budget coverage",
        documents: {
          create: [
            { documentId: ctx.document.id, position: 0 },
            { documentId: other.id, position: 1 },
          ],
        },
      },
    });
    const asStudent = await getCollectionComparison({
      userId: ctx.ana.id,
      collectionId: collection.id,
    });
    const asLead = await getCollectionComparison({
      userId: ctx.editor.id,
      collectionId: collection.id,
    });
    if (asStudent.status !== "ok" || asLead.status !== "ok") {
      throw new Error("expected comparisons");
    }
    const column = (comparison: typeof asStudent.comparison) =>
      comparison.outlets.find((outlet) => outlet.documentId === ctx.document.id)!;
    expect(column(asStudent.comparison).annotators).toBe(1);
    expect(column(asStudent.comparison).sources).toEqual([]);
    expect(column(asStudent.comparison).profile.basis.kind).toBe("all-annotators");
    expect(column(asLead.comparison).annotators).toBe(2);
    expect(column(asLead.comparison).profile.basis.kind).toBe("gold");
  });
});

describe("stance by target", () => {
  it("groups stance highlights by their target in the profile and across outlets", async () => {
    const first = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "Outlet A");
    const second = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "Outlet B");
    const critical = ctx.labels["stance:critical"]!;
    const supportive = ctx.labels["stance:supportive"]!;
    await setTarget(
      (await highlight(ctx.ana.id, first.id, "reckless", [critical])).id,
      "The minister",
    );
    await setTarget(
      (await highlight(ctx.ben.id, first.id, "reckless plan", [critical])).id,
      "  the MINISTER ",
    );
    await highlight(ctx.ben.id, first.id, "Officials insist", [supportive]);
    await setTarget(
      (await highlight(ctx.ana.id, second.id, "budget is balanced", [supportive])).id,
      "the minister",
    );

    const profile = await getDocumentProfile({ userId: ctx.viewer.id, documentId: first.id });
    const [stance] = profile.profile.stanceByTarget;
    expect(
      stance!.targets.map((group) => [
        group.target,
        group.highlights,
        group.labels.filter((label) => label.highlights > 0).map((label) => label.name),
      ]),
    ).toEqual([
      ["The minister", 2, ["Critical"]],
      [null, 1, ["Supportive"]],
    ]);

    const collection = await getDb().collection.create({
      data: {
        workspaceId: ctx.workspace.id,
        name: "Stance",
        documents: {
          create: [
            { documentId: first.id, position: 0 },
            { documentId: second.id, position: 1 },
          ],
        },
      },
    });
    const comparison = await getCollectionComparison({
      userId: ctx.annotator.id,
      collectionId: collection.id,
    });
    if (comparison.status !== "ok") {
      throw new Error(comparison.status);
    }
    const [rows] = comparison.comparison.stanceTargets;
    expect(
      rows!.rows.map((row) => [row.key, row.perOutlet.map((cell) => cell.highlights)]),
    ).toEqual([
      ["the minister", [2, 1]],
      [null, [1, 0]],
    ]);
  });
});
