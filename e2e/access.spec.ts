import { expect, test } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, labelId, makeDocument, makeUser, makeWorkspace } from "./support/db";
import { highlightFor, selectWithMouse } from "./support/reader";

async function setUpClass() {
  const [owner, classmate, viewer, outsider] = await Promise.all([
    makeUser("Olive Owner"),
    makeUser("Cal Classmate"),
    makeUser("Vic Viewer"),
    makeUser("Otto Outsider"),
  ]);
  const workspace = await makeWorkspace([
    { userId: owner.id, role: "OWNER" },
    { userId: classmate.id, role: "ANNOTATOR" },
    { userId: viewer.id, role: "VIEWER" },
  ]);
  await makeWorkspace([{ userId: outsider.id, role: "OWNER" }]);
  const document = await makeDocument(
    workspace.id,
    owner.id,
    "Shared article",
    "The minister hailed a historic victory for ordinary families.",
  );
  return { owner, classmate, viewer, outsider, workspace, document };
}

test("[access] another member sees a highlight; a viewer cannot add one; an outsider gets not found for page and API", async ({
  browser,
}) => {
  const { owner, classmate, viewer, outsider, workspace, document } = await setUpClass();
  const path = `/workspaces/${workspace.id}/documents/${document.id}`;

  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signInViaApi(ownerPage.request, owner.email, owner.password);
  await ownerPage.goto(path);
  await selectWithMouse(ownerPage, "historic victory");
  await ownerPage
    .getByRole("dialog")
    .getByRole("checkbox", { name: "Exaggeration or minimisation" })
    .check();
  await ownerPage.getByRole("dialog").getByRole("button", { name: "Save highlight" }).click();
  await expect(ownerPage.getByTestId("annotator-status")).toHaveText("Highlight saved.");

  const classmateContext = await browser.newContext();
  const classmatePage = await classmateContext.newPage();
  await signInViaApi(classmatePage.request, classmate.email, classmate.password);
  await classmatePage.goto(path);
  await expect(highlightFor(classmatePage, "historic victory")).toBeVisible();
  const item = classmatePage.getByTestId("annotation-item").filter({ hasText: "historic victory" });
  await expect(item).toContainText("Olive Owner");
  await expect(item.getByRole("button", { name: /Edit|Delete/ })).toHaveCount(0);

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await signInViaApi(viewerPage.request, viewer.email, viewer.password);
  await viewerPage.goto(path);
  await expect(highlightFor(viewerPage, "historic victory")).toBeVisible();
  await selectWithMouse(viewerPage, "ordinary families");
  await expect(viewerPage.getByRole("dialog")).toHaveCount(0);
  await expect(viewerPage.getByTestId("annotator-status")).toContainText(
    "read highlights but not add them",
  );

  const outsiderContext = await browser.newContext();
  const outsiderPage = await outsiderContext.newPage();
  await signInViaApi(outsiderPage.request, outsider.email, outsider.password);
  const pageResponse = await outsiderPage.goto(path);
  expect(pageResponse?.status()).toBe(404);
  await expect(outsiderPage.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect((await outsiderPage.goto(`/workspaces/${workspace.id}`))?.status()).toBe(404);

  const apiList = await outsiderPage.request.get(`/api/v1/documents/${document.id}/annotations`);
  expect(apiList.status()).toBe(404);
  const apiDocument = await outsiderPage.request.get(`/api/v1/documents/${document.id}`);
  expect(apiDocument.status()).toBe(404);
  const apiCreate = await outsiderPage.request.post(
    `/api/v1/documents/${document.id}/annotations`,
    {
      data: { start: 4, end: 12, exact: "minister" },
    },
  );
  expect(apiCreate.status()).toBe(404);
  expect(await db().annotation.count({ where: { documentId: document.id } })).toBe(1);

  await Promise.all([
    ownerContext.close(),
    classmateContext.close(),
    viewerContext.close(),
    outsiderContext.close(),
  ]);
});

test("[api] bad input gets a clear 4xx and writes nothing", async ({ page, request }) => {
  const { classmate, workspace, document } = await setUpClass();
  await signInViaApi(page.request, classmate.email, classmate.password);
  const url = `/api/v1/documents/${document.id}/annotations`;
  const before = await db().annotation.count({ where: { documentId: document.id } });

  const malformed = await page.request.post(url, {
    data: Buffer.from("{not json"),
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toMatch(/not valid JSON/);

  const outside = await page.request.post(url, { data: { start: 50, end: 500, exact: "x" } });
  expect(outside.status()).toBe(422);
  expect((await outside.json()).error.message).toMatch(/end of the text/);

  const mismatch = await page.request.post(url, {
    data: { start: 4, end: 12, exact: "minister!" },
  });
  expect(mismatch.status()).toBe(422);

  const unknownLabel = await page.request.post(url, {
    data: { start: 4, end: 12, exact: "minister", labelIds: ["nosuchlabel"] },
  });
  expect(unknownLabel.status()).toBe(422);
  expect((await unknownLabel.json()).error.message).toMatch(/Unknown label/);

  const wrongType = await page.request.post(url, {
    data: { start: "4", end: 12, exact: "minister" },
  });
  expect(wrongType.status()).toBe(422);

  const malformedId = await page.request.get("/api/v1/documents/..%2F..%2Fetc/annotations");
  expect(malformedId.status()).toBe(404);

  expect(await db().annotation.count({ where: { documentId: document.id } })).toBe(before);

  const good = await page.request.post(url, {
    data: {
      start: 4,
      end: 12,
      exact: "minister",
      labelIds: [await labelId(workspace.id, "stance", "supportive")],
    },
  });
  expect(good.status()).toBe(201);

  const ownersOwn = await page.request.delete(
    `/api/v1/annotations/${(await good.json()).annotation.id}`,
  );
  expect(ownersOwn.status()).toBe(204);

  // The standalone request fixture carries no session cookie.
  const signedOut = await request.get(url);
  expect(signedOut.status()).toBe(401);
});

test("[forms] a refused form keeps what the person typed and says what is wrong", async ({
  page,
}) => {
  const { owner, workspace } = await setUpClass();
  await signInViaApi(page.request, owner.email, owner.password);

  await page.goto(`/workspaces/${workspace.id}/documents/new`);
  await page.getByLabel("Text", { exact: true }).fill("An article body that must not be lost.");
  await page.getByLabel("Source URL (optional)").fill("ftp://example.org/file");
  await page.getByRole("button", { name: "Save article" }).click();

  await expect(page.getByText("Give the article a title.")).toBeVisible();
  await expect(page.getByText("The source URL must start with http:// or https://")).toBeVisible();
  await expect(page.getByLabel("Text", { exact: true })).toHaveValue(
    "An article body that must not be lost.",
  );
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  expect(await db().document.count({ where: { workspaceId: workspace.id } })).toBe(1);
});

test("[auth] the real sign-in form: a wrong password gets one neutral message, the right one signs in", async ({
  page,
}) => {
  const user = await makeUser("Sid Signin");

  await page.goto("/workspaces");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.org`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});
