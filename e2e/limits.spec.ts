import { expect, test, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, makeUser, makeWorkspace } from "./support/db";

// Server actions are limited to 5 MB a request (experimental.serverActions.bodySizeLimit in
// next.config.ts). A person who pastes more is told so by the form itself; a client that
// sends more anyway is cut off by Next.js before the action runs. Either way nothing is
// saved and the page goes on working.

const sixMegabytes = 6 * 1024 * 1024;
const sentence = "The council said the plan would be reviewed again next spring. ";
const hugeText = sentence.repeat(Math.ceil(sixMegabytes / sentence.length)).slice(0, sixMegabytes);
const article = "Officials said the plan was a reckless gamble with public money.";

async function openNewDocumentForm(page: Page) {
  const owner = await makeUser("Lena Limits");
  const workspace = await makeWorkspace([{ userId: owner.id, role: "OWNER" }]);
  await signInViaApi(page.request, owner.email, owner.password);
  await page.goto(`/workspaces/${workspace.id}/documents/new`);
  await expect(page.getByRole("heading", { name: "Add an article" })).toBeVisible();
  return workspace;
}

function countDocuments(workspaceId: string) {
  return db().document.count({ where: { workspaceId } });
}

async function saveArticle(page: Page, title: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Text", { exact: true }).fill(article);
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("reader-text")).toHaveText(article);
}

// One after the other: a 6 MB text box keeps a browser busy, and the server shares the CPU.
test.describe.configure({ mode: "default" });

test("[limits] a form action request past the body limit is refused before the action runs and writes nothing", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const workspace = await openNewDocumentForm(page);

  // One real submission (refused for its empty text, so nothing is saved) shows the
  // action's build-specific id and the body the form sends.
  await page.getByLabel("Title").fill("Sent by hand");
  const sent = page.waitForRequest(
    (request) => request.method() === "POST" && !!request.headers()["next-action"],
  );
  await page.getByRole("button", { name: "Save article" }).click();
  const request = await sent;
  await expect(page.getByText("Paste the article text.")).toBeVisible();
  const headers = request.headers();
  const body = request.postData() ?? "";
  const textField = /name="(_?\d+_)?text"\r\n\r\n/.exec(body);
  expect(textField, body).not.toBeNull();

  // The same request with 6 MB of text in the text field.
  const at = textField!.index + textField![0].length;
  const huge = body.slice(0, at) + hugeText + body.slice(at);
  expect(Buffer.byteLength(huge)).toBeGreaterThan(5 * 1024 * 1024);
  const response = await page.request.post(request.url(), {
    headers: {
      "next-action": headers["next-action"]!,
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      "content-type": headers["content-type"]!,
      accept: headers["accept"] ?? "text/x-component",
      origin: new URL(baseURL!).origin,
    },
    data: huge,
    maxRedirects: 0,
  });

  // The action answers its own refusals with 200 and a result; past the limit Next.js
  // refuses the request before the action runs ("Body exceeded 5mb limit", answered as
  // 500 for a fetch action by Next.js 16), and no document was made.
  expect(response.status()).toBeGreaterThanOrEqual(400);
  expect(await countDocuments(workspace.id)).toBe(0);

  // The same small request still works, and so does the page.
  const again = await page.request.post(request.url(), {
    headers: {
      "next-action": headers["next-action"]!,
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      "content-type": headers["content-type"]!,
      accept: headers["accept"] ?? "text/x-component",
      origin: new URL(baseURL!).origin,
    },
    data: body,
    maxRedirects: 0,
  });
  expect(again.status()).toBe(200);
  expect(await again.text()).toContain("Paste the article text.");

  await saveArticle(page, "Saved after the refusal");
  expect(await countDocuments(workspace.id)).toBe(1);
});

test("[limits] a pasted 6 MB article gets a clear message, nothing is saved, and the form still saves", async ({
  page,
}) => {
  const workspace = await openNewDocumentForm(page);

  test.setTimeout(240_000);
  await page.getByLabel("Title").fill("A whole book");
  // As a paste does: the whole text lands in the box at once, with one input event
  // (typing 6 MB key by key through fill() takes minutes).
  await page.getByLabel("Text", { exact: true }).evaluate((box, text) => {
    (box as HTMLTextAreaElement).value = text;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }, hugeText);
  await page.getByRole("button", { name: "Save article" }).click();

  await expect(page.getByText("The text is too long: at most 1,000,000 characters.")).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    page.getByRole("alert").filter({ hasText: "Please fix the highlighted fields." }),
  ).toBeVisible();
  // What was typed is still there to shorten, and nothing reached the database.
  await expect(page.getByLabel("Title")).toHaveValue("A whole book");
  expect(
    await page
      .getByLabel("Text", { exact: true })
      .evaluate((box) => (box as HTMLTextAreaElement).value.length),
  ).toBe(sixMegabytes);
  expect(await countDocuments(workspace.id)).toBe(0);

  await saveArticle(page, "A short article");
  expect(await countDocuments(workspace.id)).toBe(1);
});
