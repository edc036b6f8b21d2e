import { expect, test } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { makeUser } from "./support/db";
import { expectSelection, highlightFor, pressTabUntil, selectWithMouse } from "./support/reader";

const article = [
  "Officials said the plan was a reckless gamble with public money.",
  "",
  "Critics say the council ignored 3,412 responses 🔹 to its consultation.",
].join("\n");

test("[first path] sign up, create a workspace, add an article, highlight and tag with the mouse, reload, edit, delete", async ({
  page,
}) => {
  const email = `reader-${Date.now()}@example.org`;

  await page.goto("/");
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Name").fill("Rita Reader");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await page.getByLabel("Name").fill("Period 3 media literacy");
  await page.getByLabel("What is it for?").selectOption("CLASS");
  await page.getByRole("button", { name: "Create workspace" }).click();

  await expect(page.getByRole("heading", { name: "Period 3 media literacy" })).toBeVisible();
  await page.getByRole("link", { name: "Add an article" }).click();
  await page.getByLabel("Title").fill("Council approves the plan");
  await page.getByLabel("Text", { exact: true }).fill(article);
  await page.getByLabel("Outlet (optional)").fill("Valley Wire");
  await page.getByRole("button", { name: "Save article" }).click();

  await expect(page.getByRole("heading", { name: "Council approves the plan" })).toBeVisible();
  await expect(page.getByTestId("reader-text")).toHaveText(article);

  // The emoji sits before "to its": offsets after it differ between UTF-16 and code points.
  await selectWithMouse(page, "to its consultation");
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await expect(popover).toBeVisible();
  await expect(popover.getByRole("group", { name: "Stance" })).toBeVisible();
  await expect(popover.getByRole("group", { name: /Sourcing/ })).toBeVisible();
  await expect(popover.getByRole("group", { name: /Factual accuracy/ })).toBeVisible();
  await expect(popover.getByRole("group", { name: /Framing technique/ })).toBeVisible();

  await popover.getByRole("radio", { name: "Vague attribution" }).check();
  await popover.getByRole("checkbox", { name: "Appeal to fear" }).check();
  await popover.getByLabel("Comment").fill("Whose consultation?");
  await popover.getByRole("button", { name: "Save highlight" }).click();

  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight saved.");
  await expect(highlightFor(page, "to its consultation")).toBeVisible();
  const item = page.getByTestId("annotation-item").filter({ hasText: "to its consultation" });
  await expect(item).toContainText("Vague attribution");
  await expect(item).toContainText("Appeal to fear");
  await expect(item).toContainText("Whose consultation?");

  await page.reload();
  await expect(highlightFor(page, "to its consultation")).toBeVisible();
  await expect(item).toContainText("Whose consultation?");

  await item.getByRole("button", { name: /^Edit highlight/ }).click();
  const editor = page.getByRole("dialog", { name: "Edit highlight" });
  await expect(editor.getByLabel("Comment")).toHaveValue("Whose consultation?");
  await editor.getByRole("radio", { name: "Anonymous source" }).check();
  await editor.getByLabel("Comment").fill("Which residents responded?");
  await editor.getByRole("button", { name: "Save highlight" }).click();
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight updated.");
  await expect(item).toContainText("Anonymous source");
  await expect(item).not.toContainText("Vague attribution");

  await page.reload();
  await expect(item).toContainText("Which residents responded?");

  page.once("dialog", (dialog) => void dialog.accept());
  await item.getByRole("button", { name: /^Delete highlight/ }).click();
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight deleted.");
  await expect(highlightFor(page, "to its consultation")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("annotation-item")).toHaveCount(0);
});

test("[first path] keyboard only: select with Shift+arrows, tag in the popover, save", async ({
  page,
}) => {
  const user = await makeUser("Kim Keys");
  await signInViaApi(page.request, user.email, user.password);

  await page.goto("/workspaces");
  await page.getByLabel("Name").fill("Keyboard class");
  await page.getByLabel("Name").press("Enter");
  await expect(page.getByRole("heading", { name: "Keyboard class" })).toBeVisible();

  await page.goto(page.url() + "/documents/new");
  await page.getByLabel("Title").fill("Keyboard article");
  await page.getByLabel("Text", { exact: true }).fill(article);
  await page.getByLabel("Title").focus();
  await pressTabUntil(page, () => document.activeElement?.textContent === "Save article");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Keyboard article" })).toBeVisible();

  await page.keyboard.press("Tab");
  await pressTabUntil(
    page,
    () => document.activeElement?.getAttribute("data-testid") === "reader-text",
  );

  // "Officials said the plan was a " is 30 characters; select "reckless".
  for (let press = 0; press < 30; press += 1) {
    await page.keyboard.press("ArrowRight");
  }
  for (let press = 0; press < 8; press += 1) {
    await page.keyboard.press("Shift+ArrowRight");
  }
  await expectSelection(page, "reckless");
  await page.keyboard.press("Enter");

  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await expect(popover).toBeVisible();
  // Focus starts on the first stance choice; arrows move within a radio group.
  await expect(popover.getByRole("radio", { name: "None" }).first()).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(popover.getByRole("radio", { name: "Critical" })).toBeChecked();

  await pressTabUntil(page, () =>
    Boolean(document.activeElement?.closest("label")?.textContent?.startsWith("Loaded language")),
  );
  await page.keyboard.press("Space");
  await expect(popover.getByRole("checkbox", { name: "Loaded language" })).toBeChecked();

  await pressTabUntil(page, () => document.activeElement?.id === "annotation-comment");
  await page.keyboard.type("Emotive adjective");
  await pressTabUntil(page, () => document.activeElement?.textContent === "Save highlight");
  await page.keyboard.press("Enter");

  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight saved.");
  await expect(popover).toHaveCount(0);
  await expect(highlightFor(page, "reckless")).toHaveText("reckless");
  const item = page.getByTestId("annotation-item").filter({ hasText: "reckless" });
  await expect(item).toContainText("Critical");
  await expect(item).toContainText("Loaded language");
  await expect(item).toContainText("Emotive adjective");
  // Focus returns to the text so the person can keep reading and selecting.
  await expect(page.getByTestId("reader-text")).toBeFocused();

  // Escape closes the popover without saving.
  for (let press = 0; press < 9; press += 1) {
    await page.keyboard.press("Shift+ArrowRight");
  }
  await page.keyboard.press("Enter");
  await expect(popover).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(popover).toHaveCount(0);
  await expect(page.getByTestId("annotation-item")).toHaveCount(1);
});
