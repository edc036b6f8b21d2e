// npx tsx scripts/generate-common-passwords.ts — rebuilds lib/auth/common-passwords.json, the
// bundled list of common passwords that sign-up and password changes refuse.
//
// Source: the `passwords.json` frequency list of @zxcvbn-ts/language-common (MIT licence,
// Copyright (c) 2012-2016 Dan Wheeler and Dropbox, Inc.; (c) 2021 @zxcvbn-ts), itself built
// from leaked-password corpora, most common first. It is copied rather than depended on so the
// app adds no runtime dependency. `npm pack` fetches the tarball from the npm registry.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { commonPasswordMinLength } from "@/lib/auth/common-password-source";

const pkg = "@zxcvbn-ts/language-common@4.1.3";
const output = path.resolve(import.meta.dirname, "..", "lib", "auth", "common-passwords.json");

async function main() {
  const folder = await mkdtemp(path.join(os.tmpdir(), "framewise-passwords-"));
  try {
    const tarball = execFileSync("npm", ["pack", pkg, "--silent"], {
      cwd: folder,
      encoding: "utf8",
    }).trim();
    execFileSync("tar", ["xzf", tarball, "package/src/passwords.json", "package/LICENSE.txt"], {
      cwd: folder,
    });
    const all = JSON.parse(
      await readFile(path.join(folder, "package", "src", "passwords.json"), "utf8"),
    ) as unknown;
    if (!Array.isArray(all) || !all.every((entry) => typeof entry === "string")) {
      throw new Error(`${pkg} has no list of strings in src/passwords.json`);
    }

    // Shorter ones are refused by the length rule anyway; keeping them would only add weight.
    const seen = new Set<string>();
    const kept: string[] = [];
    for (const entry of all as string[]) {
      const normalised = entry.toLowerCase();
      if (normalised.length >= commonPasswordMinLength && !seen.has(normalised)) {
        seen.add(normalised);
        kept.push(normalised);
      }
    }

    const lines = kept.map((entry) => `  ${JSON.stringify(entry)}`).join(",\n");
    await writeFile(output, `[\n${lines}\n]\n`);
    console.log(`Wrote ${kept.length} of ${all.length} passwords from ${pkg} to ${output}`);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
