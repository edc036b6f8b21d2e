import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import { startEmbeddedPostgres } from "./embedded-postgres";

const base = await mkdtemp(path.join(os.tmpdir(), "fw-embedded-"));

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  it("keeps data across a stop and a second start, and separate clusters get separate ports", async () => {
    const dataDir = path.join(base, "one", "pg");
    const first = await startEmbeddedPostgres({ dataDir, database: "app" });
    await query(
      first.url,
      "CREATE TABLE kept (value TEXT); INSERT INTO kept VALUES ('still here')",
    );

    const other = await startEmbeddedPostgres({
      dataDir: path.join(base, "two", "pg"),
      database: "app",
    });
    expect(other.port).not.toBe(first.port);
    await other.stop();
    await first.stop();

    const again = await startEmbeddedPostgres({ dataDir, database: "app" });
    try {
      expect(await query<{ value: string }>(again.url, "SELECT value FROM kept")).toEqual([
        { value: "still here" },
      ]);
      expect(again.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/app$/);
    } finally {
      await again.stop();
    }
  }, 120_000);
});
