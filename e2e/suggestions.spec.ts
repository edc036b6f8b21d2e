import { expect, test, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, labelId, makeAnnotation, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { expectSelection, highlightFor, pressTabUntil } from "./support/reader";

const text = [
  "Critics say the reckless plan was pushed through in secret.",
  "",
  "The council said 3,412 residents responded to the consultation.",
  "",
  "Post a Comment",
].join("\n");

async function setUp(page: Page) {
  const user = await makeUser("Sia Suggest");
  const workspace = await makeWorkspace([{ userId: user.id, role: "OWNER" }]);
  const article = await makeDocument(workspace.id, user.id, "Council plan", text);
  await signInViaApi(page.request, user.email, user.password);
  return { user, workspace, article, path: `/workspaces/${workspace.id}/documents/${article.id}` };
}

test("[suggestions] suggest, then accept, edit and dismiss by keyboard; origin is kept", async ({
  page,
}) => {
  const { article, path } = await setUp(page);
  await page.goto(path);

  await page.getByRole("button", { name: "Suggest passages" }).click();
  const list = page.getByRole("list", { name: "Suggested passages" });
  const critics = list.getByTestId("suggestion-item").filter({ hasText: "“Critics say”" });
  await expect(critics).toContainText("Suggested: Sourcing: Vague attribution");
  await expect(
    page.locator('mark[data-suggested="only"]', { hasText: "Critics say" }),
  ).toBeVisible();

  // Accept with the keyboard.
  await critics.getByRole("button", { name: /^Accept suggestion/ }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight saved.");
  const saved = page
    .getByRole("list", { name: "Highlights in reading order" })
    .getByTestId("annotation-item");
  await expect(saved.filter({ hasText: "Critics say" })).toContainText("from a suggestion");

  // Edit: the popover opens with the suggested label chosen; add a comment and save.
  const reckless = list.getByTestId("suggestion-item").filter({ hasText: "“reckless”" });
  await reckless.getByRole("button", { name: /^Edit suggestion/ }).click();
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await expect(popover.getByRole("checkbox", { name: /^Loaded language/ })).toBeChecked();
  await popover.getByLabel("Comment").fill("Emotive adjective");
  await popover.getByRole("button", { name: "Save highlight" }).click();
  await expect(saved.filter({ hasText: "Emotive adjective" })).toContainText("from a suggestion");

  // Dismiss the page furniture; it stays dismissed after a reload.
  const furniture = list.getByTestId("suggestion-item").filter({ hasText: "Post a Comment" });
  await expect(furniture).toContainText("Page furniture");
  await furniture.getByRole("button", { name: /^Dismiss suggestion/ }).click();
  await expect(furniture).toHaveCount(0);
  await page.reload();
  await page.getByRole("button", { name: "Suggest passages" }).click();
  await expect(page.getByRole("region", { name: /^Suggestions/ })).not.toContainText(
    "Post a Comment",
  );
  // Accepted ones are not suggested again.
  await expect(page.getByRole("region", { name: /^Suggestions/ })).not.toContainText(
    "“Critics say”",
  );

  const rows = await db().annotation.findMany({
    where: { documentId: article.id },
    select: { exact: true, origin: true, suggestionRule: true },
  });
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row.origin).toBe("SUGGESTION");
    expect(row.suggestionRule).toBeTruthy();
  }
});

test("[annotator] an own highlight's boundaries move by keyboard and by dragging its grips", async ({
  page,
}) => {
  const { user, workspace, article, path } = await setUp(page);
  const loaded = await labelId(workspace.id, "framing", "Loaded_Language");
  await makeAnnotation({
    documentId: article.id,
    authorId: user.id,
    text,
    phrase: "reckless plan",
    labelIds: [loaded],
  });
  await page.goto(path);

  const item = page.getByTestId("annotation-item").filter({ hasText: "reckless plan" });
  await item.getByRole("button", { name: /^Edit highlight/ }).click();
  const editor = page.getByRole("dialog", { name: "Edit highlight" });
  await editor.getByRole("button", { name: "Start a word earlier" }).focus();
  await page.keyboard.press("Enter");
  await expect(editor.locator("blockquote")).toHaveText("the reckless plan");
  await editor.getByRole("button", { name: "End a word later" }).focus();
  await page.keyboard.press("Enter");
  await expect(editor.locator("blockquote")).toHaveText("the reckless plan was");
  await editor.getByRole("button", { name: "End a word earlier" }).click();
  await expect(editor.locator("blockquote")).toHaveText("the reckless plan");

  // The grips: drag the end into "pushed"; snapping takes the whole word.
  const target = await page.getByTestId("reader-text").evaluate((root) => {
    // The text node holding "pushed" (the reader wraps each paragraph in a span).
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let textNode: Node | null = walker.nextNode();
    while (textNode && !textNode.textContent?.includes("pushed")) {
      textNode = walker.nextNode();
    }
    const at = textNode?.textContent?.indexOf("pushed") ?? -1;
    const range = document.createRange();
    range.setStart(textNode as Node, at + 3);
    range.setEnd(textNode as Node, at + 4);
    const box = range.getBoundingClientRect();
    return { x: box.left, y: box.top + box.height / 2 };
  });
  const handle = page.getByTestId("handle-end");
  const grip = await handle.boundingBox();
  await page.mouse.move((grip?.x ?? 0) + 2, (grip?.y ?? 0) + 5);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 8 });
  await page.mouse.up();
  await expect(editor.locator("blockquote")).toHaveText("the reckless plan was pushed");

  // Keyboard on the start grip: the right arrow moves it a word later.
  await page.getByTestId("handle-start").focus();
  await page.keyboard.press("ArrowRight");
  await expect(editor.locator("blockquote")).toHaveText("reckless plan was pushed");
  await editor.getByRole("button", { name: "Save highlight" }).click();

  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight updated.");
  await expect(highlightFor(page, "reckless plan was pushed")).toHaveText(
    "reckless plan was pushed",
  );
  const row = await db().annotation.findFirstOrThrow({ where: { documentId: article.id } });
  expect(Array.from(text).slice(row.start, row.end).join("")).toBe("reckless plan was pushed");
  expect(row.exact).toBe("reckless plan was pushed");
});

test("[annotator] a selection across paragraphs is tagged as one highlight; Tag selection button works", async ({
  page,
}) => {
  const { article, path } = await setUp(page);
  await page.goto(path);

  await page.getByTestId("reader-text").focus();
  const startAt = Array.from("Critics say the reckless plan was pushed through in ").length;
  for (let press = 0; press < startAt; press += 1) {
    await page.keyboard.press("ArrowRight");
  }
  const phrase = "secret.\n\nThe council";
  for (let press = 0; press < phrase.length; press += 1) {
    await page.keyboard.press("Shift+ArrowRight");
  }
  await expectSelection(page, phrase);
  await pressTabUntil(page, () => document.activeElement?.textContent === "Tag selection", 80);
  await page.keyboard.press("Enter");
  const popover = page.getByRole("dialog", { name: "Tag this passage" });
  await expect(popover.locator("blockquote")).toHaveText(phrase);
  await popover.getByRole("button", { name: "Save highlight" }).click();
  await expect(page.getByTestId("annotator-status")).toHaveText("Highlight saved.");

  const row = await db().annotation.findFirstOrThrow({ where: { documentId: article.id } });
  expect(row.exact).toBe(phrase);
  await page.reload();
  // One highlight, painted as one run per paragraph: both runs carry its id (and only it),
  // and together they hold the whole phrase.
  const marks = page.locator("mark[data-ids]");
  await expect(marks).toHaveCount(2);
  expect(
    await marks.evaluateAll((all) => all.map((mark) => mark.getAttribute("data-ids"))),
  ).toEqual([row.id, row.id]);
  expect((await marks.allTextContents()).join("")).toBe(phrase);
});
