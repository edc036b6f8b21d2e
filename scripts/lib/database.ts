// Resolves the database for scripts: DATABASE_URL when set, else the embedded default.
import path from "node:path";

import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

export type ResolvedDatabase = { url: string; isEmbedded: boolean; stop: () => Promise<void> };

export const stateDir = path.resolve(process.cwd(), ".framewise");

export async function resolveDatabase(log: (message: string) => void): Promise<ResolvedDatabase> {
  const external = process.env.DATABASE_URL;

  if (external) {
    return { url: external, isEmbedded: false, stop: async () => undefined };
  }

  const server = await startEmbeddedPostgres({
    dataDir: path.join(stateDir, "postgres"),
    database: "framewise",
    log,
  });
  return { url: server.url, isEmbedded: true, stop: server.stop };
}
