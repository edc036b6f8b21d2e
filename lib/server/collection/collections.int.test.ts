import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { readFixture } from "@/lib/insight/testing/fixture-documents";
import { addCollectionDocumentSchema, createCollectionSchema } from "@/lib/validations/collection";
import { makeDocument, makeWorkspaceWithRoles } from "@/tests/factories";

import { addCollectionDocument } from "./add-collection-document";
import { createCollection } from "./create-collection";
import { deleteCollection } from "./delete-collection";
import { getCollection } from "./get-collection";
import { getCollectionComparison } from "./get-collection-comparison";
import { listCollections } from "./list-collections";
import { removeCollectionDocument } from "./remove-collection-document";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
const input = createCollectionSchema.parse({
  name: "  Paris summit  ",
  description: "Five framings",
});

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
});

describe("collections", () => {
  it("editors and owners create them; annotators and viewers may not; outsiders see nothing", async () => {
    const created = await createCollection({
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
      input,
    });

    expect(created).toMatchObject({ name: "Paris summit", description: "Five framings" });
    await expect(
      createCollection({ userId: ctx.annotator.id, workspaceId: ctx.workspace.id, input }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createCollection({ userId: ctx.viewer.id, workspaceId: ctx.workspace.id, input }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createCollection({ userId: ctx.outsider.id, workspaceId: ctx.workspace.id, input }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const audit = await getDb().auditEvent.findFirst({
      where: { workspaceId: ctx.workspace.id, action: "collection.create" },
      select: { actorId: true, after: true },
    });
    expect(audit).toMatchObject({ actorId: ctx.editor.id, after: { collectionId: created.id } });
  });

  it("adds and removes documents of the same workspace, in order, with clear refusals", async () => {
    const collection = await createCollection({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      input,
    });
    const wire = await makeDocument(
      ctx.owner.id,
      ctx.workspace.id,
      readFixture("paris-summit-wire"),
      "Wire",
    );
    const blog = await makeDocument(
      ctx.owner.id,
      ctx.workspace.id,
      readFixture("paris-summit-blog"),
      "Blog",
    );
    const elsewhere = await makeDocument(
      ctx.outsider.id,
      ctx.otherWorkspace.id,
      "Other text",
      "Elsewhere",
    );

    await addCollectionDocument({
      userId: ctx.editor.id,
      collectionId: collection.id,
      documentId: wire.id,
    });
    await addCollectionDocument({
      userId: ctx.editor.id,
      collectionId: collection.id,
      documentId: blog.id,
    });
    await expect(
      addCollectionDocument({
        userId: ctx.editor.id,
        collectionId: collection.id,
        documentId: wire.id,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "“Wire” is already in this collection." });
    await expect(
      addCollectionDocument({
        userId: ctx.editor.id,
        collectionId: collection.id,
        documentId: elsewhere.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      addCollectionDocument({
        userId: ctx.annotator.id,
        collectionId: collection.id,
        documentId: blog.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      addCollectionDocument({
        userId: ctx.outsider.id,
        collectionId: collection.id,
        documentId: elsewhere.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const asViewer = await getCollection({ userId: ctx.viewer.id, collectionId: collection.id });
    expect(asViewer.documents.map((document) => document.title)).toEqual(["Wire", "Blog"]);
    expect(asViewer.available).toEqual([]);
    const asEditor = await getCollection({ userId: ctx.editor.id, collectionId: collection.id });
    expect(asEditor.available.map((document) => document.id)).not.toContain(wire.id);
    await expect(
      getCollection({ userId: ctx.outsider.id, collectionId: collection.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await removeCollectionDocument({
      userId: ctx.editor.id,
      collectionId: collection.id,
      documentId: wire.id,
    });
    await expect(
      removeCollectionDocument({
        userId: ctx.editor.id,
        collectionId: collection.id,
        documentId: wire.id,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      removeCollectionDocument({
        userId: ctx.viewer.id,
        collectionId: collection.id,
        documentId: blog.id,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await getCollection({ userId: ctx.viewer.id, collectionId: collection.id });
    expect(after.documents.map((document) => document.title)).toEqual(["Blog"]);
    // The document itself stays.
    await expect(getDb().document.findUnique({ where: { id: wire.id } })).resolves.toBeTruthy();
  });

  it("lists them for every member and deletes them for editors", async () => {
    const collection = await createCollection({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      input,
    });
    const listed = await listCollections({ userId: ctx.viewer.id, workspaceId: ctx.workspace.id });

    expect(listed.collections.map((entry) => entry.id)).toContain(collection.id);
    await expect(
      listCollections({ userId: ctx.outsider.id, workspaceId: ctx.workspace.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      deleteCollection({ userId: ctx.annotator.id, collectionId: collection.id }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await deleteCollection({ userId: ctx.editor.id, collectionId: collection.id });
    await expect(
      getCollection({ userId: ctx.owner.id, collectionId: collection.id }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("compares outlets for every member once there are two documents", async () => {
    const collection = await createCollection({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      input,
    });
    const wire = await makeDocument(
      ctx.owner.id,
      ctx.workspace.id,
      readFixture("paris-summit-wire"),
      "Wire",
    );

    await addCollectionDocument({
      userId: ctx.owner.id,
      collectionId: collection.id,
      documentId: wire.id,
    });
    await expect(
      getCollectionComparison({ userId: ctx.viewer.id, collectionId: collection.id }),
    ).resolves.toEqual({
      status: "too-few-documents",
      message: "Add at least two documents to compare their outlets side by side.",
    });

    const blog = await makeDocument(
      ctx.owner.id,
      ctx.workspace.id,
      readFixture("paris-summit-blog"),
      "Blog",
    );
    await addCollectionDocument({
      userId: ctx.owner.id,
      collectionId: collection.id,
      documentId: blog.id,
    });
    const result = await getCollectionComparison({
      userId: ctx.viewer.id,
      collectionId: collection.id,
    });
    expect(result.status).toBe("ok");
    if (result.status === "ok") {
      expect(result.comparison.outlets.map((outlet) => outlet.outlet)).toEqual(["Wire", "Blog"]);
    }
    await expect(
      getCollectionComparison({ userId: ctx.outsider.id, collectionId: collection.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("validates names and document ids with messages for the form", () => {
    expect(createCollectionSchema.safeParse({ name: "   " }).error?.issues[0]?.message).toBe(
      "Give the collection a name.",
    );
    expect(
      createCollectionSchema.safeParse({ name: "x".repeat(101) }).error?.issues[0]?.message,
    ).toBe("The name can have at most 100 characters.");
    expect(
      addCollectionDocumentSchema.safeParse({ documentId: "" }).error?.issues[0]?.message,
    ).toBe("Choose a document to add.");
  });
});
