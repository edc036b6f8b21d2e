import { strToU8, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";

import * as bulkPreviewRoute from "@/app/api/v1/workspaces/[workspaceId]/imports/bulk-preview/route";
import { bulkPreviewResponseSchema, errorResponseSchema } from "@/lib/api/schemas";
import { createApiToken } from "@/lib/server/api-token/create-api-token";
import { createApiTokenSchema } from "@/lib/validations/api-token";
import { makeWorkspaceWithRoles } from "@/tests/factories";

let ctx: Awaited<ReturnType<typeof makeWorkspaceWithRoles>>;
let editorToken: string;
let annotatorToken: string;

async function token(userId: string) {
  return (
    await createApiToken({
      userId,
      input: createApiTokenSchema.parse({
        name: "zip",
        workspaceId: ctx.workspace.id,
        scope: "READ_WRITE",
      }),
    })
  ).secret;
}

function preview(secret: string, archive: Uint8Array, name = "articles.zip") {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(archive)], name, { type: "application/zip" }));
  return bulkPreviewRoute.POST(
    new Request(`http://localhost/api/v1/workspaces/${ctx.workspace.id}/imports/bulk-preview`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}` },
      body: form,
    }),
    { params: Promise.resolve({ workspaceId: ctx.workspace.id }) },
  );
}

beforeAll(async () => {
  ctx = await makeWorkspaceWithRoles();
  editorToken = await token(ctx.editor.id);
  annotatorToken = await token(ctx.annotator.id);
});

describe("bulk preview of a zip of articles", () => {
  it("[imports] reports every entry: articles ready, other files skipped, nothing written", async () => {
    const archive = zipSync({
      "one.txt": strToU8("Bridge reopens\n\nThe bridge reopened on Friday."),
      "two.html": strToU8(
        "<html><head><title>Library extends hours</title></head><body><article><p>The library will stay open until nine.</p></article></body></html>",
      ),
      "scan.pdf": strToU8("%PDF-1.7"),
      ".hidden.txt": strToU8("Hidden\n\nx"),
    });
    const response = await preview(editorToken, archive);
    expect(response.status).toBe(200);
    const body = bulkPreviewResponseSchema.parse(await response.json());
    expect(body.format).toBe("zip");
    expect(body.rows.map((row) => [row.entry, row.input?.title ?? row.error])).toEqual([
      ["one.txt", "Bridge reopens"],
      ["two.html", "Library extends hours"],
      ["scan.pdf", "Skipped: not a .txt, .md or .html file."],
    ]);
  });

  it("[imports] refuses an archive with too many entries (413) and annotators (403)", async () => {
    const files = Object.fromEntries(
      Array.from({ length: 1_001 }, (_, index) => [`a${index}.txt`, strToU8(`T${index}\n\nx`)]),
    );
    const tooMany = await preview(editorToken, zipSync(files));
    expect(tooMany.status).toBe(413);
    expect(errorResponseSchema.parse(await tooMany.json()).error.message).toMatch(
      /has more than 1,000 entries/,
    );

    const forbidden = await preview(annotatorToken, zipSync({ "a.txt": strToU8("A\n\nb") }));
    expect(forbidden.status).toBe(403);
  });
});
