// A Postgres server for tests. Precedence: FRAMEWISE_TEST_ADMIN_URL (set by
// scripts/test.ts so every suite shares one server), TEST_DATABASE_URL (a server you
// provide), else an embedded cluster in .framewise/test-postgres, apart from the demo data.
import { randomBytes } from "node:crypto";
import path from "node:path";

import pg from "pg";

import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";

export type TestPostgres = {
  adminUrl: string;
  // A new database with the current migrations applied.
  createDatabase: (prefix: string) => Promise<string>;
  // A new database with nothing in it (a restore target).
  createEmptyDatabase: (prefix: string) => Promise<string>;
  dropDatabase: (url: string) => Promise<void>;
  release: () => Promise<void>;
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function acquireTestPostgres(
  log: (message: string) => void = () => undefined,
): Promise<TestPostgres> {
  const given = process.env.FRAMEWISE_TEST_ADMIN_URL ?? process.env.TEST_DATABASE_URL;
  let adminUrl: string;
  let release = async () => undefined as void;

  if (given) {
    adminUrl = withDatabase(given, "postgres");
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: path.resolve(process.cwd(), ".framewise", "test-postgres"),
      database: "postgres",
      log,
    });
    adminUrl = server.adminUrl;
    release = server.stop;
  }

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async function createEmptyDatabase(prefix: string) {
    const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    await admin((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
    return withDatabase(adminUrl, name);
  }

  return {
    adminUrl,
    async createDatabase(prefix) {
      const url = await createEmptyDatabase(prefix);
      await migrate({ connectionString: url });
      return url;
    },
    createEmptyDatabase,
    async dropDatabase(url) {
      const name = decodeURIComponent(new URL(url).pathname.slice(1));
      await admin((client) =>
        client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
    release,
  };
}
