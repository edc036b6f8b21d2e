import { expect, test } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { highlightFor, selectWithMouse } from "./support/reader";

const text = [
  "The minister hailed a historic victory for ordinary families.",
  "",
  "Opponents called the plan a reckless gamble with public money.",
  "",
  "Critics say the figures were never published.",
].join("\n");

async function setUp() {
  const editor = await makeUser("Eda Editor");
  const workspace = await makeWorkspace([{ userId: editor.id, role: "OWNER" }]);
  const document = await makeDocument(workspace.id, editor.id, "Budget vote", text);
  const loaded = await labelId(workspace.id, "framing", "Loaded_Language");
  const vague = await labelId(workspace.id, "sourcing", "vague_attribution");
  await makeAnnotation({
    documentId: document.id,
    authorId: editor.id,
    text,
    phrase: "reckless gamble",
    labelIds: [loaded],
  });
  await makeAnnotation({
    documentId: document.id,
    authorId: editor.id,
    text,
    phrase: "Critics say the figures",
    labelIds: [vague],
  });
  return {
    editor,
    workspace,
    document,
    path: `/workspaces/${workspace.id}/documents/${document.id}`,
  };
}

test("[annotator] editing the text re-anchors highlights; an orphan is listed and re-attached", async ({
  page,
}) => {
  const { editor, path } = await setUp();
  await signInViaApi(page.request, editor.email, editor.password);
  await page.goto(path);

  await page.getByRole("link", { name: "Edit text and details" }).click();
  await expect(page.getByRole("heading", { name: "Edit “Budget vote”" })).toBeVisible();
  const revised = text
    .replace("Opponents called", "Opposition leaders in parliament called")
    .replace(
      "Critics say the figures were never published.",
      "The ministry later published the figures.",
    );
  await page.getByLabel("Text", { exact: true }).fill(revised);
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByTestId("edit-summary")).toContainText(
    "0 unchanged, 1 moved to match the new text, 1 orphaned",
  );
  await expect(page.getByTestId("reader-text")).toHaveText(revised);
  await expect(page.getByText("(version 2)")).toBeVisible();
  await expect(highlightFor(page, "reckless gamble")).toHaveText("reckless gamble");

  const orphans = page.getByTestId("orphans");
  await expect(orphans.getByRole("heading", { name: "Orphaned highlights (1)" })).toBeVisible();
  await expect(orphans).toContainText("“Critics say the figures”");
  await orphans.getByRole("button", { name: /^Re-attach/ }).click();
  await expect(page.getByTestId("annotator-status")).toContainText(
    "Select the passage this highlight belongs to",
  );

  await selectWithMouse(page, "published the figures");
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight re-attached.");
  await expect(orphans).toHaveCount(0);
  await expect(highlightFor(page, "published the figures")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("orphans")).toHaveCount(0);
  const item = page.getByTestId("annotation-item").filter({ hasText: "published the figures" });
  await expect(item).toContainText("Vague attribution");
});

test("[annotator] a document saved by someone else meanwhile is a conflict, and the typed text is kept", async ({
  browser,
}) => {
  const { editor, path } = await setUp();
  const first = await browser.newPage();
  const second = await browser.newPage();
  await signInViaApi(first.request, editor.email, editor.password);
  await signInViaApi(second.request, editor.email, editor.password);
  await first.goto(`${path}/edit`);
  await second.goto(`${path}/edit`);

  await first.getByLabel("Text", { exact: true }).fill(`${text}\n\nFirst editor's note.`);
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByTestId("edit-summary")).toBeVisible();

  const mine = `${text}\n\nSecond editor's note.`;
  await second.getByLabel("Text", { exact: true }).fill(mine);
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(
    second.getByText(/Someone else saved this document while you were editing it/),
  ).toBeVisible();
  await expect(second.getByLabel("Text", { exact: true })).toHaveValue(mine);
});

test("[annotator] a highlight the server refuses is rolled back, and the popover keeps the person's choices", async ({
  page,
}) => {
  const { editor, document: article, path } = await setUp();
  await signInViaApi(page.request, editor.email, editor.password);
  await page.goto(path);

  // Someone else edits the document after this page loaded.
  await db().document.update({ where: { id: article.id }, data: { version: { increment: 1 } } });

  await selectWithMouse(page, "historic victory");
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await popover.getByRole("radio", { name: /^Supportive/ }).check();
  await popover.getByLabel("Comment").fill("Triumphant framing");
  await popover.getByRole("button", { name: "Save highlight" }).click();

  await expect(popover.getByRole("alert")).toContainText(
    "Not saved: The document changed while you were reading it",
  );
  await expect(popover.getByRole("radio", { name: /^Supportive/ })).toBeChecked();
  await expect(popover.getByLabel("Comment")).toHaveValue("Triumphant framing");
  await expect(highlightFor(page, "historic victory")).toHaveCount(0);
  expect(
    await db().annotation.count({ where: { documentId: article.id, exact: "historic victory" } }),
  ).toBe(0);
});
