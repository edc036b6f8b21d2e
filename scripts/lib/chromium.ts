// Finds a Chromium for Playwright: Debian's package when installed (Playwright cannot
// download browsers on every machine), else Playwright's own, fetched once if missing.
import { existsSync } from "node:fs";
import path from "node:path";

import { chromium } from "@playwright/test";

import { run } from "./run-command";

export const debianChromium = "/usr/bin/chromium";

export type ChromiumLookup =
  { ok: true; executablePath: string | null } | { ok: false; message: string };

export async function findChromium(): Promise<ChromiumLookup> {
  if (existsSync(debianChromium)) {
    return { ok: true, executablePath: debianChromium };
  }

  if (existsSync(chromium.executablePath())) {
    return { ok: true, executablePath: null };
  }

  console.log("[test] No Chromium found; downloading Playwright's Chromium once…");
  const result = await run(path.join(process.cwd(), "node_modules", ".bin", "playwright"), [
    "install",
    "chromium",
  ]);
  if (result.code === 0 && existsSync(chromium.executablePath())) {
    return { ok: true, executablePath: null };
  }

  return {
    ok: false,
    message:
      "No Chromium for the browser tests, and Playwright could not download its own. Install one and run npm test again: " +
      "on Debian or Ubuntu `sudo apt-get install chromium` (used from /usr/bin/chromium); elsewhere, with internet access, `npx playwright install chromium`.",
  };
}
