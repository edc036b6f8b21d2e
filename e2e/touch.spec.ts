import { expect, test, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";

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

// Playwright cannot drive the system's long-press and selection handles, so the test
// makes the selection the way they leave it (a DOM range, which fires selectionchange)
// and then does with touch what a person does next: tap the button, tap a label, save.
async function selectLikeTouchHandles(page: Page, phrase: string) {
  await page.getByTestId("reader-text").evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const all = root.textContent ?? "";
    const at = all.indexOf(wanted);
    const range = document.createRange();
    let seen = 0;
    let startSet = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (!startSet && at < seen + length) {
        range.setStart(node, at - seen);
        startSet = true;
      }
      if (startSet && at + wanted.length <= seen + length) {
        range.setEnd(node, at + wanted.length - seen);
        break;
      }
      seen += length;
    }
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, phrase);
}

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
