import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { expectSelection, highlightFor, pressTabUntil, selectWithMouse } from "./support/reader";

const text = [
  "The minister 🔹 hailed a historic victory for ordinary families, critics say.",
  "",
  "Opponents called the reckless plan a disaster waiting to happen.",
].join("\n");

async function setUp() {
  const [ana, ben] = await Promise.all([makeUser("Ana Annotator"), makeUser("Ben Classmate")]);
  const workspace = await makeWorkspace([
    { userId: ana.id, role: "OWNER" },
    { userId: ben.id, role: "ANNOTATOR" },
  ]);
  const document = await makeDocument(workspace.id, ana.id, "Two framings", text);
  const [loaded, vague, supportive] = await Promise.all([
    labelId(workspace.id, "framing", "Loaded_Language"),
    labelId(workspace.id, "sourcing", "vague_attribution"),
    labelId(workspace.id, "stance", "supportive"),
  ]);
  // Two people's highlights overlap on "historic victory".
  await makeAnnotation({
    documentId: document.id,
    authorId: ben.id,
    text,
    phrase: "hailed a historic victory",
    labelIds: [supportive],
    comment: "Ben's take",
  });
  await makeAnnotation({
    documentId: document.id,
    authorId: ana.id,
    text,
    phrase: "historic victory for ordinary families, critics say",
    labelIds: [loaded, vague],
  });
  return { ana, ben, workspace, document };
}

async function openAs(page: Page, user: { email: string; password: string }, url: string) {
  await signInViaApi(page.request, user.email, user.password);
  await page.goto(url);
  await expect(page.getByTestId("reader-text")).toBeVisible();
}

test("[annotator] overlapping highlights: a click lists every highlight there, also by keyboard", async ({
  page,
}) => {
  const { ana, workspace, document } = await setUp();
  await openAs(page, ana, `/workspaces/${workspace.id}/documents/${document.id}`);

  // "historic victory" is covered by both highlights: one run of text carries both ids.
  const overlap = page.locator("mark[data-ids]", { hasText: /^historic victory$/ });
  await expect(overlap).toHaveAttribute("data-ids", /\S+ \S+/);
  // Screen readers hear which highlights and labels cover the run.
  await expect(overlap).toHaveAccessibleDescription(/^2 highlights: .*Loaded language/);
  const here = page.getByTestId("highlights-here");

  // Keyboard: put the caret inside the overlap and press Enter.
  await page.getByTestId("reader-text").focus();
  const caretAt = Array.from("The minister 🔹 hailed a histo").length;
  for (let press = 0; press < caretAt; press += 1) {
    await page.keyboard.press("ArrowRight");
  }
  await page.keyboard.press("Enter");
  await expect(here.getByRole("heading", { name: "At this passage (2)" })).toBeVisible();
  await here.getByRole("button", { name: "Close" }).click();
  await expect(here).toHaveCount(0);

  // Mouse: a click on the overlap.
  await overlap.click();
  await expect(here.getByRole("heading", { name: "At this passage (2)" })).toBeVisible();
  await expect(here.getByTestId("annotation-item")).toHaveCount(2);
  await expect(here).toContainText("Ben's take");
  await expect(here).toContainText("Loaded language");
  await here.getByRole("button", { name: "Close" }).click();
  await expect(here).toHaveCount(0);
});

test("[annotator] side panel filters by dimension, label and author, with counts per label", async ({
  page,
}) => {
  const { ana, workspace, document } = await setUp();
  await openAs(page, ana, `/workspaces/${workspace.id}/documents/${document.id}`);

  const items = page
    .getByRole("list", { name: "Highlights in reading order" })
    .getByTestId("annotation-item");
  await expect(items).toHaveCount(2);
  await page.getByText("Filter and count").click();
  const counts = page.getByRole("table", { name: "Highlights per label" });
  await expect(counts.getByRole("row", { name: /Stance: Supportive 1/ })).toBeVisible();
  await expect(
    counts.getByRole("row", { name: /Framing technique: Loaded language 1/ }),
  ).toBeVisible();

  await page.getByLabel("Dimension").selectOption({ label: "Stance" });
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Ben's take");
  await expect(page.getByText("Showing 1 of 2 highlights.")).toBeVisible();

  await page.getByLabel("Dimension").selectOption({ label: "All dimensions" });
  await page.getByLabel("Author").selectOption({ label: "Ana Annotator" });
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("critics say");

  await page.getByLabel("Author").selectOption({ label: "Everyone" });
  await page.getByLabel("Status").selectOption({ label: "Accepted suggestion" });
  await expect(items).toHaveCount(0);
  await page.getByLabel("Status").selectOption({ label: "Made by a person" });
  await expect(items).toHaveCount(2);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(items).toHaveCount(2);
});

test("[annotator] delete is immediate and undoable; digit keys pick labels; snapping widens to words", async ({
  page,
}) => {
  const { ana, workspace, document } = await setUp();
  await openAs(page, ana, `/workspaces/${workspace.id}/documents/${document.id}`);

  const own = page.getByTestId("annotation-item").filter({ hasText: "critics say" });
  await own.getByRole("button", { name: /^Delete highlight/ }).click();
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight deleted.");
  await expect(own).toHaveCount(0);
  await page.getByRole("button", { name: "Undo delete" }).click();
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight restored.");
  await page.reload();
  await expect(page.getByTestId("annotation-item").filter({ hasText: "critics say" })).toHaveCount(
    1,
  );

  // Drag from inside "reckless" to inside "plan": snapping tags the whole words.
  await selectWithMouse(page, "ckless pl");
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await expect(popover.locator("blockquote")).toHaveText("reckless plan");
  // Digits pick the nth label of the focused group: 2 is "Critical".
  await expect(popover.getByRole("radio", { name: "None" }).first()).toBeFocused();
  await page.keyboard.press("2");
  await expect(popover.getByRole("radio", { name: /^Critical/ })).toBeChecked();
  await expect(popover.getByTestId("label-description")).toContainText("Critical:");
  await popover.getByRole("button", { name: "Save highlight" }).click();
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight saved.");
  await expect(highlightFor(page, "reckless plan")).toBeVisible();

  // Without snapping the selection is kept as made.
  await page.getByLabel("Snap selections to whole words").uncheck();
  await selectWithMouse(page, "isaster");
  await expect(popover.locator("blockquote")).toHaveText("isaster");
  await page.keyboard.press("Escape");
});

test("[a11y] the reader, popover and side panel have no serious or critical axe violations", async ({
  page,
}) => {
  const { ana, workspace, document: article } = await setUp();
  await openAs(page, ana, `/workspaces/${workspace.id}/documents/${article.id}`);

  async function expectNoSeriousViolations() {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (violation) => violation.impact === "serious" || violation.impact === "critical",
    );
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  }

  await expectNoSeriousViolations();

  await page.getByTestId("reader-text").focus();
  for (let press = 0; press < 3; press += 1) {
    await page.keyboard.press("Shift+ArrowRight");
  }
  await expectSelection(page, "The");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Tag this passage" })).toBeVisible();
  await expectNoSeriousViolations();
  await page.keyboard.press("Escape");

  await page.getByText("Filter and count").click();
  await page.locator("mark[data-ids]").first().click();
  await expect(page.getByTestId("highlights-here")).toBeVisible();
  await expectNoSeriousViolations();
  await pressTabUntil(page, () => document.activeElement?.textContent === "Close");
});
