// A Postgres server of a fault test's own (embedded binaries, a throwaway data folder), so the
// test can stop and restart it without touching the server the other suites share.
import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";

export type OwnPostgres = {
  url: string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  destroy: () => Promise<void>;
};

export async function startOwnPostgres(): Promise<OwnPostgres> {
  // Under the system temp folder, which the postgres user can traverse when tests run as root.
  const folder = path.join(os.tmpdir(), `framewise-fault-${randomBytes(4).toString("hex")}`);
  await mkdir(folder, { recursive: true, mode: 0o755 });
  const dataDir = path.join(folder, "postgres");
  let server: EmbeddedPostgres | null = await startEmbeddedPostgres({
    dataDir,
    database: "framewise",
  });
  const url = server.url;
  await migrate({ connectionString: url });

  return {
    url,
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      server = await startEmbeddedPostgres({ dataDir, database: "framewise" });
      // The port is kept in the state file beside the data, so the URL stays the same.
      if (server.url !== url) {
        throw new Error(`The restarted Postgres moved from ${url} to ${server.url}.`);
      }
    },
    async destroy() {
      await server?.stop();
      server = null;
      await rm(folder, { recursive: true, force: true });
    },
  };
}
