import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import { run, type Env } from "../../scripts/lib/run-command";
import { computeSourceHash } from "../../scripts/lib/source-hash";

// The benchmark's own production build. It lives under .framewise/ rather than in a
// top-level .next-bench/: .framewise is already ignored by git, ESLint, Prettier and tsc,
// so a build there never shows up in anyone's lint, format or typecheck run.
export const benchDistDir = path.join(".framewise", "next-bench");

const root = process.cwd();

// Puts tsconfig.json back as it was before the build, but only when the build's own
// include entries are the whole difference: another checkout's build or edit meanwhile
// is left alone.
async function undoTsconfigEdit(file: string, before: string, log: (message: string) => void) {
  const after = await readFile(file, "utf8");
  if (after === before) {
    return;
  }

  try {
    type Tsconfig = { include?: string[] };
    const parsed = JSON.parse(after) as Tsconfig;
    const withoutOurs = {
      ...parsed,
      include: parsed.include?.filter((entry) => !entry.startsWith(`${benchDistDir}/`)),
    };
    if (JSON.stringify(withoutOurs) === JSON.stringify(JSON.parse(before) as Tsconfig)) {
      await writeFile(file, before);
      return;
    }
  } catch {
    // Not plain JSON: leave it.
  }
  log(
    `tsconfig.json changed during the build in more than the bench's own lines; left as it is (check \`git diff tsconfig.json\`).`,
  );
}

// Builds unless the last bench build was made from the same sources (the hash `npm start`
// uses). `next build` adds its dist folder's types to tsconfig.json; that edit is undone,
// as the repository's tsconfig is not the bench's to change.
export async function buildAppIfStale(env: Env, log: (message: string) => void): Promise<void> {
  const stamp = path.join(root, benchDistDir, "framewise-source-hash");
  const hash = await computeSourceHash(root);
  const previous = (await readFile(stamp, "utf8").catch(() => "")).trim();

  if (previous === hash && existsSync(path.join(root, benchDistDir, "BUILD_ID"))) {
    log(`The build in ${benchDistDir} is current; not rebuilding.`);
    return;
  }

  log(`Building the app into ${benchDistDir} (production build; a few minutes on 2 cores)…`);
  const tsconfigPath = path.join(root, "tsconfig.json");
  const tsconfig = await readFile(tsconfigPath, "utf8");
  const started = Date.now();
  const result = await run(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    ...env,
    NODE_ENV: "production",
    FRAMEWISE_DIST_DIR: benchDistDir,
    FRAMEWISE_SKIP_BUILD_TYPECHECK: "1",
  });

  await undoTsconfigEdit(tsconfigPath, tsconfig, log);

  if (result.code !== 0) {
    throw new Error("The production build failed; see the messages above.");
  }
  await writeFile(stamp, hash);
  log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
