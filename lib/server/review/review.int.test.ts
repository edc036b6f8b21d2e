import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { buildAdjudication } from "@/lib/review/adjudication";
import { createAnnotationSchema, updateAnnotationSchema } from "@/lib/validations/annotation";
import { updateDocumentSchema } from "@/lib/validations/document";
import {
  addGoldAnnotationSchema,
  editGoldAnnotationSchema,
  reviewDecisionSchema,
} from "@/lib/validations/review";
import { getLabelIds, makeDocument, makeUser, makeWorkspaceWithRoles } from "@/tests/factories";

import { createAnnotation } from "../annotation/create-annotation";
import { deleteAnnotation } from "../annotation/delete-annotation";
import { restoreAnnotation } from "../annotation/restore-annotation";
import { updateAnnotation } from "../annotation/update-annotation";
import { updateDocument } from "../document/update-document";

import { acceptAgreedAnnotations } from "./accept-agreed-annotations";
import { addGoldAnnotation } from "./add-gold-annotation";
import { countUnreadNotifications } from "./count-unread-notifications";
import { decideAnnotationReview } from "./decide-annotation-review";
import { editGoldAnnotation } from "./edit-gold-annotation";
import { getAdjudication } from "./get-adjudication";
import { getVersionDiff } from "./get-version-diff";
import { listAdjudicationDocuments } from "./list-adjudication-documents";
import { listGoldAnnotationIds } from "./list-gold-annotation-ids";
import { listNotifications } from "./list-notifications";
import { markNotificationsRead } from "./mark-notifications-read";

const text =
  "The minister hailed a historic victory. Critics say the plan is a reckless gamble with public money.";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let second: Awaited<ReturnType<typeof makeUser>>;
let labels: Record<string, string>;

function at(phrase: string) {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, exact: phrase };
}

async function annotate(userId: string, documentId: string, phrase: string, labelKeys: string[]) {
  return createAnnotation({
    userId,
    documentId,
    input: createAnnotationSchema.parse({
      ...at(phrase),
      labelIds: labelKeys.map((key) => labels[key] as string),
    }),
  });
}

// Two annotators: agree exactly on "historic victory", differ on labels for "reckless
// gamble", and only one marks "Critics say".
async function makeAnnotatedDocument() {
  const document = await makeDocument(ctx.owner.id, ctx.workspace.id, text, "Budget vote");
  const ids = {
    agreedA: (
      await annotate(ctx.annotator.id, document.id, "historic victory", ["stance:supportive"])
    ).id,
    agreedB: (await annotate(second.id, document.id, "historic victory", ["stance:supportive"])).id,
    differsA: (
      await annotate(ctx.annotator.id, document.id, "reckless gamble", ["framing:Loaded_Language"])
    ).id,
    differsB: (await annotate(second.id, document.id, "reckless gamble", ["stance:critical"])).id,
    aloneA: (
      await annotate(ctx.annotator.id, document.id, "Critics say", ["sourcing:vague_attribution"])
    ).id,
  };
  return { documentId: document.id, ids };
}

async function revisionOf(id: string) {
  return (await getDb().annotation.findUniqueOrThrow({ where: { id } })).revision;
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  second = await makeUser("Second Annotator");
  await getDb().membership.create({
    data: { workspaceId: ctx.workspace.id, userId: second.id, role: "ANNOTATOR" },
  });
  labels = await getLabelIds(ctx.workspace.id);
});

describe("adjudication", () => {
  it("shows leads one lane per annotator, groups spans and finds exact agreement", async () => {
    const { documentId, ids } = await makeAnnotatedDocument();
    const { annotations } = await getAdjudication({ userId: ctx.editor.id, documentId });
    const model = buildAdjudication(annotations);

    expect(model.lanes.map((lane) => lane.authorId).sort()).toEqual(
      [ctx.annotator.id, second.id].sort(),
    );
    const byStart = new Map(model.groups.map((group) => [group.exact, group]));
    expect(byStart.get("historic victory")?.isExactAgreement).toBe(true);
    expect(byStart.get("reckless gamble")?.isExactAgreement).toBe(false);
    expect(byStart.get("Critics say")?.missingAuthorIds).toEqual([second.id]);
    expect(
      byStart
        .get("historic victory")
        ?.proposals.map((p) => p.id)
        .sort(),
    ).toEqual([ids.agreedA, ids.agreedB].sort());

    const listed = await listAdjudicationDocuments({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
    });
    expect(listed.find((entry) => entry.id === documentId)).toMatchObject({
      annotators: 2,
      pending: 5,
      gold: 0,
    });
  });

  it("is for leads only: annotators are forbidden, outsiders get 'not found'", async () => {
    const { documentId, ids } = await makeAnnotatedDocument();
    await expect(getAdjudication({ userId: ctx.annotator.id, documentId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getAdjudication({ userId: ctx.outsider.id, documentId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const decision = reviewDecisionSchema.parse({
      annotationId: ids.aloneA,
      revision: 1,
      decision: "accept",
    });
    await expect(
      decideAnnotationReview({ userId: ctx.annotator.id, input: decision }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Reviewing a document in another workspace: not found, nothing written.
    await expect(
      decideAnnotationReview({ userId: ctx.outsider.id, input: decision }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      acceptAgreedAnnotations({ userId: ctx.outsider.id, documentId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await getDb().annotation.findUniqueOrThrow({ where: { id: ids.aloneA } })).reviewState,
    ).toBe("PENDING");
  });

  it("accepts every exact agreement at once: one gold highlight per span, the rest accepted", async () => {
    const { documentId, ids } = await makeAnnotatedDocument();

    const result = await acceptAgreedAnnotations({ userId: ctx.editor.id, documentId });
    expect(result).toEqual({ spans: 1, annotations: 2 });

    const rows = await getDb().annotation.findMany({
      where: { id: { in: [ids.agreedA, ids.agreedB, ids.differsA] } },
      select: { id: true, reviewState: true, isGold: true, reviewedById: true, reviewReason: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.agreedA)).toMatchObject({
      reviewState: "ACCEPTED",
      isGold: true,
      reviewedById: ctx.editor.id,
      reviewReason: "Exact agreement of 2 annotators.",
    });
    expect(byId.get(ids.agreedB)).toMatchObject({ reviewState: "ACCEPTED", isGold: false });
    expect(byId.get(ids.differsA)).toMatchObject({ reviewState: "PENDING", isGold: false });
    expect(await listGoldAnnotationIds([documentId])).toEqual([ids.agreedA]);

    // A second run finds nothing new.
    expect(await acceptAgreedAnnotations({ userId: ctx.editor.id, documentId })).toEqual({
      spans: 0,
      annotations: 0,
    });
    const audits = await getDb().auditEvent.count({
      where: { entityId: { in: [ids.agreedA, ids.agreedB] }, action: "annotation.review.accept" },
    });
    expect(audits).toBe(2);
  });

  it("accepts, rejects, edits and adds, building the gold set exports read", async () => {
    const { documentId, ids } = await makeAnnotatedDocument();

    await decideAnnotationReview({
      userId: ctx.owner.id,
      input: reviewDecisionSchema.parse({
        annotationId: ids.differsB,
        revision: 1,
        decision: "reject",
        reason: "Stance is not about the plan.",
      }),
    });
    const edited = await editGoldAnnotation({
      userId: ctx.owner.id,
      input: editGoldAnnotationSchema.parse({
        annotationId: ids.differsA,
        revision: 1,
        ...at("a reckless gamble"),
        labelIds: [labels["framing:Loaded_Language"], labels["stance:critical"]],
        reason: "Include the article; both labels apply.",
      }),
    });
    const added = await addGoldAnnotation({
      userId: ctx.owner.id,
      input: addGoldAnnotationSchema.parse({
        documentId,
        documentVersion: 1,
        ...at("public money"),
        labelIds: [labels["framing:Loaded_Language"]],
      }),
    });
    await decideAnnotationReview({
      userId: ctx.owner.id,
      input: reviewDecisionSchema.parse({
        annotationId: ids.aloneA,
        revision: 1,
        decision: "accept",
      }),
    });

    const rows = await getDb().annotation.findMany({
      where: { documentId },
      select: {
        id: true,
        reviewState: true,
        isGold: true,
        reviewReason: true,
        exact: true,
        authorId: true,
      },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(ids.differsB)).toMatchObject({
      reviewState: "REJECTED",
      isGold: false,
      reviewReason: "Stance is not about the plan.",
    });
    expect(byId.get(ids.differsA)).toMatchObject({
      reviewState: "EDITED",
      isGold: false,
      exact: "reckless gamble",
    });
    expect(byId.get(edited.gold.id)).toMatchObject({
      reviewState: "EDITED",
      isGold: true,
      exact: "a reckless gamble",
      authorId: ctx.owner.id,
    });
    expect(byId.get(added.id)).toMatchObject({ reviewState: "ACCEPTED", isGold: true });

    const gold = await listGoldAnnotationIds([documentId]);
    expect(new Set(gold)).toEqual(new Set([ids.aloneA, edited.gold.id, added.id]));

    // The lead's own highlights stay out of the lanes: still two annotators.
    const { annotations } = await getAdjudication({ userId: ctx.owner.id, documentId });
    const model = buildAdjudication(annotations);
    expect(model.lanes).toHaveLength(2);
    expect(model.gold.map((annotation) => annotation.exact)).toEqual([
      "Critics say",
      "a reckless gamble",
      "public money",
    ]);
  });

  it("refuses a decision on a revision that changed meanwhile, with the current highlight", async () => {
    const { ids } = await makeAnnotatedDocument();
    await updateAnnotation({
      userId: ctx.annotator.id,
      annotationId: ids.aloneA,
      input: updateAnnotationSchema.parse({ revision: 1, comment: "Which critics?" }),
    });

    await expect(
      decideAnnotationReview({
        userId: ctx.editor.id,
        input: reviewDecisionSchema.parse({
          annotationId: ids.aloneA,
          revision: 1,
          decision: "accept",
        }),
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      details: {
        conflict: { kind: "annotation", theirs: { comment: "Which critics?", revision: 2 } },
      },
    });
    expect(
      (await getDb().annotation.findUniqueOrThrow({ where: { id: ids.aloneA } })).reviewState,
    ).toBe("PENDING");
  });

  it("takes an accepted highlight out of the gold set when its author edits it", async () => {
    const { documentId, ids } = await makeAnnotatedDocument();
    await decideAnnotationReview({
      userId: ctx.editor.id,
      input: reviewDecisionSchema.parse({
        annotationId: ids.aloneA,
        revision: 1,
        decision: "accept",
      }),
    });
    expect(await listGoldAnnotationIds([documentId])).toEqual([ids.aloneA]);

    await updateAnnotation({
      userId: ctx.annotator.id,
      annotationId: ids.aloneA,
      input: updateAnnotationSchema.parse({
        revision: await revisionOf(ids.aloneA),
        comment: "Changed",
      }),
    });
    expect(await listGoldAnnotationIds([documentId])).toEqual([]);
    expect(await getDb().annotation.findUniqueOrThrow({ where: { id: ids.aloneA } })).toMatchObject(
      {
        reviewState: "PENDING",
        reviewedById: null,
      },
    );
  });

  it("refuses a gold highlight on a stale document version or outside the text", async () => {
    const { documentId } = await makeAnnotatedDocument();
    await expect(
      addGoldAnnotation({
        userId: ctx.editor.id,
        input: addGoldAnnotationSchema.parse({
          documentId,
          documentVersion: 2,
          ...at("public money"),
          labelIds: [],
        }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      addGoldAnnotation({
        userId: ctx.editor.id,
        input: addGoldAnnotationSchema.parse({
          documentId,
          documentVersion: 1,
          start: 0,
          end: 3,
          exact: "Tha",
          labelIds: [],
        }),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await listGoldAnnotationIds([documentId])).toEqual([]);
  });
});

describe("concurrent edits of one highlight", () => {
  it("refuses the second save made on the same revision, with both versions, and keeps the first", async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, text);
    const created = await annotate(ctx.annotator.id, document.id, "historic victory", []);

    await updateAnnotation({
      userId: ctx.annotator.id,
      annotationId: created.id,
      input: updateAnnotationSchema.parse({ revision: 1, comment: "From the laptop" }),
    });
    const refused = await updateAnnotation({
      userId: ctx.annotator.id,
      annotationId: created.id,
      input: updateAnnotationSchema.parse({
        revision: 1,
        comment: "From the phone",
        labelIds: [labels["stance:supportive"]],
      }),
    }).catch((error: unknown) => error);

    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/keep your version, take theirs, or merge/),
      details: {
        conflict: {
          kind: "annotation",
          theirs: { comment: "From the laptop", revision: 2, labelIds: [] },
          yours: { comment: "From the phone", revision: 1 },
        },
      },
    });
    const row = await getDb().annotation.findUniqueOrThrow({
      where: { id: created.id },
      include: { labels: true },
    });
    expect(row).toMatchObject({ comment: "From the laptop", revision: 2, labels: [] });

    // Keeping mine after seeing theirs: a save on the new revision.
    await expect(
      updateAnnotation({
        userId: ctx.annotator.id,
        annotationId: created.id,
        input: updateAnnotationSchema.parse({ revision: 2, comment: "From the phone" }),
      }),
    ).resolves.toMatchObject({ comment: "From the phone", revision: 3 });
  });

  it("lets exactly one of two simultaneous saves win", async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, text);
    const created = await annotate(ctx.annotator.id, document.id, "historic victory", []);

    const results = await Promise.allSettled(
      ["one", "two", "three"].map((comment) =>
        updateAnnotation({
          userId: ctx.annotator.id,
          annotationId: created.id,
          input: updateAnnotationSchema.parse({ revision: 1, comment }),
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(
      results.filter(
        (result) =>
          result.status === "rejected" && (result.reason as { code?: string }).code === "CONFLICT",
      ),
    ).toHaveLength(2);
    expect(await revisionOf(created.id)).toBe(2);
    expect(
      await getDb().auditEvent.count({
        where: { entityId: created.id, action: "annotation.update" },
      }),
    ).toBe(1);
  });

  it("makes a highlight moved by a text edit a new revision", async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, text);
    const created = await annotate(ctx.annotator.id, document.id, "reckless gamble", []);
    await updateDocument({
      userId: ctx.owner.id,
      documentId: document.id,
      input: updateDocumentSchema.parse({ title: "x", text: `Breaking: ${text}`, version: 1 }),
    });
    expect(await revisionOf(created.id)).toBe(2);
    await expect(
      updateAnnotation({
        userId: ctx.annotator.id,
        annotationId: created.id,
        input: updateAnnotationSchema.parse({ revision: 1, comment: "late" }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("requires the revision on every edit", () => {
    const result = updateAnnotationSchema.safeParse({ comment: "x" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/revision/);
  });
});

describe("restoring deleted highlights", () => {
  it("lets the author or a lead restore, once; others are refused", async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, text);
    const created = await annotate(ctx.annotator.id, document.id, "historic victory", []);
    await deleteAnnotation({ userId: ctx.annotator.id, annotationId: created.id });

    await expect(
      restoreAnnotation({ userId: second.id, annotationId: created.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/author of a highlight, or an editor/),
    });
    await expect(
      restoreAnnotation({ userId: ctx.outsider.id, annotationId: created.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      restoreAnnotation({ userId: ctx.editor.id, annotationId: created.id }),
    ).resolves.toMatchObject({
      id: created.id,
    });
    await expect(
      restoreAnnotation({ userId: ctx.annotator.id, annotationId: created.id }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/is not deleted/),
    });

    const restores = await getDb().auditEvent.findMany({
      where: { entityId: created.id, action: "annotation.restore" },
    });
    expect(restores.map((event) => event.actorId)).toEqual([ctx.editor.id]);
  });

  it("restores only once when two people restore at the same moment", async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, text);
    const created = await annotate(ctx.annotator.id, document.id, "historic victory", []);
    await deleteAnnotation({ userId: ctx.annotator.id, annotationId: created.id });

    const results = await Promise.allSettled([
      restoreAnnotation({ userId: ctx.annotator.id, annotationId: created.id }),
      restoreAnnotation({ userId: ctx.owner.id, annotationId: created.id }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(
      await getDb().auditEvent.count({
        where: { entityId: created.id, action: "annotation.restore" },
      }),
    ).toBe(1);
  });
});

describe("notifications", () => {
  it("lists, counts and marks read only the person's own", async () => {
    const db = getDb();
    const [mine, theirs] = await Promise.all([
      db.notification.create({
        data: {
          userId: ctx.viewer.id,
          workspaceId: ctx.workspace.id,
          kind: "t",
          message: "One",
          link: "/workspaces",
        },
      }),
      db.notification.create({
        data: {
          userId: ctx.editor.id,
          workspaceId: ctx.workspace.id,
          kind: "t",
          message: "Two",
          link: "//evil",
        },
      }),
    ]);

    expect(await countUnreadNotifications({ userId: ctx.viewer.id })).toBe(1);
    expect((await listNotifications({ userId: ctx.viewer.id })).map((n) => n.id)).toEqual([
      mine.id,
    ]);
    await expect(
      markNotificationsRead({ userId: ctx.viewer.id, notificationId: theirs.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await markNotificationsRead({ userId: ctx.viewer.id, notificationId: mine.id })).toEqual(
      {
        count: 1,
        link: "/workspaces",
      },
    );
    expect(await countUnreadNotifications({ userId: ctx.viewer.id })).toBe(0);
    // A link that leaves the app is not followed.
    expect(
      (await markNotificationsRead({ userId: ctx.editor.id, notificationId: theirs.id })).link,
    ).toBeNull();
  });
});

describe("version diff", () => {
  it("answers quickly for a 50,000-word rewrite, saying it is too large to show word by word", async () => {
    const words = (seed: number) =>
      Array.from({ length: 500 }, (_, paragraph) =>
        Array.from(
          { length: 100 },
          (_, word) => `w${((paragraph * 100 + word) * seed) % 7919}`,
        ).join(" "),
      ).join("\n\n");
    const original = `Critics say the plan failed.\n\n${words(3)}`;
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, original);
    await createAnnotation({
      userId: ctx.annotator.id,
      documentId: document.id,
      input: createAnnotationSchema.parse({ start: 0, end: 11, exact: "Critics say" }),
    });
    await updateDocument({
      userId: ctx.owner.id,
      documentId: document.id,
      input: updateDocumentSchema.parse({
        title: "Rewritten",
        text: `Critics say the plan failed.\n\n${words(7)}`,
        version: 1,
      }),
    });

    const started = performance.now();
    const view = await getVersionDiff({ userId: ctx.viewer.id, documentId: document.id });
    const elapsed = performance.now() - started;

    expect(view.diff.level).toBe("paragraph");
    expect(view.diff.level === "too-large" ? "" : view.diff.note).toMatch(
      /too many to show word by word/,
    );
    expect(view.from.highlights.map((highlight) => highlight.exact)).toEqual(["Critics say"]);
    expect(view.to.highlights.map((highlight) => highlight.exact)).toEqual(["Critics say"]);
    expect(elapsed).toBeLessThan(10_000);
  });

  it("shows both versions' text, the changes and the highlights on each side", async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, text);
    await annotate(ctx.annotator.id, document.id, "reckless gamble", ["framing:Loaded_Language"]);
    const revised = text
      .replace("historic victory", "narrow win")
      .replace("Critics say", "Economists warn");
    await updateDocument({
      userId: ctx.owner.id,
      documentId: document.id,
      input: updateDocumentSchema.parse({ title: "Sample article", text: revised, version: 1 }),
    });
    // Made on version 2 only: absent from version 1's side.
    const lateStart = revised.indexOf("narrow win");
    await createAnnotation({
      userId: second.id,
      documentId: document.id,
      input: createAnnotationSchema.parse({
        start: lateStart,
        end: lateStart + 10,
        exact: "narrow win",
      }),
    });

    const view = await getVersionDiff({ userId: ctx.viewer.id, documentId: document.id });
    expect(view.from.version).toBe(1);
    expect(view.to.version).toBe(2);
    expect(view.from.text).toBe(text);
    expect(view.to.text).toBe(revised);
    expect(view.diff.level).toBe("word");
    const quote = (side: typeof view.from) =>
      side.highlights
        .map((highlight) => side.text.slice(highlight.start16, highlight.end16))
        .sort();
    expect(quote(view.from)).toEqual(["reckless gamble"]);
    expect(quote(view.to)).toEqual(["narrow win", "reckless gamble"]);

    await expect(
      getVersionDiff({ userId: ctx.viewer.id, documentId: document.id, from: 7, to: 2 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      getVersionDiff({ userId: ctx.outsider.id, documentId: document.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
