// npm test — every check and suite, then one line "N passed, N failed" summing them all.
// `--only <suite>` runs one (typecheck, lint, unit, integration, e2e).
// One Postgres server serves every suite (embedded unless TEST_DATABASE_URL is set);
// each suite gets its own fresh database, dropped afterwards, never the demo data.
import { randomBytes } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";

import { findChromium } from "./lib/chromium";
import { run, type Env, type RunResult } from "./lib/run-command";
import { startNextServer } from "./lib/next-server";
import { acquireTestPostgres, type TestPostgres } from "./lib/test-postgres";

type Count = { passed: number; failed: number; skipped: number };
type Suite = { name: string; run: (context: Context) => Promise<Count> };
type Context = { postgres: () => Promise<TestPostgres> };

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
// Separate folders per run let several checkouts' runs (or helpers) share a machine.
const reports = path.join(root, ".framewise", "test-reports", String(process.pid));

function say(message: string) {
  console.log(`\n[test] ${message}`);
}

function check(result: RunResult): Count {
  return { passed: result.code === 0 ? 1 : 0, failed: result.code === 0 ? 0 : 1, skipped: 0 };
}

// Vitest's JSON report: counts per test, and a failed run with no report counts as one failure.
async function readVitestReport(file: string, result: RunResult): Promise<Count> {
  try {
    const report = JSON.parse(await readFile(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      numFailedTestSuites: number;
    };
    const brokenFiles = report.numFailedTests === 0 ? report.numFailedTestSuites : 0;
    const failed =
      report.numFailedTests +
      brokenFiles +
      (result.code !== 0 && report.numFailedTests + brokenFiles === 0 ? 1 : 0);
    return {
      passed: report.numPassedTests,
      failed,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

async function runVitest(project: "unit" | "integration", env: Env = {}): Promise<Count> {
  const file = path.join(reports, `vitest-${project}.json`);
  await rm(file, { force: true });
  const result = await run(
    bin("vitest"),
    [
      "run",
      "--project",
      project,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${file}`,
    ],
    env,
  );
  return readVitestReport(file, result);
}

type PlaywrightStats = { expected: number; unexpected: number; flaky: number; skipped: number };

async function runPlaywright(context: Context): Promise<Count> {
  const chromium = await findChromium();
  if (!chromium.ok) {
    console.error(`[test] ${chromium.message}`);
    return { passed: 0, failed: 1, skipped: 0 };
  }

  const postgres = await context.postgres();
  const databaseUrl = await postgres.createDatabase("framewise_e2e");
  const distDir = process.env.FRAMEWISE_E2E_DIST_DIR ?? ".next-e2e";
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    FRAMEWISE_DIST_DIR: distDir,
    FRAMEWISE_SKIP_BUILD_TYPECHECK: "1",
    // Lets the URL-import tests fetch pages from a server the test runs on this machine.
    FRAMEWISE_FETCH_ALLOW_HOSTS: "127.0.0.1",
    FRAMEWISE_CHROMIUM: chromium.executablePath ?? "",
  };

  try {
    say("Building the app for the browser tests (production build)…");
    const build = await run(bin("next"), ["build"], { ...env, NODE_ENV: "production" });
    if (build.code !== 0) {
      console.error("[test] The production build failed; no browser test ran.");
      return { passed: 0, failed: 1, skipped: 0 };
    }

    const server = await startNextServer({ env });
    try {
      const file = path.join(reports, "playwright.json");
      await rm(file, { force: true });
      // Arguments after `--` go to Playwright (a spec file, --grep …).
      const separator = process.argv.indexOf("--");
      const extra = separator >= 0 ? process.argv.slice(separator + 1) : [];
      const result = await run(bin("playwright"), ["test", ...extra], {
        ...env,
        E2E_BASE_URL: server.url,
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
      });
      try {
        const { stats } = JSON.parse(await readFile(file, "utf8")) as { stats: PlaywrightStats };
        const failed = stats.unexpected + (result.code !== 0 && stats.unexpected === 0 ? 1 : 0);
        return { passed: stats.expected + stats.flaky, failed, skipped: stats.skipped };
      } catch {
        return { passed: 0, failed: 1, skipped: 0 };
      }
    } finally {
      await server.stop();
    }
  } finally {
    await postgres.dropDatabase(databaseUrl);
  }
}

const suites: Suite[] = [
  { name: "typecheck", run: async () => check(await run(bin("tsc"), ["--noEmit"])) },
  { name: "lint", run: async () => check(await run(bin("eslint"), [".", "--max-warnings", "0"])) },
  { name: "unit", run: () => runVitest("unit") },
  {
    name: "integration",
    run: async (context) =>
      runVitest("integration", { FRAMEWISE_TEST_ADMIN_URL: (await context.postgres()).adminUrl }),
  },
  { name: "e2e", run: runPlaywright },
];

async function main() {
  const onlyIndex = process.argv.indexOf("--only");
  const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
  const selected = only ? suites.filter((suite) => suite.name === only) : suites;

  if (selected.length === 0) {
    console.error(
      `[test] Unknown suite "${only}". Suites: ${suites.map((suite) => suite.name).join(", ")}.`,
    );
    process.exit(2);
  }

  let postgres: Promise<TestPostgres> | undefined;
  const context: Context = {
    postgres: () =>
      (postgres ??= acquireTestPostgres((message) => console.log(`[test-postgres] ${message}`))),
  };

  const total: Count = { passed: 0, failed: 0, skipped: 0 };
  const lines: string[] = [];
  const started = Date.now();

  try {
    for (const suite of selected) {
      say(`${suite.name}…`);
      const suiteStarted = Date.now();
      let count: Count;
      try {
        count = await suite.run(context);
      } catch (error) {
        console.error(`[test] ${suite.name} could not run:`, error);
        count = { passed: 0, failed: 1, skipped: 0 };
      }
      total.passed += count.passed;
      total.failed += count.failed;
      total.skipped += count.skipped;
      const seconds = Math.round((Date.now() - suiteStarted) / 1000);
      lines.push(
        `  ${suite.name.padEnd(12)} ${count.passed} passed, ${count.failed} failed${count.skipped ? `, ${count.skipped} skipped` : ""} (${seconds}s)`,
      );
    }
  } finally {
    if (postgres) {
      await (await postgres).release();
    }
    await rm(reports, { recursive: true, force: true });
  }

  console.log(
    `\n[test] Summary (${Math.round((Date.now() - started) / 1000)}s):\n${lines.join("\n")}`,
  );
  console.log(
    `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
  );
  process.exit(total.failed === 0 ? 0 : 1);
}

void main();
