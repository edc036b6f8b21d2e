import { existsSync } from "node:fs";

import { defineConfig, devices } from "@playwright/test";

// Run through `npm run test:e2e` (scripts/test.ts), which builds the app, starts it on a
// fresh database and passes its address here.
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL) {
  throw new Error(
    "E2E_BASE_URL is not set: run the browser tests with `npm run test:e2e`, which starts the app for them.",
  );
}

// Debian's chromium when present (Playwright cannot download browsers on every machine).
const executablePath =
  process.env.FRAMEWISE_CHROMIUM ||
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.FRAMEWISE_E2E_OUTPUT_DIR ?? "test-results",
  globalSetup: "./e2e/support/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
});
