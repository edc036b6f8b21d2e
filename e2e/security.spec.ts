import { expect, test } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { makeDocument, makeUser, makeWorkspace } from "./support/db";

test("[security] pages carry a per-request nonce CSP, and injected markup in content never runs", async ({
  page,
}) => {
  const user = await makeUser("Xena <img src=x onerror=alert(1)>");
  const workspace = await makeWorkspace(
    [{ userId: user.id, role: "OWNER" }],
    "<script>alert(2)</script>",
  );
  const article = await makeDocument(
    workspace.id,
    user.id,
    `"><svg onload=alert(3)>`,
    `Body <script>window.__pwned = true</script> and <img src=x onerror="window.__pwned=true">.`,
  );
  await signInViaApi(page.request, user.email, user.password);

  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs += 1;
    void dialog.dismiss();
  });
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));

  const first = await page.goto(`/workspaces/${workspace.id}/documents/${article.id}`);
  const policy = first?.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);

  // The text is shown as text, and nothing in it ran.
  await expect(page.getByTestId("reader-text")).toContainText(
    "<script>window.__pwned = true</script>",
  );
  await expect(page.getByRole("heading", { name: `"><svg onload=alert(3)>` })).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned),
  ).toBeUndefined();

  // A second request gets a different nonce.
  const second = await page.reload();
  const nextNonce = /'nonce-([^']+)'/.exec(second?.headers()["content-security-policy"] ?? "")?.[1];
  expect(nextNonce).toBeTruthy();
  expect(nextNonce).not.toBe(nonce);

  await page.goto(`/workspaces/${workspace.id}`);
  await expect(page.getByRole("heading", { name: "<script>alert(2)</script>" })).toBeVisible();
  expect(dialogs).toBe(0);
  // Nothing was fetched from anywhere but the app (the injected <img src=x> included).
  const origin = new URL(page.url()).origin;
  expect(requested.filter((url) => !url.startsWith(origin))).toEqual([]);
});
