// Runs a Python 3 script (standard library only) as an independent reader of an export,
// so offsets are checked by a language that slices strings by code point.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { onTestFinished } from "vitest";

export function runPython(script: string, args: string[]): unknown {
  const result = spawnSync("python3", ["-c", script, ...args], {
    encoding: "utf8",
    env: { ...process.env, PYTHONUTF8: "1", PYTHONIOENCODING: "utf-8" },
    timeout: 30_000,
  });

  if (result.error) {
    throw result.error;
  }
  if (result.status !== 0) {
    throw new Error(`python3 failed (${result.status}):\n${result.stderr}`);
  }

  return JSON.parse(result.stdout) as unknown;
}

// A scratch directory for one test, removed when the test finishes.
export function createTempDir(prefix: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(directory, { recursive: true, force: true }));
  return directory;
}
