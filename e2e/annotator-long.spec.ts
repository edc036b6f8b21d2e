import { expect, test } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { highlightFor } from "./support/reader";

const paragraphs = 300;

// 300 paragraphs, each opening with a phrase that names it ("Paragraph 17 says").
const text = Array.from(
  { length: paragraphs },
  (_, index) =>
    `Paragraph ${index + 1} says the council met again to weigh the plan, and residents asked ` +
    `whether the budget would hold through the winter while officials promised answers soon.`,
).join("\n\n");

async function setUp() {
  const [ana, ben] = await Promise.all([makeUser("Ana Annotator"), makeUser("Ben Classmate")]);
  const workspace = await makeWorkspace([
    { userId: ana.id, role: "OWNER" },
    { userId: ben.id, role: "ANNOTATOR" },
  ]);
  const document = await makeDocument(workspace.id, ana.id, "A long article", text);
  const [loaded, vague] = await Promise.all([
    labelId(workspace.id, "framing", "Loaded_Language"),
    labelId(workspace.id, "sourcing", "vague_attribution"),
  ]);
  // One highlight per paragraph, and every tenth paragraph a second one overlapping it:
  // 330 highlights, all by Ben, so each list item has one button (its quote).
  const specs = Array.from({ length: paragraphs }, (_, index) => index + 1).flatMap((n) => [
    { phrase: `Paragraph ${n} says`, labelIds: [loaded] },
    ...(n % 10 === 0 ? [{ phrase: `${n} says the council`, labelIds: [vague] }] : []),
  ]);
  for (let at = 0; at < specs.length; at += 30) {
    await Promise.all(
      specs
        .slice(at, at + 30)
        .map((spec) =>
          makeAnnotation({ documentId: document.id, authorId: ben.id, text, ...spec }),
        ),
    );
  }
  return { ana, workspace, document, count: specs.length };
}

test("[annotator] a long article paints highlights as they scroll in; far ones are reachable from the virtual side list and by keyboard", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { ana, workspace, document, count } = await setUp();
  await signInViaApi(page.request, ana.email, ana.password);
  await page.goto(`/workspaces/${workspace.id}/documents/${document.id}`);
  const reader = page.getByTestId("reader-text");
  await expect(reader).toBeVisible();
  await expect(page.getByRole("heading", { name: `Highlights (${count})` })).toBeVisible();

  // The whole text is there, but only the paragraphs near the screen carry their marks.
  expect(await reader.evaluate((root) => root.textContent)).toBe(text);
  await expect(highlightFor(page, "Paragraph 1 says")).toBeVisible();
  await expect(highlightFor(page, "Paragraph 291 says")).toHaveCount(0);

  // Scrolling down paints the paragraphs that come into view, overlaps included.
  await reader.hover();
  for (let step = 0; step < 200; step += 1) {
    if ((await highlightFor(page, "Paragraph 291 says").count()) > 0) {
      break;
    }
    await page.mouse.wheel(0, 1_500);
  }
  const far = highlightFor(page, "Paragraph 291 says");
  await expect(far).toBeVisible();
  await expect(far).toHaveAccessibleDescription(/^1 highlight: Loaded language/);
  const overlap = page.locator("mark[data-ids]", { hasText: /^290 says$/ });
  await expect(overlap).toHaveAttribute("data-ids", /\S+ \S+/);
  await expect(overlap).toHaveAccessibleDescription(/^2 highlights: .*Loaded language/);

  // The side list holds only the items near its scroll position, each saying its place.
  const list = page.getByRole("list", { name: "Highlights in reading order" });
  const items = list.getByTestId("annotation-item");
  await expect(items.first()).toHaveAttribute("aria-setsize", String(count));
  expect(await items.count()).toBeLessThan(40);

  // Keyboard: Tab walks down the list past the items rendered at first.
  await items.first().getByRole("button").focus();
  for (let press = 0; press < 45; press += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(
    page.locator('[data-testid="annotation-item"][aria-posinset="46"] button'),
  ).toBeFocused();

  // Scroll the list down to a highlight far down; Enter on it scrolls the text there,
  // paints it and puts the reader's caret in it.
  await page.evaluate(() => window.scrollTo(0, 0));
  const wanted = list.getByTestId("annotation-item").filter({ hasText: "Paragraph 275 says" });
  await page.getByTestId("annotation-scroll").first().hover();
  for (let step = 0; step < 200 && (await wanted.count()) === 0; step += 1) {
    await page.mouse.wheel(0, 600);
  }
  await wanted.getByRole("button").focus();
  await page.keyboard.press("Enter");
  const target = highlightFor(page, "Paragraph 275 says");
  await expect(reader).toBeFocused();
  await expect(target).toHaveAttribute("data-active", "true");
  await expect(target).toBeInViewport();
  // Enter on the caret lists the highlight there.
  await page.keyboard.press("Enter");
  const here = page.getByTestId("highlights-here");
  await expect(here.getByRole("heading", { name: "At this passage (1)" })).toBeVisible();
  await expect(here).toContainText("Paragraph 275 says");
});
