import type { TestProject } from "vitest/node";

import { acquireTestPostgres } from "@/scripts/lib/test-postgres";

// One fresh, migrated database per run; dropped afterwards. Never the demo data.
export default async function setup(project: TestProject) {
  const server = await acquireTestPostgres((message) => console.log(`[test-postgres] ${message}`));
  const url = await server.createDatabase("framewise_it");
  project.provide("databaseUrl", url);
  project.provide("adminUrl", server.adminUrl);

  return async () => {
    await server.dropDatabase(url);
    await server.release();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminUrl: string;
  }
}
