// Surfaces outside the reader that summarise highlights must follow the class rules too
// (lib/classes/visibility.ts): each case here showed a blind assignment's classmates to a
// student who had not handed in.
import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { listDocumentsPage } from "@/lib/server/api-token/list-documents-page";
import { getAnnotationHistory } from "@/lib/server/audit/get-annotation-history";
import { getDocumentHistory } from "@/lib/server/audit/get-document-history";
import { addCollectionDocument } from "@/lib/server/collection/add-collection-document";
import { createCollection } from "@/lib/server/collection/create-collection";
import { getCollectionComparison } from "@/lib/server/collection/get-collection-comparison";
import { getDocumentForMember } from "@/lib/server/document/get-document";
import { listDocuments } from "@/lib/server/document/list-documents";
import { createCollectionSchema } from "@/lib/validations/collection";
import { makeDocument } from "@/tests/factories";

import {
  classText,
  highlight,
  makeAssignment,
  makeClass,
  type TestClass,
} from "./class-test-support";
import { submitAssignment } from "./submit-assignment";

let ctx: TestClass;
let secondDocumentId: string;
let collectionId: string;
let benHighlightId: string;
let assignmentId: string;

beforeAll(async () => {
  ctx = await makeClass();
  const second = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "Budget day, again");
  secondDocumentId = second.id;
  const assignment = await makeAssignment(ctx, {
    mode: "BLIND",
    documentIds: [ctx.document.id, secondDocumentId],
  });
  assignmentId = assignment.id;

  await highlight(ctx.ana.id, ctx.document.id, "devastate", [
    ctx.labels["framing:Loaded_Language"]!,
  ]);
  const ben = await highlight(ctx.ben.id, ctx.document.id, "critics say", [
    ctx.labels["sourcing:vague_attribution"]!,
  ]);
  benHighlightId = ben.id;
  await highlight(ctx.ben.id, ctx.document.id, "reckless", [
    ctx.labels["framing:Loaded_Language"]!,
  ]);
  await highlight(ctx.ben.id, secondDocumentId, "reckless", [
    ctx.labels["framing:Loaded_Language"]!,
  ]);

  const collection = await createCollection({
    userId: ctx.owner.id,
    workspaceId: ctx.workspace.id,
    input: createCollectionSchema.parse({ name: "Budget day coverage", description: "" }),
  });
  collectionId = collection.id;
  for (const documentId of [ctx.document.id, secondDocumentId]) {
    await addCollectionDocument({ userId: ctx.owner.id, collectionId, documentId });
  }
});

describe("blind assignments outside the reader", () => {
  it("the collection comparison pools only the student's own highlights", async () => {
    const student = await getCollectionComparison({ userId: ctx.ana.id, collectionId });
    const instructor = await getCollectionComparison({ userId: ctx.editor.id, collectionId });
    if (student.status !== "ok" || instructor.status !== "ok") {
      throw new Error("expected a comparison");
    }

    const studentText = JSON.stringify(student.comparison);
    expect(studentText).toContain("devastate");
    expect(studentText).not.toContain("reckless");
    expect(studentText).not.toContain("critics say");
    const instructorText = JSON.stringify(instructor.comparison);
    expect(instructorText).toContain("reckless");
  });

  it("the workspace's document list counts only highlights the student may see", async () => {
    const student = await listDocuments({ userId: ctx.ana.id, workspaceId: ctx.workspace.id });
    const instructor = await listDocuments({
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
    });
    const count = (list: typeof student, id: string) =>
      list.find((document) => document.id === id)?.highlightCount;

    expect(count(student, ctx.document.id)).toBe(1);
    expect(count(student, secondDocumentId)).toBe(0);
    expect(count(instructor, ctx.document.id)).toBe(3);
    expect(count(instructor, secondDocumentId)).toBe(1);
  });

  it("the API's document list and document read count the same way", async () => {
    const page = await listDocumentsPage({
      userId: ctx.ana.id,
      workspaceId: ctx.workspace.id,
      page: { limit: 50, after: null },
    });
    expect(page.items.find((item) => item.id === ctx.document.id)?.highlightCount).toBe(1);
    const document = await getDocumentForMember({
      userId: ctx.ana.id,
      documentId: ctx.document.id,
    });
    expect(document.highlightCount).toBe(1);
    const asInstructor = await getDocumentForMember({
      userId: ctx.editor.id,
      documentId: ctx.document.id,
    });
    expect(asInstructor.highlightCount).toBe(3);
  });

  it("a document's history lists only the student's own highlights, and a classmate's is not found", async () => {
    const history = await getDocumentHistory({ userId: ctx.ana.id, documentId: ctx.document.id });
    expect(history.annotations.map((annotation) => annotation.exact)).toEqual(["devastate"]);
    await expect(
      getAnnotationHistory({ userId: ctx.ana.id, annotationId: benHighlightId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const asInstructor = await getAnnotationHistory({
      userId: ctx.editor.id,
      annotationId: benHighlightId,
    });
    expect(asInstructor.annotation.id).toBe(benHighlightId);
  });

  it("after handing in, the student's counts include classmates", async () => {
    await submitAssignment({ userId: ctx.ana.id, assignmentId });
    const student = await listDocuments({ userId: ctx.ana.id, workspaceId: ctx.workspace.id });
    expect(student.find((document) => document.id === ctx.document.id)?.highlightCount).toBe(3);
    await getDb().assignmentSubmission.deleteMany({ where: { assignmentId } });
  });
});
