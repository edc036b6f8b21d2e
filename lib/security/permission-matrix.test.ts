import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { actionMatrix, matrixRoles, pageMatrix, routeMatrix } from "./permission-matrix";

// The matrix must list every page, every route method and every exported server action in
// the tree, so a new one cannot ship without someone deciding who may use it.

const root = path.resolve(import.meta.dirname, "../..");
const matrixFile = "lib/security/permission-matrix.ts";
const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const skipped = new Set(["node_modules", ".next", ".next-e2e", "generated", ".git", ".framewise"]);

function walk(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) {
      return skipped.has(entry.name) ? [] : walk(relative);
    }
    return [relative];
  });
}

// "app/(app)/workspaces/[workspaceId]/page.tsx" → "/workspaces/[workspaceId]".
function urlOf(file: string): string {
  const segments = path.posix
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((segment) => !/^\(.+\)$/.test(segment));
  return `/${segments.join("/")}`;
}

function routeMethods(source: string): string[] {
  return httpMethods.filter(
    (method) =>
      new RegExp(`export\\s+(?:async\\s+function|function|const)\\s+${method}\\b`).test(source) ||
      new RegExp(`export\\s*\\{[^}]*\\bas\\s+${method}\\b`).test(source),
  );
}

const appFiles = walk("app");
const pages = appFiles.filter((file) => file.endsWith("/page.tsx")).map(urlOf);
const routes = appFiles
  .filter((file) => file.endsWith("/route.ts"))
  .flatMap((file) =>
    routeMethods(readFileSync(path.join(root, file), "utf8")).map(
      (method) => `${method} ${urlOf(file)}`,
    ),
  );
const actions = [...appFiles, ...walk("lib"), ...walk("components")]
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .flatMap((file) => {
    const source = readFileSync(path.join(root, file), "utf8");
    if (!/^\s*["']use server["']/.test(source)) {
      return [];
    }
    return [...source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)].map(
      (match) => `${file}#${match[1]}`,
    );
  });

function missingMessage(kind: string, table: string, keys: string[], example: string) {
  return (
    `${keys.length} ${kind} without a permission-matrix entry. Add to \`${table}\` in ${matrixFile}, ` +
    `one line each, with the lowest role allowed (see pageRule/apiRule there):\n` +
    keys.map((key) => `  ${JSON.stringify(key)}: ${example},`).join("\n")
  );
}

describe("permission matrix", () => {
  it("found the tree (the walk itself works)", () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(routes.length).toBeGreaterThan(30);
    expect(actions.length).toBeGreaterThan(30);
  });

  it("lists every page", () => {
    const missing = pages.filter((page) => !(page in pageMatrix));
    expect(missing, missingMessage("pages", "pageMatrix", missing, 'pageRule("VIEWER")')).toEqual(
      [],
    );
    const stale = Object.keys(pageMatrix).filter((page) => !pages.includes(page));
    expect(stale, `pageMatrix entries with no page file: remove them`).toEqual([]);
  });

  it("lists every route method", () => {
    const missing = routes.filter((route) => !(route in routeMatrix));
    expect(
      missing,
      missingMessage(
        "route methods",
        "routeMatrix",
        missing,
        'apiRule("VIEWER", { tokens: true, write: false })',
      ),
    ).toEqual([]);
    const stale = Object.keys(routeMatrix).filter((route) => !routes.includes(route));
    expect(stale, `routeMatrix entries with no route method: remove them`).toEqual([]);
  });

  it("lists every exported server action", () => {
    const missing = actions.filter((action) => !(action in actionMatrix));
    expect(
      missing,
      missingMessage("server actions", "actionMatrix", missing, 'apiRule("EDITOR")'),
    ).toEqual([]);
    const stale = Object.keys(actionMatrix).filter((action) => !actions.includes(action));
    expect(stale, `actionMatrix entries with no exported action: remove them`).toEqual([]);
  });

  it("gives every entry an outcome for every caller", () => {
    for (const access of [
      ...Object.values(pageMatrix),
      ...Object.values(routeMatrix),
      ...Object.values(actionMatrix),
    ]) {
      expect(Object.keys(access).sort()).toEqual([...matrixRoles].sort());
    }
  });

  it("never lets a signed-out caller or an outsider into workspace data", () => {
    const workspaceScoped = [
      ...Object.entries(pageMatrix).filter(([key]) => key.startsWith("/workspaces/")),
      ...Object.entries(routeMatrix).filter(([key]) => /\[\w+Id\]/.test(key)),
    ];
    for (const [key, access] of workspaceScoped) {
      expect(access.outsider, key).toBe("notFound");
      expect(access.signedOut, key).toBe("signIn");
    }
  });
});
