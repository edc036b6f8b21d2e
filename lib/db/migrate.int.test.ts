import { cp, mkdtemp, readFile, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { checksumOf, migrate, MigrationError } from "./migrate";

const adminUrl = inject("adminUrl");
const created: string[] = [];
const realMigrations = path.resolve(process.cwd(), "prisma", "migrations");

function urlFor(database: string) {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `fw_migrate_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  return urlFor(name);
}

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "fw-migrations-"));
  await cp(realMigrations, dir, { recursive: true });
  return dir;
}

afterAll(async () => {
  await withClient(adminUrl, async (client) => {
    for (const name of created) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});

describe("migrate", () => {
  it("applies every migration to a fresh database and records it as Prisma does", async () => {
    const url = await freshDatabase();
    const { applied } = await migrate({ connectionString: url, migrationsDir: realMigrations });

    expect(applied.length).toBeGreaterThan(0);
    const rows = await withClient(url, (client) =>
      client.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        applied_steps_count: number;
        id: string;
      }>(
        `SELECT id, migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows.rows.map((row) => row.migration_name)).toEqual(applied);
    for (const row of rows.rows) {
      const sql = await readFile(
        path.join(realMigrations, row.migration_name, "migration.sql"),
        "utf8",
      );
      expect(row.checksum).toBe(checksumOf(sql));
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const tables = await withClient(url, (client) =>
      client.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
      ),
    );
    expect(tables.rows.map((row) => row.tablename)).toEqual(
      expect.arrayContaining(["User", "Workspace", "Document", "Annotation", "AuditEvent"]),
    );
  });

  it("applies nothing the second time", async () => {
    const url = await freshDatabase();
    await migrate({ connectionString: url, migrationsDir: realMigrations });

    await expect(
      migrate({ connectionString: url, migrationsDir: realMigrations }),
    ).resolves.toEqual({ applied: [] });
  });

  it("lets two instances start together: each migration is applied exactly once", async () => {
    const url = await freshDatabase();
    const [first, second] = await Promise.all([
      migrate({ connectionString: url, migrationsDir: realMigrations }),
      migrate({ connectionString: url, migrationsDir: realMigrations }),
    ]);

    expect([...first.applied, ...second.applied].sort()).toEqual(
      (first.applied.length ? first.applied : second.applied).sort(),
    );
    const count = await withClient(url, (client) =>
      client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`),
    );
    expect(count.rows[0].n).toBe(first.applied.length + second.applied.length);
  });

  it("refuses to start when an applied migration's file was edited, naming the file", async () => {
    const url = await freshDatabase();
    const dir = await copyMigrations();
    const { applied } = await migrate({ connectionString: url, migrationsDir: dir });
    const edited = path.join(dir, applied[0] as string, "migration.sql");
    await writeFile(edited, `${await readFile(edited, "utf8")}\n-- an edit\n`);

    const attempt = migrate({ connectionString: url, migrationsDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(MigrationError);
    await expect(attempt).rejects.toThrow(
      new RegExp(`${applied[0]} was edited after it was applied.*migration\\.sql`),
    );
  });

  it("treats a change of line endings alone as unchanged, as Prisma does", async () => {
    const url = await freshDatabase();
    const dir = await copyMigrations();
    const { applied } = await migrate({ connectionString: url, migrationsDir: dir });
    const file = path.join(dir, applied[0] as string, "migration.sql");
    await writeFile(file, (await readFile(file, "utf8")).replace(/\n/g, "\r\n"));

    await expect(migrate({ connectionString: url, migrationsDir: dir })).resolves.toEqual({
      applied: [],
    });
  });

  it("rolls back a failing migration completely and records nothing for it", async () => {
    const url = await freshDatabase();
    const dir = await copyMigrations();
    await migrate({ connectionString: url, migrationsDir: dir });
    const broken = path.join(dir, "99990101000000_broken");
    await mkdir(broken);
    await writeFile(
      path.join(broken, "migration.sql"),
      `CREATE TABLE "Half" (id INT);\nSELECT * FROM "NoSuchTable";\n`,
    );

    await expect(migrate({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      /99990101000000_broken failed and was rolled back/,
    );
    const state = await withClient(url, async (client) => ({
      half: (await client.query(`SELECT to_regclass('"Half"') AS t`)).rows[0].t,
      recorded: (
        await client.query(
          `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '99990101000000_broken'`,
        )
      ).rows[0].n,
    }));
    expect(state).toEqual({ half: null, recorded: 0 });
  });

  it("refuses a database that has a migration this checkout does not know", async () => {
    const url = await freshDatabase();
    const dir = await copyMigrations();
    await mkdir(path.join(dir, "99990101000000_extra"));
    await writeFile(
      path.join(dir, "99990101000000_extra", "migration.sql"),
      `CREATE TABLE "Extra" (id INT);\n`,
    );
    await migrate({ connectionString: url, migrationsDir: dir });

    await expect(migrate({ connectionString: url, migrationsDir: realMigrations })).rejects.toThrow(
      /99990101000000_extra applied, but prisma\/migrations has no folder/,
    );
  });
});
