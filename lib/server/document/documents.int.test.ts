import { beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db/client";
import { createDocumentSchema } from "@/lib/validations/document";
import { makeWorkspaceWithRoles } from "@/tests/factories";

import { createDocument } from "./create-document";
import { getDocumentForMember } from "./get-document";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
});

describe("documents", () => {
  it("normalises the text once on save and stores its hash", async () => {
    const created = await createDocument({
      userId: ctx.editor.id,
      workspaceId: ctx.workspace.id,
      input: createDocumentSchema.parse({
        title: "  Title  ",
        text: "\uFEFFLine one   \r\nCafe\u0301\r\n\r\n\r\n\r\nEnd",
      }),
    });
    const stored = await getDb().document.findUniqueOrThrow({ where: { id: created.id } });

    expect(stored.title).toBe("Title");
    expect(stored.text).toBe("Line one\nCafé\n\nEnd");
    expect(stored.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.version).toBe(1);
  });

  it("lets owners and editors add documents, refuses annotators and viewers, hides the workspace from outsiders", async () => {
    const input = createDocumentSchema.parse({ title: "T", text: "Body" });

    await expect(
      createDocument({ userId: ctx.owner.id, workspaceId: ctx.workspace.id, input }),
    ).resolves.toHaveProperty("id");
    await expect(
      createDocument({ userId: ctx.annotator.id, workspaceId: ctx.workspace.id, input }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createDocument({ userId: ctx.viewer.id, workspaceId: ctx.workspace.id, input }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createDocument({ userId: ctx.outsider.id, workspaceId: ctx.workspace.id, input }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a document to members only", async () => {
    const created = await createDocument({
      userId: ctx.owner.id,
      workspaceId: ctx.workspace.id,
      input: createDocumentSchema.parse({ title: "T", text: "Body" }),
    });

    await expect(
      getDocumentForMember({ userId: ctx.viewer.id, documentId: created.id }),
    ).resolves.toMatchObject({ role: "VIEWER" });
    await expect(
      getDocumentForMember({ userId: ctx.outsider.id, documentId: created.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each([
    [{ title: "", text: "Body" }, "title", /Give the article a title/],
    [{ title: "x".repeat(301), text: "Body" }, "title", /at most 300/],
    [{ title: "T", text: "   \n\t " }, "text", /Paste the article text/],
    [{ title: "T", text: "x".repeat(1_000_001) }, "text", /too long/],
    [{ title: "T", text: "Body", sourceUrl: "javascript:alert(1)" }, "sourceUrl", /http/],
    [{ title: "T", text: "Body", publishedAt: "yesterday" }, "publishedAt", /date/],
  ])("rejects bad input %# with a message on the field", (values, field, message) => {
    const result = createDocumentSchema.safeParse(values);

    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((candidate) => candidate.path[0] === field);
    expect(issue?.message).toMatch(message);
  });
});
