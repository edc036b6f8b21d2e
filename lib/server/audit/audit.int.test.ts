import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { auditCsvColumns } from "@/lib/review/audit-csv";
import { createAnnotationSchema, updateAnnotationSchema } from "@/lib/validations/annotation";
import { auditLogFilterSchema } from "@/lib/validations/audit";
import { reviewDecisionSchema } from "@/lib/validations/review";
import { transitionSubmissionSchema } from "@/lib/validations/submission";
import { makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { createAnnotation } from "../annotation/create-annotation";
import { deleteAnnotation } from "../annotation/delete-annotation";
import { restoreAnnotation } from "../annotation/restore-annotation";
import { updateAnnotation } from "../annotation/update-annotation";
import { decideAnnotationReview } from "../review/decide-annotation-review";
import { transitionSubmission } from "../submission/transition-submission";

import { exportAuditLog } from "./export-audit-log";
import { getAnnotationHistory } from "./get-annotation-history";
import { getDocumentHistory } from "./get-document-history";
import { listAuditEvents } from "./list-audit-events";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let documentId: string;
let annotationId: string;

const filter = (values: Record<string, string> = {}) => auditLogFilterSchema.parse(values);

async function readCsv(userId: string, values: Record<string, string> = {}, batchSize?: number) {
  const { page: _page, ...rest } = filter(values);
  const { chunks } = await exportAuditLog({
    userId,
    workspaceId: ctx.workspace.id,
    filter: rest,
    batchSize,
  });
  let csv = "";
  for await (const chunk of chunks) {
    csv += chunk;
  }
  return parse(csv, { bom: true }) as string[][];
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  documentId = (await makeDocument(ctx.owner.id, ctx.workspace.id, "Critics say it failed.")).id;
  const created = await createAnnotation({
    userId: ctx.annotator.id,
    documentId,
    input: createAnnotationSchema.parse({ start: 0, end: 11, exact: "Critics say" }),
  });
  annotationId = created.id;
  await updateAnnotation({
    userId: ctx.annotator.id,
    annotationId,
    input: updateAnnotationSchema.parse({ revision: 1, comment: "Who?" }),
  });
  await decideAnnotationReview({
    userId: ctx.editor.id,
    input: reviewDecisionSchema.parse({
      annotationId,
      revision: 2,
      decision: "accept",
      reason: "Clear case.",
    }),
  });
  await deleteAnnotation({ userId: ctx.annotator.id, annotationId });
  await restoreAnnotation({ userId: ctx.owner.id, annotationId });
});

describe("an annotation's history", () => {
  it("tells the full story in order, with actors, before and after", async () => {
    const { annotation, events } = await getAnnotationHistory({
      userId: ctx.viewer.id,
      annotationId,
    });

    expect(annotation.exact).toBe("Critics say");
    expect(events.map((event) => [event.action, event.actor?.id])).toEqual([
      ["annotation.create", ctx.annotator.id],
      ["annotation.update", ctx.annotator.id],
      ["annotation.review.accept", ctx.editor.id],
      ["annotation.delete", ctx.annotator.id],
      ["annotation.restore", ctx.owner.id],
    ]);
    expect(events[1]?.before).toMatchObject({ comment: "" });
    expect(events[1]?.after).toMatchObject({ comment: "Who?" });
    expect(events[2]?.after).toMatchObject({
      reviewState: "ACCEPTED",
      reviewReason: "Clear case.",
    });
  });

  it("is hidden from outsiders", async () => {
    await expect(
      getAnnotationHistory({ userId: ctx.outsider.id, annotationId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getDocumentHistory({ userId: ctx.outsider.id, documentId })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
  });

  it("lists deleted highlights on the document's history with who may restore them", async () => {
    const other = await createAnnotation({
      userId: ctx.annotator.id,
      documentId,
      input: createAnnotationSchema.parse({ start: 12, end: 21, exact: "it failed" }),
    });
    await deleteAnnotation({ userId: ctx.annotator.id, annotationId: other.id });

    const forAuthor = await getDocumentHistory({ userId: ctx.annotator.id, documentId });
    const forViewer = await getDocumentHistory({ userId: ctx.viewer.id, documentId });
    const forLead = await getDocumentHistory({ userId: ctx.editor.id, documentId });
    const entry = (history: typeof forAuthor) =>
      history.annotations.find((annotation) => annotation.id === other.id);

    expect(entry(forAuthor)).toMatchObject({ canRestore: true, deletedAt: expect.any(Date) });
    expect(entry(forLead)?.canRestore).toBe(true);
    expect(entry(forViewer)?.canRestore).toBe(false);
    expect(
      forAuthor.annotations.find((annotation) => annotation.id === annotationId)?.canRestore,
    ).toBe(false);
    expect(forAuthor.events.map((event) => event.action)).toContain("document.create");
  });
});

describe("the workspace audit log", () => {
  it("is for owners only", async () => {
    await expect(
      listAuditEvents({ userId: ctx.editor.id, workspaceId: ctx.workspace.id, filter: filter() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      listAuditEvents({ userId: ctx.outsider.id, workspaceId: ctx.workspace.id, filter: filter() }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readCsv(ctx.editor.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("filters by actor, kind of change and dates", async () => {
    const byActor = await listAuditEvents({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      filter: filter({ actor: ctx.editor.id }),
    });
    expect(byActor.events.map((event) => event.action)).toEqual(["annotation.review.accept"]);

    const reviews = await listAuditEvents({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      filter: filter({ action: "annotation.review" }),
    });
    expect(reviews.total).toBe(1);

    const documents = await listAuditEvents({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      filter: filter({ action: "document" }),
    });
    expect(documents.events.every((event) => event.entityType === "document")).toBe(true);

    const today = new Date().toISOString().slice(0, 10);
    const inRange = await listAuditEvents({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      filter: filter({ from: today, to: today }),
    });
    expect(inRange.total).toBeGreaterThanOrEqual(6);
    const before = await listAuditEvents({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      filter: filter({ to: "2000-01-01" }),
    });
    expect(before.total).toBe(0);
  });

  it("refuses filters that make no sense", () => {
    expect(auditLogFilterSchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(
      false,
    );
    expect(auditLogFilterSchema.safeParse({ action: "drop table" }).success).toBe(false);
    expect(auditLogFilterSchema.safeParse({ from: "yesterday" }).success).toBe(false);
  });

  it("exports the filtered log as CSV, in batches, oldest first", async () => {
    const all = await readCsv(ctx.owner.id, {}, 2);
    expect(all[0]).toEqual([...auditCsvColumns]);
    const total = (
      await listAuditEvents({
        userId: ctx.owner.id,
        workspaceId: ctx.workspace.id,
        filter: filter(),
      })
    ).total;
    expect(all).toHaveLength(total + 1);
    const times = all.slice(1).map((row) => row[0] ?? "");
    expect(times).toEqual([...times].sort());

    const onlyRestores = await readCsv(ctx.owner.id, { action: "annotation.restore" });
    expect(onlyRestores.slice(1).map((row) => [row[2], row[3], row[5]])).toEqual([
      [ctx.owner.name, "annotation.restore", annotationId],
    ]);
    expect(JSON.parse(onlyRestores[1]?.[7] ?? "{}")).toMatchObject({ exact: "Critics say" });
  });

  it("records no event for a step that was refused", async () => {
    const before = await getDb().auditEvent.count({ where: { workspaceId: ctx.workspace.id } });
    await expect(
      transitionSubmission({
        userId: ctx.editor.id,
        input: transitionSubmissionSchema.parse({ documentId, action: "approve" }),
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(restoreAnnotation({ userId: ctx.owner.id, annotationId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await getDb().auditEvent.count({ where: { workspaceId: ctx.workspace.id } })).toBe(
      before,
    );
  });
});
