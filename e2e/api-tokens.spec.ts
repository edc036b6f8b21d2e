import { createHash } from "node:crypto";

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequest, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, makeDocument, makeUser, makeWorkspace } from "./support/db";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function setUp() {
  const [person, colleague] = await Promise.all([
    makeUser("Tess Tokenmaker"),
    makeUser("Olga Otherdesk"),
  ]);
  const newsroom = await makeWorkspace(
    [{ userId: person.id, role: "ANNOTATOR" }],
    `Newsroom ${person.id.slice(-5)}`,
  );
  // The person may read the other workspace with their session, never with a token
  // made for the newsroom.
  const archive = await makeWorkspace(
    [
      { userId: colleague.id, role: "OWNER" },
      { userId: person.id, role: "VIEWER" },
    ],
    `Archive ${person.id.slice(-5)}`,
  );
  const document = await makeDocument(
    newsroom.id,
    person.id,
    "Tram line approved",
    "The minister hailed a historic victory for ordinary families.",
  );
  const archived = await makeDocument(
    archive.id,
    colleague.id,
    "Old story",
    "An archived story about the harbour.",
  );
  return { person, newsroom, archive, document, archived };
}

async function apiWithToken(request: APIRequest, baseURL: string | undefined, secret: string) {
  // A fresh context: no cookies, only the token.
  return request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${secret}` },
  });
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
}

async function readSecret(page: Page) {
  const secret = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(secret).toMatch(/^fw_[A-Za-z0-9_-]{43}$/);
  return secret;
}

test("[api-tokens] create a token by keyboard, copy it, use it, see 403/404, revoke it and get 401", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { person, newsroom, archive, document, archived } = await setUp();
  await signInViaApi(page.request, person.email, person.password);
  await page.goto("/workspaces");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expect(page.getByText("You have no API tokens yet.")).toBeVisible();

  // Keyboard: name, workspace, scope (arrow keys in the radio group), expiry, Enter.
  await page.getByLabel("Name").focus();
  await page.keyboard.type("Nightly sync");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Workspace", { exact: true })).toBeFocused();
  await page
    .getByLabel("Workspace", { exact: true })
    .selectOption({ label: `${newsroom.name} (annotator)` });
  await page.keyboard.press("Tab");
  await expect(page.getByRole("radio", { name: /Read only/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /Read and write/ })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Expires after (days, optional)")).toBeFocused();
  await page.keyboard.type("30");
  await page.keyboard.press("Enter");

  const heading = page.getByRole("heading", { name: "Copy your new token now" });
  await expect(heading).toBeFocused();
  await expect(page.getByText(/This is the only time “Nightly sync” is shown/)).toBeVisible();

  // Mouse: the copy button puts the secret on the clipboard.
  await page.getByRole("button", { name: "Copy token" }).click();
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  const secret = await page.evaluate(() => navigator.clipboard.readText());
  expect(secret).toBe(await readSecret(page));

  await expectNoSeriousAxeViolations(page);

  const row = page.getByTestId("api-token-row").filter({ hasText: "Nightly sync" });
  await expect(row).toContainText(newsroom.name);
  await expect(row).toContainText("Read and write");
  await expect(row).toContainText(secret.slice(0, 11));
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText(secret);

  // Only the hash is stored.
  const stored = await db().apiToken.findFirstOrThrow({
    where: { userId: person.id, name: "Nightly sync" },
  });
  expect(stored.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
  expect(stored.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);

  // The secret is shown once: after "I have stored it" and after a reload it is gone.
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(page.getByLabel("Token", { exact: true })).toHaveCount(0);

  const api = await apiWithToken(playwright.request, baseURL, secret);
  try {
    const list = await api.get(`/api/v1/workspaces/${newsroom.id}/documents?limit=10`);
    expect(list.status()).toBe(200);
    const listed = (await list.json()) as { items: { id: string; title: string }[] };
    expect(listed).toMatchObject({
      items: [{ id: document.id, title: "Tram line approved" }],
      nextCursor: null,
    });

    const created = await api.post(`/api/v1/documents/${document.id}/annotations`, {
      data: { start: 4, end: 12, exact: "minister", comment: "Made through the API" },
    });
    expect(created.status()).toBe(201);
    const { annotation } = (await created.json()) as { annotation: { id: string } };
    const saved = await db().annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    expect(saved).toMatchObject({ authorId: person.id, comment: "Made through the API" });

    // Another workspace's resources do not exist for this token.
    const otherList = await api.get(`/api/v1/workspaces/${archive.id}/documents`);
    expect(otherList.status()).toBe(404);
    expect(((await otherList.json()) as { error: { message: string } }).error.message).toBe(
      "This workspace was not found, or you do not have access to it.",
    );
    expect((await api.get(`/api/v1/documents/${archived.id}`)).status()).toBe(404);
    // …while the same person's session can read it.
    expect((await page.request.get(`/api/v1/documents/${archived.id}`)).status()).toBe(200);

    // The list shows when the token was last used.
    await page.reload();
    await expect(
      page.getByTestId("api-token-row").filter({ hasText: "Nightly sync" }),
    ).not.toContainText("Never");

    // Keyboard: open the confirmation, Escape cancels and keeps the token.
    const revoke = page.getByRole("button", { name: "Revoke Nightly sync" });
    await revoke.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Revoke “Nightly sync”?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    expect((await api.get("/api/v1/workspaces")).status()).toBe(200);

    // Mouse: revoke for real.
    await revoke.click();
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "was revoked" })).toHaveText(
      "The token “Nightly sync” was revoked. Programs using it now get 401.",
    );
    await expect(
      page.getByTestId("api-token-row").filter({ hasText: "Nightly sync" }),
    ).toContainText("Revoked");

    const refused = await api.get(`/api/v1/workspaces/${newsroom.id}/documents`);
    expect(refused.status()).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /^This API token was revoked on \d{4}-\d\d-\d\d \d\d:\d\d UTC\./,
    );
  } finally {
    await api.dispose();
  }
});

test("[api-tokens] a read-only token reads but cannot write; bad form input keeps what was typed", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { person, newsroom, archive, document } = await setUp();
  await signInViaApi(page.request, person.email, person.password);
  await page.goto("/settings/tokens");

  // Nothing typed: the name is required.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Give the token a name, such as the script")).toBeVisible();

  // A viewer cannot make a read-write token for that workspace; the form keeps its values.
  await page.getByLabel("Name").fill("Archive writer");
  await page
    .getByLabel("Workspace", { exact: true })
    .selectOption({ label: `${archive.name} (viewer)` });
  await page.getByRole("radio", { name: /Read and write/ }).check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(`You are a viewer in ${archive.name}`)).toBeVisible();
  await expect(page.getByText(/Viewers can only create read-only tokens/).first()).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Archive writer");
  await expect(page.getByLabel("Workspace", { exact: true })).toHaveValue(archive.id);
  await expect(page.getByRole("radio", { name: /Read and write/ })).toBeChecked();
  expect(await db().apiToken.count({ where: { userId: person.id } })).toBe(0);

  // An expiry out of range gets its own message.
  await page
    .getByLabel("Workspace", { exact: true })
    .selectOption({ label: `${newsroom.name} (annotator)` });
  await page.getByRole("radio", { name: /Read only/ }).check();
  await page.getByLabel("Name").fill("Reader");
  await page.getByLabel("Expires after (days, optional)").fill("1000");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText(/A token can last at most 365 days/)).toBeVisible();
  await expect(page.getByLabel("Workspace", { exact: true })).toHaveValue(newsroom.id);
  await expect(page.getByLabel("Name")).toHaveValue("Reader");
  await expect(page.getByLabel("Expires after (days, optional)")).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  await page.getByLabel("Expires after (days, optional)").fill("");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = await readSecret(page);
  await expect(page.getByTestId("api-token-row").filter({ hasText: "Reader" })).toContainText(
    "Read only",
  );

  const api = await apiWithToken(playwright.request, baseURL, secret);
  try {
    expect((await api.get(`/api/v1/documents/${document.id}/annotations`)).status()).toBe(200);

    const workspaces = await api.get("/api/v1/workspaces");
    expect(((await workspaces.json()) as { items: { id: string }[] }).items).toEqual([
      expect.objectContaining({ id: newsroom.id, role: "ANNOTATOR" }),
    ]);

    const write = await api.post(`/api/v1/documents/${document.id}/annotations`, {
      data: { start: 4, end: 12, exact: "minister" },
    });
    expect(write.status()).toBe(403);
    expect(((await write.json()) as { error: { message: string } }).error.message).toMatch(
      /This API token is read-only \(scope READ\)/,
    );
    expect(await db().annotation.count({ where: { documentId: document.id } })).toBe(0);

    const garbage = await api.get("/api/v1/workspaces", {
      headers: { Authorization: "Bearer fw_not-a-real-token" },
    });
    expect(garbage.status()).toBe(401);
  } finally {
    await api.dispose();
  }
});

test("[api-tokens] the API docs list every endpoint with a curl example; the OpenAPI JSON is public", async ({
  page,
  playwright,
  baseURL,
}) => {
  const { person } = await setUp();
  await signInViaApi(page.request, person.email, person.password);
  await page.goto("/settings/tokens");
  await page.getByRole("link", { name: "Read the API documentation" }).click();
  await expect(page.getByRole("heading", { name: "Framewise API", level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const response = await anonymous.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(document.openapi).toBe("3.1.0");

    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const card = page.locator(`article#${operation.operationId}`);
        await expect(card.getByRole("heading", { level: 3 })).toContainText(method);
        await expect(card.getByRole("heading", { level: 3 })).toContainText(path);
        await expect(card.locator("pre")).toContainText("$FRAMEWISE_URL");
      }
    }
  } finally {
    await anonymous.dispose();
  }

  const listCard = page.locator("article#listDocuments");
  await expect(listCard.locator("pre")).toContainText(
    '-H "Authorization: Bearer $FRAMEWISE_TOKEN"',
  );
  await expect(listCard.getByRole("row", { name: /limit/ })).toContainText("1 to 100");
  await listCard.getByRole("link", { name: "DocumentPage" }).click();
  await expect(page.locator("#schema-DocumentPage")).toBeInViewport();
});
