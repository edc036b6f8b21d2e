import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { listDocumentsPage } from "@/lib/server/api-token/list-documents-page";
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

// In a blind assignment a student must not learn what classmates marked: not from the
// document list's highlight counts, the API's counts, nor the outlet comparison's
// loaded-language quotes.

let ctx: TestClass;
let second: { id: string };

beforeAll(async () => {
  // Open the pool before the factories' parallel transactions (slow on a loaded machine).
  await getDb().$queryRaw`SELECT 1`;
  ctx = await makeClass();
  second = await makeDocument(ctx.owner.id, ctx.workspace.id, classText, "Budget day, again");
  await makeAssignment(ctx, { mode: "BLIND", documentIds: [ctx.document.id, second.id] });
  const loaded = ctx.labels["framing:Loaded_Language"];
  if (!loaded) {
    throw new Error(`No loaded-language label: ${Object.keys(ctx.labels).join(", ")}`);
  }
  await highlight(ctx.ana.id, ctx.document.id, "reckless", [loaded]);
  await highlight(ctx.ben.id, ctx.document.id, "devastate", [loaded]);
  await highlight(ctx.ben.id, second.id, "devastate", [loaded]);
});

const countOf = (rows: { id: string; highlightCount: number }[], id: string) =>
  rows.find((row) => row.id === id)?.highlightCount;

describe("blind assignments and counts", () => {
  it("counts only a student's own highlights, and all of them for the instructor", async () => {
    const anaList = await listDocuments({ userId: ctx.ana.id, workspaceId: ctx.workspace.id });
    expect(countOf(anaList, ctx.document.id)).toBe(1);
    expect(countOf(anaList, second.id)).toBe(0);

    const ownerList = await listDocuments({ userId: ctx.owner.id, workspaceId: ctx.workspace.id });
    expect(countOf(ownerList, ctx.document.id)).toBe(2);
    expect(countOf(ownerList, second.id)).toBe(1);

    const page = await listDocumentsPage({
      userId: ctx.ana.id,
      workspaceId: ctx.workspace.id,
      page: { limit: 50, after: null },
    });
    expect(countOf(page.items, ctx.document.id)).toBe(1);
    expect(
      (await getDocumentForMember({ userId: ctx.ana.id, documentId: ctx.document.id }))
        .highlightCount,
    ).toBe(1);
    expect(
      (await getDocumentForMember({ userId: ctx.editor.id, documentId: ctx.document.id }))
        .highlightCount,
    ).toBe(2);
  });

  it("keeps classmates' quotes out of the outlet comparison until the student hands in", async () => {
    const collection = await createCollection({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      input: createCollectionSchema.parse({ name: "Budget outlets" }),
    });
    for (const documentId of [ctx.document.id, second.id]) {
      await addCollectionDocument({
        userId: ctx.owner.id,
        collectionId: collection.id,
        documentId,
      });
    }
    const quotes = async (userId: string) => {
      const result = await getCollectionComparison({ userId, collectionId: collection.id });
      if (result.status !== "ok") {
        throw new Error(result.message);
      }
      return result.comparison.outlets.map((outlet) => ({
        annotators: outlet.annotators,
        loaded: outlet.loadedLanguage.map((phrase) => phrase.text).sort(),
      }));
    };

    expect(await quotes(ctx.ana.id)).toEqual([
      { annotators: 1, loaded: ["reckless"] },
      { annotators: 0, loaded: [] },
    ]);
    expect(await quotes(ctx.owner.id)).toEqual([
      { annotators: 2, loaded: ["devastate", "reckless"] },
      { annotators: 1, loaded: ["devastate"] },
    ]);

    const [assignment] = await getDb().assignment.findMany({
      where: { workspaceId: ctx.workspace.id },
      select: { id: true },
    });
    await submitAssignment({ userId: ctx.ana.id, assignmentId: assignment!.id });
    expect((await quotes(ctx.ana.id))[0]).toEqual({
      annotators: 2,
      loaded: ["devastate", "reckless"],
    });
  });
});
