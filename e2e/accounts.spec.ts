import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { signInViaApi } from "./support/auth";
import { db, makeUser } from "./support/db";

// Each browser context is one signed-in browser (one session).
async function signedInPage(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  await signInViaApi(context.request, email, password);
  return context.newPage();
}

// Signs in with the real form, keyboard only.
async function signInWithKeyboard(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
}

// Tab from the current focus until `target` has it (at most 40 presses).
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>) {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error("Could not reach the control with Tab.");
}

test("[accounts] the account page lists both browsers and ending the other signs it out on its next page", async ({
  browser,
  page,
}) => {
  // Several browsers, each signing in (argon2 on a shared 2-core machine).
  test.setTimeout(120_000);
  const user = await makeUser("Sam Sessions");
  const other = await signedInPage(browser, user.email, user.password);
  await other.goto("/workspaces");
  await expect(other.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  await signInWithKeyboard(page, user.email, user.password);
  const accountLink = page.getByRole("link", { name: "Account" });
  await accountLink.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();

  const rows = page.getByTestId("session-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "This session" })).toHaveCount(1);
  await expect(rows.first()).toContainText("This session");
  await expect(rows.nth(1)).toContainText(/Chrome on /);

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

  const endButton = page.getByRole("button", { name: /^End session:/ });
  await tabTo(page, endButton);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "The session was ended" })).toBeFocused();
  await expect(rows).toHaveCount(1);
  await expect(page.getByText("You are signed in nowhere else.")).toBeVisible();

  await other.goto("/workspaces");
  await expect(other).toHaveURL(/\/sign-in/);
  const apiAnswer = await other.request.get("/api/v1/workspaces");
  expect(apiAnswer.status()).toBe(401);

  // This browser is still signed in.
  await page.goto("/workspaces");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await other.context().close();
});

test("[accounts] changing the password refuses a common one, then ends every other session", async ({
  browser,
  page,
}) => {
  // Several browsers, each signing in (argon2 on a shared 2-core machine).
  test.setTimeout(120_000);
  const user = await makeUser("Pat Password");
  const laptop = await signedInPage(browser, user.email, user.password);
  const phone = await signedInPage(browser, user.email, user.password);

  await signInWithKeyboard(page, user.email, user.password);
  await page.goto("/settings/account");
  await expect(page.getByTestId("session-row")).toHaveCount(3);

  await page.getByLabel("Current password").focus();
  await page.keyboard.type(user.password);
  await page.keyboard.press("Tab");
  await page.keyboard.type("1234567890");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("New password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/on a list of common passwords/).first()).toBeVisible();

  const newPassword = "tangerine kettle orbit";
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("New password").press("Enter");
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Your password was changed. 2 other sessions were ended." }),
  ).toBeFocused();
  await expect(page.getByTestId("session-row")).toHaveCount(1);

  for (const stale of [laptop, phone]) {
    await stale.goto("/workspaces");
    await expect(stale).toHaveURL(/\/sign-in/);
  }
  await page.goto("/workspaces");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  const events = await db().auditEvent.count({
    where: { actorId: user.id, action: "user.password.change" },
  });
  expect(events).toBe(1);

  // The old password no longer signs in; the new one does.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await signInWithKeyboard(page, user.email, newPassword);
  await laptop.context().close();
  await phone.context().close();
});

test("[accounts] signing out ends the session, so a copied cookie no longer works", async ({
  browser,
  page,
}) => {
  const user = await makeUser("Cody Cookie");
  await signInWithKeyboard(page, user.email, user.password);
  const cookies = await page.context().cookies();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const replayed = await replay.newPage();
  await replayed.goto("/workspaces");
  await expect(replayed).toHaveURL(/\/sign-in/);
  await replay.close();

  const sessions = await db().userSession.findMany({
    where: { userId: user.id },
    select: { revokedAt: true },
  });
  expect(sessions).toHaveLength(1);
  expect(sessions[0]?.revokedAt).not.toBeNull();
});
