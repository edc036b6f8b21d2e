import { expect, test } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { selectLikeTouchHandles } from "./support/reader";

// A phone: touch input, a narrow screen, the mobile layout.
test.use({
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});

const text = [
  "The minister hailed a historic victory for ordinary families, critics say.",
  "",
  "Opponents called the reckless plan a disaster waiting to happen.",
].join("\n");

test("[annotator] touch: a selection made with the handles is tagged by tapping", async ({
  page,
}) => {
  const owner = await makeUser("Tia Touch");
  const workspace = await makeWorkspace([{ userId: owner.id, role: "OWNER" }]);
  const article = await makeDocument(workspace.id, owner.id, "On a phone", text);
  await makeAnnotation({
    documentId: article.id,
    authorId: owner.id,
    text,
    phrase: "critics say",
    labelIds: [await labelId(workspace.id, "sourcing", "vague_attribution")],
  });
  await signInViaApi(page.request, owner.email, owner.password);
  await page.goto(`/workspaces/${workspace.id}/documents/${article.id}`);
  await expect(page.getByTestId("reader-text")).toBeVisible();

  await selectLikeTouchHandles(page, "reckless plan");
  // On touch the dialog waits: people adjust the handles first.
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await page.waitForTimeout(300);
  await expect(popover).toHaveCount(0);

  await page.getByRole("button", { name: "Tag selection" }).tap();
  await expect(popover).toBeVisible();
  await expect(popover.locator("blockquote")).toHaveText("reckless plan");
  await popover.getByRole("radio", { name: /^Critical/ }).tap();
  await expect(popover.getByRole("radio", { name: /^Critical/ })).toBeChecked();
  await popover.getByRole("button", { name: "Save highlight" }).tap();
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight saved.");

  await page.reload();
  const saved = page.getByTestId("annotation-item").filter({ hasText: "reckless plan" });
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText("Critical");
});
