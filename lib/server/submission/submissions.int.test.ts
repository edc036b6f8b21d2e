import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { createAnnotationSchema } from "@/lib/validations/annotation";
import { updateDocumentSchema } from "@/lib/validations/document";
import {
  createSubmissionSchema,
  resubmitSubmissionSchema,
  reviewQueueFilterSchema,
  transitionSubmissionSchema,
  type CreateSubmissionInput,
} from "@/lib/validations/submission";
import { makeDocument, makeUser, makeWorkspaceWithRoles } from "@/tests/factories";

import { createAnnotation } from "../annotation/create-annotation";
import { listAnnotations } from "../annotation/list-annotations";
import { updateDocument } from "../document/update-document";

import { assignReviewer } from "./assign-reviewer";
import { createSubmission } from "./create-submission";
import { getSubmission } from "./get-submission";
import { listReviewQueue } from "./list-review-queue";
import { resubmitSubmission } from "./resubmit-submission";
import { transitionSubmission } from "./transition-submission";

const analysisText = [
  "The article frames the budget vote as a historic victory for ordinary families.",
  "",
  "It relies on unnamed critics for the opposing view.",
].join("\n");

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let reviewer: Awaited<ReturnType<typeof makeUser>>;
let articleId: string;

function draft(values: Partial<CreateSubmissionInput> = {}) {
  return createSubmissionSchema.parse({
    kind: "SUBMISSION",
    title: "Budget explainer",
    text: "A draft about the budget vote.",
    ...values,
  });
}

function step(documentId: string, action: string, message = "") {
  return transitionSubmissionSchema.parse({ documentId, action, message });
}

async function newSubmission(userId = ctx.annotator.id) {
  return createSubmission({ userId, workspaceId: ctx.workspace.id, input: draft() });
}

async function counts(documentId: string) {
  const db = getDb();
  const [events, audits, notifications, document] = await Promise.all([
    db.submissionEvent.count({ where: { documentId } }),
    db.auditEvent.count({ where: { entityId: documentId } }),
    db.notification.count({ where: { link: { contains: documentId } } }),
    db.document.findUniqueOrThrow({
      where: { id: documentId },
      select: { submissionStatus: true, reviewerId: true, version: true, text: true },
    }),
  ]);
  return { events, audits, notifications, document };
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  reviewer = await makeUser("Rita Reviewer");
  await getDb().membership.create({
    data: { workspaceId: ctx.workspace.id, userId: reviewer.id, role: "ANNOTATOR" },
  });
  articleId = (
    await makeDocument(ctx.owner.id, ctx.workspace.id, "The budget passed.", "Budget vote")
  ).id;
});

describe("creating a submission", () => {
  it("lets an annotator start an AI analysis linked to its article, with provenance, as a draft", async () => {
    const created = await createSubmission({
      userId: ctx.annotator.id,
      workspaceId: ctx.workspace.id,
      input: draft({
        kind: "AI_ANALYSIS",
        title: "Model analysis of the budget article",
        text: analysisText,
        analysedDocumentId: articleId,
        provenanceModel: "GPT-4o",
        provenanceDate: "2026-01-05",
        provenancePrompt: "Analyse the framing of this article.",
      }),
    });

    expect(created).toMatchObject({
      kind: "AI_ANALYSIS",
      submissionStatus: "DRAFT",
      analysedDocumentId: articleId,
      provenanceModel: "GPT-4o",
      provenancePrompt: "Analyse the framing of this article.",
    });
    expect(created.provenanceDate?.toISOString()).toBe("2026-01-05T00:00:00.000Z");

    const panel = await getSubmission({ userId: ctx.viewer.id, documentId: created.id });
    expect(panel.analysedDocument).toEqual({ id: articleId, title: "Budget vote" });
    expect(panel.submissionEvents.map((event) => [event.fromStatus, event.toStatus])).toEqual([
      [null, "DRAFT"],
    ]);
    const audit = await getDb().auditEvent.findFirst({
      where: { entityId: created.id, action: "document.create" },
    });
    expect(audit?.actorId).toBe(ctx.annotator.id);
    const revisions = await getDb().documentRevision.count({ where: { documentId: created.id } });
    expect(revisions).toBe(1);
  });

  it("requires the analysed article and the model for an AI analysis", () => {
    const result = createSubmissionSchema.safeParse({
      kind: "AI_ANALYSIS",
      title: "x",
      text: "y",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([
      "analysedDocumentId",
      "provenanceModel",
    ]);
  });

  it("refuses linking an analysis to another workspace's article and writes nothing", async () => {
    const foreign = await makeDocument(ctx.outsider.id, ctx.otherWorkspace.id, "Elsewhere.");
    const before = await getDb().document.count({ where: { workspaceId: ctx.workspace.id } });

    await expect(
      createSubmission({
        userId: ctx.annotator.id,
        workspaceId: ctx.workspace.id,
        input: draft({
          kind: "AI_ANALYSIS",
          analysedDocumentId: foreign.id,
          provenanceModel: "Some model",
        }),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { analysedDocumentId: [expect.stringMatching(/from this workspace/)] },
    });
    expect(await getDb().document.count({ where: { workspaceId: ctx.workspace.id } })).toBe(before);
  });

  it("refuses viewers (forbidden) and outsiders (not found)", async () => {
    await expect(
      createSubmission({ userId: ctx.viewer.id, workspaceId: ctx.workspace.id, input: draft() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createSubmission({ userId: ctx.outsider.id, workspaceId: ctx.workspace.id, input: draft() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the review flow", () => {
  it("goes draft → submitted → in review → changes requested → resubmitted → approved, with events, audits and notifications", async () => {
    const submission = await newSubmission();
    const id = submission.id;

    await transitionSubmission({
      userId: ctx.annotator.id,
      input: step(id, "submit", "Ready for a look."),
    });
    const editorInbox = await getDb().notification.findMany({
      where: { userId: { in: [ctx.owner.id, ctx.editor.id] }, link: { contains: id } },
    });
    expect(editorInbox).toHaveLength(2);
    expect(editorInbox[0]?.message).toMatch(/was submitted for review: “Ready for a look.”/);

    const assigned = await assignReviewer({
      userId: ctx.editor.id,
      input: { documentId: id, reviewerId: reviewer.id },
    });
    expect(assigned.status).toBe("IN_REVIEW");
    expect(
      await getDb().notification.findFirst({
        where: { userId: reviewer.id, link: { contains: id } },
      }),
    ).toMatchObject({ message: expect.stringMatching(/You were asked to review/) });

    await createAnnotation({
      userId: reviewer.id,
      documentId: id,
      input: createAnnotationSchema.parse({ start: 14, end: 24, exact: "the budget" }),
    });
    await transitionSubmission({
      userId: reviewer.id,
      input: step(id, "requestChanges", "Name your sources."),
    });
    const authorNote = await getDb().notification.findFirstOrThrow({
      where: { userId: ctx.annotator.id, kind: "submission.changes_requested" },
      orderBy: { createdAt: "desc" },
    });
    expect(authorNote.message).toContain("“Name your sources.”");
    expect(authorNote.link).toBe(`/workspaces/${ctx.workspace.id}/documents/${id}/submission`);

    const resubmitted = await resubmitSubmission({
      userId: ctx.annotator.id,
      input: resubmitSubmissionSchema.parse({
        documentId: id,
        version: 1,
        title: "Budget explainer",
        text: "A revised draft about the budget vote, with sources.",
        message: "Added sources.",
      }),
    });
    expect(resubmitted).toMatchObject({ version: 2, reanchored: { moved: 1, orphaned: 0 } });
    const [highlight] = await listAnnotations({ userId: reviewer.id, documentId: id });
    expect(highlight).toMatchObject({ exact: "the budget", documentVersion: 2 });

    await transitionSubmission({ userId: ctx.editor.id, input: step(id, "approve", "Good.") });

    const panel = await getSubmission({ userId: ctx.annotator.id, documentId: id });
    expect(panel.submissionStatus).toBe("APPROVED");
    expect(
      panel.submissionEvents.map((event) => [
        event.fromStatus,
        event.toStatus,
        event.actor?.name,
        event.message,
      ]),
    ).toEqual([
      [null, "DRAFT", ctx.annotator.name, ""],
      ["DRAFT", "SUBMITTED", ctx.annotator.name, "Ready for a look."],
      ["SUBMITTED", "IN_REVIEW", ctx.editor.name, "Reviewer: Rita Reviewer."],
      ["IN_REVIEW", "CHANGES_REQUESTED", reviewer.name, "Name your sources."],
      ["CHANGES_REQUESTED", "RESUBMITTED", ctx.annotator.name, "Added sources."],
      ["RESUBMITTED", "APPROVED", ctx.editor.name, "Good."],
    ]);
    const actions = await getDb().auditEvent.findMany({
      where: { entityId: id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((event) => event.action)).toEqual([
      "document.create",
      "submission.submit",
      "submission.assign",
      "submission.requestChanges",
      "document.update",
      "submission.resubmit",
      "submission.approve",
    ]);
  });

  it("lets an editor start reviewing an unassigned submission and become its reviewer", async () => {
    const { id } = await newSubmission();
    await transitionSubmission({ userId: ctx.annotator.id, input: step(id, "submit") });
    await transitionSubmission({ userId: ctx.editor.id, input: step(id, "startReview") });

    const panel = await getSubmission({ userId: ctx.editor.id, documentId: id });
    expect(panel).toMatchObject({
      submissionStatus: "IN_REVIEW",
      reviewer: { id: ctx.editor.id },
    });
  });
});

describe("bad input: refused with a clear message, nothing written", () => {
  it("refuses approving one's own submission when the workspace forbids it, and allows it when it does not", async () => {
    const { id } = await newSubmission(ctx.editor.id);
    await transitionSubmission({ userId: ctx.editor.id, input: step(id, "submit") });
    await assignReviewer({
      userId: ctx.owner.id,
      input: { documentId: id, reviewerId: reviewer.id },
    });
    const before = await counts(id);

    await expect(
      transitionSubmission({ userId: ctx.editor.id, input: step(id, "approve") }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/does not let anyone approve their own submission/),
    });
    expect(await counts(id)).toEqual(before);

    await getDb().workspace.update({
      where: { id: ctx.workspace.id },
      data: { allowSelfApproval: true },
    });
    try {
      await expect(
        transitionSubmission({ userId: ctx.editor.id, input: step(id, "approve") }),
      ).resolves.toMatchObject({ status: "APPROVED" });
    } finally {
      await getDb().workspace.update({
        where: { id: ctx.workspace.id },
        data: { allowSelfApproval: false },
      });
    }
  });

  it.each([
    ["approve", "DRAFT", /is draft, so you cannot approve it now/],
    ["resubmit", "DRAFT", /is draft, so you cannot resubmit it now/],
    ["requestChanges", "SUBMITTED", /is submitted, so you cannot request changes to it now/],
  ] as const)(
    "refuses %s on a %s submission (out of order) with a conflict",
    async (action, _status, message) => {
      const { id } = await newSubmission();
      if (_status === "SUBMITTED") {
        await transitionSubmission({ userId: ctx.annotator.id, input: step(id, "submit") });
      }
      const before = await counts(id);
      const userId = action === "resubmit" ? ctx.annotator.id : ctx.editor.id;

      await expect(
        transitionSubmission({ userId, input: step(id, action, "Because.") }),
      ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(message) });
      expect(await counts(id)).toEqual(before);
    },
  );

  it("refuses submitting twice, and anything after approval", async () => {
    const { id } = await newSubmission();
    await transitionSubmission({ userId: ctx.annotator.id, input: step(id, "submit") });
    await expect(
      transitionSubmission({ userId: ctx.annotator.id, input: step(id, "submit") }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    await assignReviewer({
      userId: ctx.editor.id,
      input: { documentId: id, reviewerId: reviewer.id },
    });
    await transitionSubmission({ userId: ctx.owner.id, input: step(id, "approve") });
    for (const action of ["reject", "requestChanges", "startReview"] as const) {
      await expect(
        transitionSubmission({ userId: ctx.owner.id, input: step(id, action, "Late.") }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
    }
    await expect(
      assignReviewer({
        userId: ctx.editor.id,
        input: { documentId: id, reviewerId: ctx.editor.id },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/approved/) });
  });

  it("refuses steps that are not the person's (forbidden) and a missing reason (invalid)", async () => {
    const { id } = await newSubmission();
    await transitionSubmission({ userId: ctx.annotator.id, input: step(id, "submit") });
    await assignReviewer({
      userId: ctx.editor.id,
      input: { documentId: id, reviewerId: reviewer.id },
    });
    const before = await counts(id);

    // The contributor cannot approve (nor, as an annotator, assign).
    await expect(
      transitionSubmission({ userId: ctx.annotator.id, input: step(id, "approve") }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringMatching(/Only its assigned reviewer or an editor/),
    });
    await expect(
      assignReviewer({
        userId: ctx.annotator.id,
        input: { documentId: id, reviewerId: reviewer.id },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      transitionSubmission({ userId: ctx.viewer.id, input: step(id, "reject", "No.") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      transitionSubmission({ userId: reviewer.id, input: step(id, "requestChanges", "  ") }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { message: [expect.stringMatching(/Say why/)] },
    });
    expect(await counts(id)).toEqual(before);
  });

  it("answers 'not found' for a submission in another workspace, and refuses reviewers from elsewhere", async () => {
    const { id } = await newSubmission();
    await transitionSubmission({ userId: ctx.annotator.id, input: step(id, "submit") });
    const before = await counts(id);

    await expect(
      transitionSubmission({ userId: ctx.outsider.id, input: step(id, "startReview") }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      assignReviewer({
        userId: ctx.outsider.id,
        input: { documentId: id, reviewerId: ctx.outsider.id },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSubmission({ userId: ctx.outsider.id, documentId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      assignReviewer({
        userId: ctx.editor.id,
        input: { documentId: id, reviewerId: ctx.outsider.id },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { reviewerId: [expect.any(String)] },
    });
    await expect(
      assignReviewer({
        userId: ctx.editor.id,
        input: { documentId: id, reviewerId: ctx.viewer.id },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      assignReviewer({
        userId: ctx.editor.id,
        input: { documentId: id, reviewerId: ctx.annotator.id },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringMatching(/own submission/),
    });
    expect(await counts(id)).toEqual(before);
  });

  it("lets only one of two simultaneous decisions through", async () => {
    const { id } = await newSubmission();
    await transitionSubmission({ userId: ctx.annotator.id, input: step(id, "submit") });
    await assignReviewer({
      userId: ctx.editor.id,
      input: { documentId: id, reviewerId: reviewer.id },
    });

    const results = await Promise.allSettled([
      transitionSubmission({ userId: ctx.owner.id, input: step(id, "approve") }),
      transitionSubmission({ userId: reviewer.id, input: step(id, "reject", "Not convincing.") }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await getDb().submissionEvent.count({ where: { documentId: id } })).toBe(4);
  });
});

describe("revised texts", () => {
  async function toChangesRequested() {
    const { id } = await newSubmission();
    await transitionSubmission({ userId: ctx.annotator.id, input: step(id, "submit") });
    await assignReviewer({
      userId: ctx.editor.id,
      input: { documentId: id, reviewerId: reviewer.id },
    });
    await transitionSubmission({ userId: reviewer.id, input: step(id, "requestChanges", "More.") });
    return id;
  }

  it("refuses a revision made on a version someone else replaced meanwhile: conflict with both texts and the base", async () => {
    const id = await toChangesRequested();
    await updateDocument({
      userId: ctx.editor.id,
      documentId: id,
      input: updateDocumentSchema.parse({
        title: "Budget explainer",
        text: "An editor's fix to the draft about the budget vote.",
        version: 1,
      }),
    });
    const before = await counts(id);

    const refused = await resubmitSubmission({
      userId: ctx.annotator.id,
      input: resubmitSubmissionSchema.parse({
        documentId: id,
        version: 1,
        title: "Budget explainer",
        text: "The contributor's revision of the draft.",
      }),
    }).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: "CONFLICT",
      details: {
        conflict: {
          kind: "document",
          theirs: { version: 2, text: "An editor's fix to the draft about the budget vote." },
          yours: { version: 1, text: "The contributor's revision of the draft." },
          base: "A draft about the budget vote.",
        },
      },
    });
    expect(await counts(id)).toEqual(before);

    // Keeping theirs' version number (after looking at both) goes through.
    await expect(
      resubmitSubmission({
        userId: ctx.annotator.id,
        input: resubmitSubmissionSchema.parse({
          documentId: id,
          version: 2,
          title: "Budget explainer",
          text: "The contributor's revision of the draft.",
        }),
      }),
    ).resolves.toMatchObject({ version: 3 });
  });

  it("refuses a second save on the same version with a conflict carrying both texts and the base", async () => {
    const id = await toChangesRequested();
    const revise = (text: string) =>
      resubmitSubmission({
        userId: ctx.annotator.id,
        input: resubmitSubmissionSchema.parse({ documentId: id, version: 1, title: "T", text }),
      });

    await revise("First revision, from one tab.");
    const before = await counts(id);
    const refused = await revise("Second revision, from another tab.").catch(
      (error: unknown) => error,
    );

    expect(refused).toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/keep your version, take theirs, or merge/),
      details: {
        conflict: {
          kind: "document",
          theirs: { version: 2, text: "First revision, from one tab." },
          yours: { version: 1, text: "Second revision, from another tab." },
          base: "A draft about the budget vote.",
        },
      },
    });
    expect(await counts(id)).toEqual(before);
  });

  it("refuses a revision that still has merge markers, writing nothing", async () => {
    const id = await toChangesRequested();
    const before = await counts(id);
    await expect(
      resubmitSubmission({
        userId: ctx.annotator.id,
        input: resubmitSubmissionSchema.parse({
          documentId: id,
          version: 1,
          title: "T",
          text: "A\n<<<<<<< your version\nmine\n=======\ntheirs\n>>>>>>> their version\n",
        }),
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { text: [expect.stringMatching(/merge markers/)] },
    });
    expect(await counts(id)).toEqual(before);
  });

  it("refuses a resubmission by someone other than the contributor", async () => {
    const id = await toChangesRequested();
    await expect(
      resubmitSubmission({
        userId: reviewer.id,
        input: resubmitSubmissionSchema.parse({
          documentId: id,
          version: 1,
          title: "T",
          text: "Mine",
        }),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("saves a 50,000-word revision in one piece, re-anchoring the highlights", async () => {
    const id = await toChangesRequested();
    await createAnnotation({
      userId: reviewer.id,
      documentId: id,
      input: createAnnotationSchema.parse({ start: 14, end: 24, exact: "the budget" }),
    });
    const paragraphs = Array.from({ length: 500 }, (_, paragraph) =>
      Array.from({ length: 100 }, (_, word) => `word${(paragraph * 100 + word) % 997}`).join(" "),
    );
    const huge = `A draft about the budget vote.\n\n${paragraphs.join("\n\n")}`;

    const started = performance.now();
    const result = await resubmitSubmission({
      userId: ctx.annotator.id,
      input: resubmitSubmissionSchema.parse({ documentId: id, version: 1, title: "T", text: huge }),
    });
    const elapsed = performance.now() - started;

    expect(result).toMatchObject({ version: 2, reanchored: { unchanged: 1, orphaned: 0 } });
    expect((await counts(id)).document).toMatchObject({
      submissionStatus: "RESUBMITTED",
      version: 2,
    });
    expect(elapsed).toBeLessThan(20_000);
  });

  it("writes nothing when a 50,000-word revision loses the race", async () => {
    const id = await toChangesRequested();
    const huge = Array.from({ length: 50_000 }, (_, word) => `w${word % 991}`).join(" ");
    await resubmitSubmission({
      userId: ctx.annotator.id,
      input: resubmitSubmissionSchema.parse({
        documentId: id,
        version: 1,
        title: "T",
        text: "Small fix.",
      }),
    });
    const before = await counts(id);
    const revisionsBefore = await getDb().documentRevision.count({ where: { documentId: id } });

    await expect(
      resubmitSubmission({
        userId: ctx.annotator.id,
        input: resubmitSubmissionSchema.parse({
          documentId: id,
          version: 1,
          title: "T",
          text: huge,
        }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await counts(id)).toEqual(before);
    expect(await getDb().documentRevision.count({ where: { documentId: id } })).toBe(
      revisionsBefore,
    );
  });

  it("gives the editing page's conflict both versions too", async () => {
    const document = await makeDocument(ctx.owner.id, ctx.workspace.id, "Original text.");
    const edit = (text: string) =>
      updateDocument({
        userId: ctx.owner.id,
        documentId: document.id,
        input: updateDocumentSchema.parse({ title: "Sample article", text, version: 1 }),
      });
    await edit("Edited once.");
    await expect(edit("Edited twice.")).rejects.toMatchObject({
      code: "CONFLICT",
      details: {
        conflict: {
          kind: "document",
          theirs: { version: 2, text: "Edited once." },
          yours: { text: "Edited twice." },
          base: "Original text.",
        },
      },
    });
  });
});

describe("the review queue", () => {
  it("filters by status, assignee and age, and shows annotators only their own and assigned work", async () => {
    const waiting = await newSubmission();
    await transitionSubmission({ userId: ctx.annotator.id, input: step(waiting.id, "submit") });
    const assigned = await newSubmission();
    await transitionSubmission({ userId: ctx.annotator.id, input: step(assigned.id, "submit") });
    await assignReviewer({
      userId: ctx.editor.id,
      input: { documentId: assigned.id, reviewerId: reviewer.id },
    });
    const othersDraft = await newSubmission(ctx.editor.id);

    const filter = (values: Record<string, string>) => reviewQueueFilterSchema.parse(values);
    const ids = async (userId: string, values: Record<string, string>, now?: Date) =>
      (
        await listReviewQueue({
          userId,
          workspaceId: ctx.workspace.id,
          filter: filter(values),
          now,
        })
      ).items.map((item) => item.id);

    const submitted = await ids(ctx.editor.id, { status: "SUBMITTED" });
    expect(submitted).toContain(waiting.id);
    expect(submitted).not.toContain(assigned.id);
    expect(await ids(ctx.editor.id, { assignee: reviewer.id })).toContain(assigned.id);
    expect(await ids(ctx.editor.id, { assignee: "none" })).not.toContain(assigned.id);
    expect(await ids(reviewer.id, { assignee: "me" })).toContain(assigned.id);
    expect(await ids(ctx.owner.id, {})).not.toContain(othersDraft.id);
    expect(await ids(ctx.editor.id, {})).toContain(othersDraft.id);

    // Age: nothing has waited 3 days yet; four days from now, both have.
    expect(await ids(ctx.editor.id, { age: "3" })).not.toContain(waiting.id);
    const later = new Date(Date.now() + 4 * 24 * 60 * 60 * 1000);
    expect(await ids(ctx.editor.id, { age: "3" }, later)).toEqual(
      expect.arrayContaining([waiting.id, assigned.id]),
    );

    const reviewersView = await ids(reviewer.id, {});
    expect(reviewersView).toContain(assigned.id);
    expect(reviewersView).not.toContain(waiting.id);

    await expect(
      listReviewQueue({ userId: ctx.viewer.id, workspaceId: ctx.workspace.id, filter: filter({}) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      listReviewQueue({
        userId: ctx.outsider.id,
        workspaceId: ctx.workspace.id,
        filter: filter({}),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses filters that are not in the lists", () => {
    expect(reviewQueueFilterSchema.safeParse({ status: "LOST" }).success).toBe(false);
    expect(reviewQueueFilterSchema.safeParse({ age: "2" }).success).toBe(false);
    expect(reviewQueueFilterSchema.safeParse({ assignee: "x y" }).success).toBe(false);
  });
});
