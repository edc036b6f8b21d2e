// A hash over everything `next build` reads, to rebuild only when sources changed.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

const folders = ["app", "components", "lib", "public", "types"];
const files = [
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const skip = new Set(["node_modules", ".next", "generated"]);

async function walk(folder: string, found: string[]) {
  if (!existsSync(folder)) {
    return;
  }
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (skip.has(entry.name)) {
      continue;
    }
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      await walk(full, found);
    } else if (!/\.test\.tsx?$/.test(entry.name)) {
      found.push(full);
    }
  }
}

export async function computeSourceHash(root: string): Promise<string> {
  const found: string[] = [];
  for (const folder of folders) {
    await walk(path.join(root, folder), found);
  }
  for (const file of files) {
    if (existsSync(path.join(root, file))) {
      found.push(path.join(root, file));
    }
  }

  const hash = createHash("sha256");
  for (const file of found.sort()) {
    hash.update(path.relative(root, file));
    hash.update("\0");
    hash.update(await readFile(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}
