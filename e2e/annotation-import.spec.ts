import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { strToU8, zipSync } from "fflate";

import { signInViaApi } from "./support/auth";
import { db, labelId, makeDocument, makeUser, makeWorkspace } from "./support/db";

const text = "Fake 👍 news, critics say, spread fast.\n\nOfficials said the plan would work.";

// Code-point offsets of a phrase, as our JSONL export writes them.
function span(phrase: string) {
  const at = text.indexOf(phrase);
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(phrase).length, text: phrase };
}

test("[imports] an editor checks a JSONL of annotations, sees one conflict, imports and reads the highlights", async ({
  page,
}) => {
  const editor = await makeUser("Edda Editor");
  const annotator = await makeUser("Anton Annotator");
  const workspace = await makeWorkspace([
    { userId: editor.id, role: "EDITOR" },
    { userId: annotator.id, role: "ANNOTATOR" },
  ]);
  const document = await makeDocument(workspace.id, editor.id, "Summit story", text);
  const loaded = await labelId(workspace.id, "framing", "Loaded_Language");
  // Imported earlier from the same file: the file's id "ext-1" is already here.
  const earlier = span("Fake");
  await db().annotation.create({
    data: {
      documentId: document.id,
      authorId: editor.id,
      documentVersion: 1,
      start: earlier.start,
      end: earlier.end,
      exact: "Fake",
      prefix: "",
      suffix: text.slice(4, 36),
      externalId: "ext-1",
      externalAnnotator: "coder-7",
      labels: { create: [{ labelId: loaded }] },
    },
  });

  const line = JSON.stringify({
    text,
    meta: { id: document.id, title: "Summit story", offset_unit: "code_point" },
    spans: [
      {
        ...span("Fake"),
        label: "Loaded_Language",
        dimension: "framing",
        annotation_id: "ext-1",
        annotator: "coder-7",
      },
      {
        ...span("news"),
        label: "Loaded_Language",
        dimension: "framing",
        annotation_id: "ext-2",
        annotator: "coder-7",
      },
      {
        ...span("critics say"),
        label: "vague_attribution",
        dimension: "sourcing",
        annotation_id: "ext-3",
        annotator: "coder-9",
        comment: "Which critics?",
      },
    ],
  });

  await signInViaApi(page.request, editor.email, editor.password);
  await page.goto(`/workspaces/${workspace.id}`);
  await page
    .getByRole("navigation", { name: "Workspace sections" })
    .getByRole("link", { name: "Import annotations" })
    .click();
  await expect(page.getByRole("heading", { name: "Import annotations", level: 1 })).toBeVisible();

  await page.getByLabel("File of annotations").setInputFiles({
    name: "coders.jsonl",
    mimeType: "application/jsonl",
    buffer: Buffer.from(`${line}\n`),
  });
  // Keyboard only from here: the check, then the import.
  await page.getByRole("button", { name: "Check file" }).focus();
  await page.keyboard.press("Enter");

  await expect(
    page.getByRole("heading", { name: "Check of “coders.jsonl”: 2 to create, 1 conflict" }),
  ).toBeVisible();
  const report = page.getByRole("table");
  await expect(report.getByRole("row")).toHaveCount(4);
  await expect(
    report.getByRole("row", { name: /Duplicate: Line 1, spans\.0: already in the workspace/ }),
  ).toBeVisible();
  await expect(report.getByRole("row", { name: /critics say.*Would be created/ })).toBeVisible();
  expect(await db().annotation.count({ where: { documentId: document.id } })).toBe(1);
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  await page.getByRole("button", { name: "Import 2 highlights" }).focus();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { name: "Imported 2 highlights from “coders.jsonl”" }),
  ).toBeVisible();
  expect(await db().annotation.count({ where: { documentId: document.id } })).toBe(3);
  const imported = await db().annotation.findFirstOrThrow({
    where: { documentId: document.id, externalId: "ext-3" },
    select: { authorId: true, externalAnnotator: true, comment: true },
  });
  expect(imported).toEqual({
    authorId: editor.id,
    externalAnnotator: "coder-9",
    comment: "Which critics?",
  });

  await report.getByRole("link", { name: "Summit story" }).first().click();
  await expect(page.getByTestId("reader-text")).toHaveText(text);
  await expect(page.locator("mark[data-ids]", { hasText: /^news$/ })).toBeVisible();
  await expect(page.locator("mark[data-ids]", { hasText: /^critics say$/ })).toBeVisible();
});

test("[imports] a zip of two articles: check, import, per-file report", async ({ page }) => {
  const editor = await makeUser("Zed Zipper");
  const workspace = await makeWorkspace([{ userId: editor.id, role: "OWNER" }]);
  await signInViaApi(page.request, editor.email, editor.password);
  await page.goto(`/workspaces/${workspace.id}/documents/new`);
  await page.getByRole("tab", { name: "Many at once" }).click();

  const archive = zipSync({
    "stories/bridge.txt": strToU8("Bridge reopens\n\nThe bridge reopened on Friday after repairs."),
    "stories/library.html": strToU8(
      "<html><head><title>Library extends hours</title></head><body><article><p>The library will stay open until nine, the council said.</p></article></body></html>",
    ),
    "__MACOSX/stories/._bridge.txt": new Uint8Array([0, 5, 22, 7]),
  });
  await page.getByLabel("File of articles (JSONL, CSV or zip)").setInputFiles({
    name: "stories.zip",
    mimeType: "application/zip",
    buffer: Buffer.from(archive),
  });
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByRole("heading", { name: "2 of 2 files ready to import" })).toBeVisible();
  await page.getByRole("button", { name: "Import 2 articles" }).click();

  await expect(page.getByRole("heading", { name: "Imported 2 of 2 rows" })).toBeVisible();
  const report = page.getByRole("table", { name: "Import report" });
  await expect(
    report.getByRole("row", { name: /stories\/bridge\.txt.*Bridge reopens.*Saved/ }),
  ).toBeVisible();
  await expect(
    report.getByRole("row", { name: /stories\/library\.html.*Library extends hours.*Saved/ }),
  ).toBeVisible();
  expect(await db().document.count({ where: { workspaceId: workspace.id } })).toBe(2);

  await report.getByRole("link", { name: "Library extends hours" }).click();
  await expect(page.getByTestId("reader-text")).toHaveText(
    "The library will stay open until nine, the council said.",
  );
});
